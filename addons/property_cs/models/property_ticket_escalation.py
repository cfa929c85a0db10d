# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ESCALATION_KIND_LABELS = [
    ("auto_major", "Upgraded to major after one month"),
    ("director", "Notified the director"),
    ("general_manager", "Notified the general manager"),
    ("overdue_first_reply", "First reply overdue"),
    ("overdue_dispatch", "Dispatch overdue"),
    ("overdue_on_site", "Crew on site overdue"),
    ("overdue_resolve", "Resolution overdue"),
]


class PropertyTicketEscalation(models.Model):
    """One row per ticket and escalation: the job's idempotency marker."""

    _name = "property.ticket.escalation"
    _description = "Request Escalation"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, index=True, ondelete="cascade"
    )
    kind = fields.Selection(ESCALATION_KIND_LABELS, required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    project_id = fields.Many2one(
        related="ticket_id.pcs_project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)

    _sql_constraints = [
        (
            "ticket_kind_uniq",
            "unique(ticket_id, kind)",
            "A request is escalated only once per kind.",
        )
    ]

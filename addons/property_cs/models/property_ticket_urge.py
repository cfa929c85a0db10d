# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

URGE_CHANNELS = [
    ("portal", "Portal / App"),
    ("phone", "Phone"),
    ("visit", "In Person"),
]


class PropertyTicketUrge(models.Model):
    """An owner urging an open request (催单): who, when, how, who was told.

    Rows are written by ``helpdesk.ticket._pcs_urge`` only (portal route and
    the front desk's wizard); nobody edits them.
    """

    _name = "property.ticket.urge"
    _description = "Request Urge"
    _order = "date desc, id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    project_id = fields.Many2one(
        related="ticket_id.pcs_project_id", store=True, index=True, string="Project"
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Owner", readonly=True)
    user_id = fields.Many2one("res.users", string="Registered By", readonly=True)
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True, index=True
    )
    channel = fields.Selection(URGE_CHANNELS, required=True, readonly=True)
    sequence = fields.Integer(
        string="Urge No.", readonly=True, help="1 for the first urge of the request."
    )
    note = fields.Text(string="What the Owner Said", readonly=True)
    escalated = fields.Boolean(
        readonly=True,
        help="A repeated urge: the request's priority was raised and the "
        "customer-service managers were told.",
    )
    notified_partner_ids = fields.Many2many(
        "res.partner", string="Notified", readonly=True
    )

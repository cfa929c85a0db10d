# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

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
    digest_pending = fields.Boolean(
        help="Technical: the director or general manager has not been sent the "
        "digest listing this escalation yet (sent by the escalation job in the "
        "same run, or in the next one after an interruption).",
    )

    _sql_constraints = [
        (
            "ticket_kind_uniq",
            "unique(ticket_id, kind)",
            "A request is escalated only once per kind.",
        )
    ]

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS property_ticket_escalation_digest_idx "
                "ON property_ticket_escalation (id) WHERE digest_pending"
            )
        )

    # ------------------------------------------------------------------
    # Digests
    # ------------------------------------------------------------------
    @api.model
    def _pending_digests(self, limit):
        """Escalations whose digest is still to send (``limit`` of them, or
        all with ``None``)."""
        return self.search([("digest_pending", "=", True)], limit=limit, order="id")

    def _send_digests(self):
        """Send each recipient one message listing all its tickets of these
        escalations (important complaints for the director, major ones for
        the general manager), in the recipient's language, with a link to
        each ticket; then mark them sent.  The message goes to the
        recipient's Odoo inbox or e-mail, as their preferences say."""
        Ticket = self.env["helpdesk.ticket"]
        per_partner = {}
        for kind in ("director", "general_manager"):
            escalations = self.filtered(lambda e, k=kind: e.kind == k)
            if not escalations:
                continue
            tickets = escalations.ticket_id
            recipients = tickets._pcs_escalation_recipients(kind)
            minutes = tickets._pcs_director_minutes() if kind == "director" else {}
            for ticket in tickets:
                for partner in recipients[ticket]:
                    per_partner.setdefault(partner, []).append(
                        (kind, ticket, minutes.get(ticket))
                    )
        Thread = self.env["mail.thread"].with_context(mail_notify_force_send=False)
        for partner, items in per_partner.items():
            subject, body = Ticket._pcs_digest(partner, items)
            Thread.message_notify(
                partner_ids=partner.ids,
                subject=subject,
                body=body,
                email_layout_xmlid="mail.mail_notification_light",
            )
        self.write({"digest_pending": False})
        return per_partner

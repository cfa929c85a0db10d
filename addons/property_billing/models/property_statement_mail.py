# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

MAIL_BATCH_SIZE = 50


class PropertyStatementMail(models.Model):
    """One statement (对账单) e-mail per unit and period.

    The unique constraint on (unit, period) is what stops a second mailing of
    the same period; the scheduled action renders the PDFs and queues the
    mails (``mail.mail``) in batches.
    """

    _name = "property.statement.mail"
    _description = "Statement E-mail"
    _order = "period desc, id"
    _rec_name = "unit_id"

    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, precompute=True
    )
    period = fields.Date(required=True, help="First day of the billed month.")
    partner_id = fields.Many2one("res.partner", string="Recipient", required=True)
    state = fields.Selection(
        [("queued", "To Send"), ("sent", "Queued in Outgoing Mail")],
        default="queued",
        required=True,
    )
    mail_id = fields.Many2one("mail.mail", string="E-mail", readonly=True)
    sent_at = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "unit_period_uniq",
            "UNIQUE(unit_id, period)",
            "The statement of this unit has already been mailed for this period.",
        )
    ]

    @api.model
    def _cron_send_statements(self, limit=MAIL_BATCH_SIZE):
        """Render the statement PDF and queue the e-mail, one batch per call."""
        return self.env["ir.cron"]._pcs_run_batch(
            self, [("state", "=", "queued")], lambda mails: mails._send(), limit=limit
        )

    def _send(self):
        template = self.env.ref("property_billing.mail_template_property_statement")
        for record in self:
            mail_id = template.send_mail(
                record.unit_id.id,
                force_send=False,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={"recipient_ids": [(6, 0, record.partner_id.ids)]},
            )
            record.write(
                {"state": "sent", "mail_id": mail_id, "sent_at": fields.Datetime.now()}
            )
        _logger.info("Property statements: %s queued", len(self))

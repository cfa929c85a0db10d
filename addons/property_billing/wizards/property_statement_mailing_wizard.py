# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..models.property_billing import month_start


class PropertyStatementMailingWizard(models.TransientModel):
    """Mail the statement (对账单) of every billed unit of the buildings for a
    period.  Units already mailed for the period are skipped (unique per unit
    and period); the PDFs are rendered and the mails queued by a scheduled
    action in batches."""

    _name = "property.statement.mailing.wizard"
    _description = "Mail Statements"

    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        required=True,
        default=lambda self: self._default_building_ids(),
    )
    period = fields.Date(
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self)),
        help="Any day of the billed month.",
    )
    to_mail_count = fields.Integer(
        string="Statements to Mail", compute="_compute_to_mail_count"
    )

    @api.model
    def _default_building_ids(self):
        if self.env.context.get("active_model") == "property.building":
            return [(6, 0, self.env.context.get("active_ids", []))]
        return []

    def _units_to_mail_sql(self):
        """Units of the buildings with a posted fee invoice for the period, a
        billed partner with an e-mail, and no statement mail for the period."""
        self.ensure_one()
        return SQL(
            """
            SELECT u.id, u.billing_partner_id
              FROM property_unit u
              JOIN res_partner p ON p.id = u.billing_partner_id
             WHERE u.building_id = ANY(%(buildings)s)
               AND u.active
               AND COALESCE(p.email, '') != ''
               AND EXISTS (
                    SELECT 1 FROM account_move m
                     WHERE m.pcs_unit_id = u.id
                       AND m.pcs_period = %(period)s
                       AND m.pcs_billing_kind = 'fee'
                       AND m.state = 'posted')
               AND NOT EXISTS (
                    SELECT 1 FROM property_statement_mail s
                     WHERE s.unit_id = u.id AND s.period = %(period)s)
             ORDER BY u.id
            """,
            buildings=self.building_ids.ids,
            period=month_start(self.period),
        )

    @api.depends("building_ids", "period")
    def _compute_to_mail_count(self):
        for wizard in self:
            if not (wizard.building_ids and wizard.period):
                wizard.to_mail_count = 0
                continue
            self.env.flush_all()
            self.env.cr.execute(wizard._units_to_mail_sql())
            wizard.to_mail_count = len(self.env.cr.fetchall())

    def action_mail(self):
        self.ensure_one()
        # Only buildings the user may read.
        self.building_ids.check_access("read")
        self.env.flush_all()
        self.env.cr.execute(self._units_to_mail_sql())
        rows = self.env.cr.fetchall()
        period = month_start(self.period)
        records = (
            self.env["property.statement.mail"]
            .sudo()
            .create(
                [
                    {"unit_id": unit_id, "partner_id": partner_id, "period": period}
                    for unit_id, partner_id in rows
                ]
            )
        )
        if records:
            self.env.ref("property_billing.ir_cron_property_statement_mail")._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s statements queued for mailing.", count=len(records)
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

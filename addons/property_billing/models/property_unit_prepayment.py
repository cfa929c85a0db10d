# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    property_prepayment_balance = fields.Monetary(
        string="Prepayment Balance",
        compute="_compute_property_prepayment_balance",
        currency_field="property_currency_id",
        help="Prepayments (预收款) received for this unit and not applied yet.",
    )
    property_currency_id = fields.Many2one(related="company_id.currency_id")

    def _compute_property_prepayment_balance(self):
        balances = {}
        if self.ids:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """
                    SELECT p.property_prepayment_unit_id, -SUM(aml.amount_residual)
                      FROM account_payment p
                      JOIN account_move_line aml ON aml.move_id = p.move_id
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE p.property_prepayment
                       AND p.property_prepayment_unit_id = ANY(%s)
                       AND acc.account_type = 'asset_receivable'
                       AND aml.parent_state = 'posted'
                       AND NOT aml.reconciled
                     GROUP BY p.property_prepayment_unit_id
                    """,
                    self.ids,
                )
            )
            balances = dict(self.env.cr.fetchall())
        for unit in self:
            unit.property_prepayment_balance = balances.get(unit.id, 0.0)

    def action_property_prepayment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_prepayment_wizard_action"
        )
        action["context"] = {
            "default_unit_id": self.id,
            "default_partner_id": self.billing_partner_id.id,
        }
        return action

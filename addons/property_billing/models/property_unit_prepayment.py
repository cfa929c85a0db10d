# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
        balances = self.env["account.payment"]._property_prepayment_balances(
            "unit", self.ids
        )
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

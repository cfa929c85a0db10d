# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_prepayment_balance = fields.Monetary(
        string="Prepayment Balance",
        compute="_compute_property_prepayment_balance",
        help="Property prepayments (预收款) received and not applied yet.",
    )

    def _compute_property_prepayment_balance(self):
        balances = self.env["account.payment"]._property_prepayment_balances(
            "partner", self.ids
        )
        for partner in self:
            partner.property_prepayment_balance = balances.get(partner.id, 0.0)

    def action_property_prepayment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_prepayment_wizard_action"
        )
        action["context"] = {"default_partner_id": self.id}
        return action

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models


class PropertyAccessCard(models.Model):
    _inherit = "property.access.card"

    fee_move_id = fields.Many2one(
        "account.move", string="Card Fee Invoice", readonly=True, copy=False
    )

    def _property_invoice_card_fee(self):
        """Invoice the due card fee to the unit's billed partner (one-off fee)."""
        product = self.env.ref("property_billing.product_access_card")
        for card in self.filtered(lambda c: c.fee_state == "due" and c.fee_amount):
            partner = card.unit_id.billing_partner_id or card.holder_id
            if not partner:
                continue
            company = card.company_id
            move = (
                self.env["account.move"]
                .sudo()
                .with_company(company)
                .create(
                    {
                        "move_type": "out_invoice",
                        "company_id": company.id,
                        "journal_id": company._pcs_fee_journal().id,
                        "partner_id": partner.id,
                        "invoice_date": fields.Date.context_today(self),
                        "pcs_unit_id": card.unit_id.id,
                        "pcs_project_id": card.project_id.id,
                        "pcs_building_id": card.unit_id.building_id.id,
                        "pcs_billing_kind": "one_off",
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "name": self.env._(
                                        "Access card %(card)s", card=card.name
                                    ),
                                    "quantity": 1.0,
                                    "price_unit": card.fee_amount,
                                }
                            )
                        ],
                    }
                )
            )
            move.action_post()
            card.sudo().write({"fee_state": "invoiced", "fee_move_id": move.id})
        return True

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _pcs_open_invoice_domain(self):
        return [
            ("partner_id", "in", self.ids),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial", "in_payment")),
        ]

    def _pcs_retention_blocked(self):
        """Debtors are kept as they are until their invoices are settled."""
        blocked = super()._pcs_retention_blocked()
        if not self:
            return blocked
        moves = (
            self.env["account.move"]
            .sudo()
            ._read_group(self._pcs_open_invoice_domain(), ["partner_id"])
        )
        return blocked | self.browse([partner.id for (partner,) in moves])

    def _pcs_anonymise(self):
        """Accounting documents keep the name they were issued to."""
        moves = self.env["account.move"].sudo().search([("partner_id", "in", self.ids)])
        protected = [moves._fields["invoice_partner_display_name"]]
        with self.env.protecting(protected, moves):
            return super()._pcs_anonymise()

    def _pcs_personal_data(self):
        data = super()._pcs_personal_data()
        moves = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.id),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                ],
                order="invoice_date, id",
            )
        )
        data["invoices"] = [
            {
                "number": move.name,
                "date": fields.Date.to_string(move.invoice_date),
                "unit": move.property_unit_id.display_name or None,
                "period": fields.Date.to_string(move.property_period)
                if move.property_period
                else None,
                "amount": move.amount_total,
                "due": move.amount_residual,
                "currency": move.currency_id.name,
                "payment_state": move.payment_state,
            }
            for move in moves
        ]
        return data

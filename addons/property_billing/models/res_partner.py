# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    pcs_dunning_line_ids = fields.One2many(
        "property.dunning.line", "partner_id", string="Property Dunning Line"
    )
    pcs_dunning_count = fields.Integer(
        string="Property Dunning Count", compute="_compute_pcs_dunning_count"
    )
    pcs_debit_mandate_ids = fields.One2many(
        "property.debit.mandate", "partner_id", string="Auto-Debit Mandates"
    )
    pcs_prepayment_balance = fields.Monetary(
        string="Prepayment Balance",
        compute="_compute_pcs_prepayment_balance",
        help="Property prepayments (预收款) received and not applied yet.",
    )

    def _compute_pcs_dunning_count(self):
        counts = dict(
            self.env["property.dunning.line"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.pcs_dunning_count = counts.get(partner, 0)

    def _compute_pcs_prepayment_balance(self):
        balances = self.env["account.payment"]._pcs_prepayment_balances(
            "partner", self.ids
        )
        for partner in self:
            partner.pcs_prepayment_balance = balances.get(partner.id, 0.0)

    def action_pcs_view_dunning(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_dunning_line_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"search_default_group_period": 1}
        return action

    def action_pcs_prepayment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_prepayment_wizard_action"
        )
        action["context"] = {"default_partner_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Personal data (property_cs): invoices kept, exported, block retention
    # ------------------------------------------------------------------
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
                "unit": move.pcs_unit_id.display_name or None,
                "period": fields.Date.to_string(move.pcs_period)
                if move.pcs_period
                else None,
                "amount": move.amount_total,
                "due": move.amount_residual,
                "currency": move.currency_id.name,
                "payment_state": move.payment_state,
            }
            for move in moves
        ]
        return data

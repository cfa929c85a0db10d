# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon


@tagged("post_install", "-at_install")
class TestDeposit(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._create_units(1, prefix="D")
        cls.partner = cls.unit.billing_partner_id

    def _held_deposit(self, amount=1000.0, kind="key"):
        deposit = self.env["property.deposit"].create(
            {
                "kind": kind,
                "partner_id": self.partner.id,
                "unit_id": self.unit.id,
                "amount": amount,
            }
        )
        deposit.action_invoice()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=deposit.invoice_id.ids
        ).create({})._create_payments()
        return deposit

    def test_deposit_held_as_liability(self):
        deposit = self._held_deposit()
        self.assertTrue(deposit.name.startswith("DEP"))
        self.assertEqual(deposit.project_id, self.project)
        self.assertEqual(deposit.company_id, self.company)
        self.assertEqual(deposit.state, "held")
        account = self.company.pcs_deposit_account_id
        self.assertEqual(account.account_type, "liability_current")
        line = deposit.invoice_id.invoice_line_ids
        self.assertEqual(line.account_id, account)
        self.assertEqual(line.credit, 1000.0)
        self.assertFalse(line.tax_ids)
        # The same account is found again, not created twice.
        self.assertEqual(self.company._pcs_deposit_account(), account)

    def test_refund_with_deductions_balanced(self):
        deposit = self._held_deposit()
        with self.assertRaises(ValidationError):
            deposit.deduction_amount = 1200.0
        deposit.write({"deduction_amount": 150.0, "deduction_note": "Lost key"})
        self.assertEqual(deposit.refund_amount, 850.0)
        with self.assertRaises(UserError):
            deposit.action_approve_refund()  # not requested yet
        deposit.action_request_refund()
        self.assertEqual(deposit.state, "refund_requested")
        self.assertEqual(deposit.activity_ids.user_id, self.director)
        deposit.with_user(self.director).action_approve_refund()
        self.assertEqual(deposit.state, "refunded")
        self.assertEqual(deposit.refund_approved_by_id, self.director)
        refund = deposit.refund_move_id
        self.assertEqual(refund.amount_total, 850.0)
        self.assertEqual(refund.payment_state, "paid")
        self.assertEqual(deposit.refund_payment_id.amount, 850.0)
        account = self.company.pcs_deposit_account_id
        lines = self.env["account.move.line"].search(
            [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        )
        self.assertEqual(sum(lines.mapped("debit")), 1000.0)
        self.assertEqual(sum(lines.mapped("credit")), 1000.0)
        for move in deposit.invoice_id | refund | deposit.refund_payment_id.move_id:
            self.assertEqual(
                round(sum(move.line_ids.mapped("debit")), 2),
                round(sum(move.line_ids.mapped("credit")), 2),
            )
        income = refund.line_ids.filtered(
            lambda line: line.account_id.internal_group == "income"
        )
        self.assertEqual(income.credit, 150.0)

    def test_full_deduction_no_payment(self):
        deposit = self._held_deposit(amount=500.0, kind="decoration")
        deposit.deduction_amount = 500.0
        deposit.action_request_refund()
        deposit.with_user(self.director).action_approve_refund()
        self.assertEqual(deposit.state, "refunded")
        self.assertFalse(deposit.refund_payment_id)
        self.assertEqual(deposit.refund_move_id.amount_total, 0.0)

    def test_only_director_approves(self):
        deposit = self._held_deposit()
        deposit.action_request_refund()
        with self.assertRaises(UserError):
            deposit.with_user(self.finance_user).action_approve_refund()
        self.assertEqual(deposit.state, "refund_requested")

    def test_unpaid_deposit_is_not_dunned(self):
        with freeze_time("2026-01-05"):
            deposit = self.env["property.deposit"].create(
                {
                    "kind": "key",
                    "partner_id": self.partner.id,
                    "unit_id": self.unit.id,
                    "amount": 300.0,
                }
            )
            deposit.action_invoice()
        self.assertEqual(deposit.state, "invoiced")
        run = self.env["property.dunning.run"].create(
            {"company_id": self.company.id, "period": date(2026, 2, 1)}
        )
        run.action_prepare_calls()
        self.assertNotIn(self.partner, run.line_ids.partner_id)

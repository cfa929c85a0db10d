# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import PIXEL, RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationCompletion(RenovationTestCommon):
    def _finished_renovation(self):
        with freeze_time("2026-03-02 08:00:00"):
            renovation = self._works_renovation()
            self.env["property.renovation.violation"].create(
                {
                    "renovation_id": renovation.id,
                    "description": "Debris in the corridor",
                    "deadline": date(2026, 3, 5),
                    "penalty_amount": 200.0,
                }
            )
        with freeze_time("2026-04-30 10:00:00"):
            renovation.action_finish_works()
            initial = renovation.inspection_ids
            self.assertEqual(initial.kind, "initial")
            initial.write({"neighbours_ok": True, "findings": "Scratch in the lift"})
            initial.action_done()
        return renovation

    def test_reinspection_one_month_after_initial(self):
        renovation = self._finished_renovation()
        Inspection = self.env["property.renovation.inspection"]
        with freeze_time("2026-05-29 10:00:00"):
            self.assertEqual(Inspection._cron_schedule_reinspections(), 0)
        with freeze_time("2026-05-30 10:00:00"):
            self.assertEqual(Inspection._cron_schedule_reinspections(), 1)
            self.assertEqual(Inspection._cron_schedule_reinspections(), 0)
        reinspection = renovation.inspection_ids.filtered(
            lambda i: i.kind == "reinspection"
        )
        self.assertEqual(len(reinspection), 1)
        self.assertEqual(reinspection.date, date(2026, 5, 30))
        self.assertTrue(reinspection.activity_ids)

    def test_refund_equals_deposit_less_deductions(self):
        renovation = self._finished_renovation()
        Inspection = self.env["property.renovation.inspection"]
        with freeze_time("2026-05-30 10:00:00"):
            Inspection._cron_schedule_reinspections()
            renovation.inspection_ids.filtered(
                lambda i: i.kind == "reinspection"
            ).action_done()
        with self.assertRaises(UserError):  # permit and passes not returned yet
            renovation.action_settle()
        renovation.action_return_permit()
        self.assertEqual(set(renovation.worker_ids.mapped("pass_state")), {"returned"})
        renovation.action_prepare_settlement()
        renovation.action_prepare_settlement()  # once per violation
        self.env["property.renovation.deduction"].create(
            {
                "renovation_id": renovation.id,
                "kind": "damage",
                "name": "Scratch in the lift",
                "amount": 300.0,
            }
        )
        self.assertEqual(renovation.deduction_total, 500.0)
        with self.assertRaises(UserError):  # the owner has not signed
            renovation.action_settle()
        renovation.write(
            {"settlement_signature": PIXEL, "settlement_signed_by": "Owner Zhang"}
        )
        renovation.action_settle()
        deposit = renovation.deposit_id
        self.assertEqual(renovation.state, "settled")
        self.assertEqual(deposit.state, "refund_requested")
        self.assertEqual(deposit.refund_amount, 2500.0)
        # Only a director approves the refund.
        with self.assertRaises(UserError):
            renovation.with_user(self.engineer).action_approve_refund()
        renovation.with_user(self.director).action_approve_refund()
        self.assertEqual(renovation.state, "done")
        self.assertEqual(deposit.state, "refunded")

        refund = deposit.refund_move_id
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.amount_total, 2500.0)
        self.assertEqual(refund.payment_state, "paid")
        payment = deposit.refund_payment_id
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.amount, 2500.0)

        liability = self.company._pcs_deposit_account()
        moves = deposit.invoice_id | refund | payment.move_id
        lines = moves.line_ids
        for move in moves:
            self.assertAlmostEqual(
                sum(move.line_ids.mapped("debit")), sum(move.line_ids.mapped("credit"))
            )
        liability_lines = self.env["account.move.line"].search(
            [("account_id", "=", liability.id), ("parent_state", "=", "posted")]
        )
        self.assertEqual(sum(liability_lines.mapped("balance")), 0.0)
        self.assertEqual(sum(liability_lines.mapped("credit")), 3000.0)
        income = lines.filtered(
            lambda line: line.move_id == refund
            and line.product_id
            == self.env.ref("property_billing.product_deposit_deduction")
        )
        self.assertEqual(income.credit, 500.0)
        self.assertEqual(income.account_id.internal_group, "income")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "property_renovation.report_settlement", renovation.ids
        )
        self.assertIn("Scratch in the lift", html.decode())

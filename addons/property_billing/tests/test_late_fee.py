# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestLateFee(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 425.53 m² × 2.35 = 999.9955 -> an invoice of 1,000.00 due on 7 March
        cls.service_fee.taxes_id = False
        cls.unit = cls._create_units(1, area=425.53, prefix="L")
        cls.invoice = cls.Billing._billing_run(cls.company, PERIOD)
        cls.LateFee = cls.env["property.late.fee"]

    def _pay(self, amount, day):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.invoice.ids
        ).create({"payment_date": day, "amount": amount})._create_payments()

    def _late_fee_invoices(self):
        return self.Move.search(
            [
                ("pcs_unit_id", "=", self.unit.id),
                ("pcs_billing_kind", "=", "late_fee"),
            ]
        )

    def test_exact_and_not_twice(self):
        self.assertEqual(self.invoice.amount_total, 1000.0)
        self.LateFee._late_fee_run(self.company, date(2026, 4, 1))
        accrual = self.LateFee.search([("source_move_id", "=", self.invoice.id)])
        # 8–31 March: 24 days × 1,000.00 × 0.05% = 12.00
        self.assertEqual(accrual.days, 24)
        self.assertEqual(accrual.amount, 12.0)
        late_invoice = self._late_fee_invoices()
        self.assertEqual(late_invoice.amount_total, 12.0)
        self.assertEqual(late_invoice.state, "posted")
        self.assertEqual(late_invoice.partner_id, self.invoice.partner_id)
        # the same days again: nothing
        self.LateFee._late_fee_run(self.company, date(2026, 4, 1))
        self.assertEqual(len(self._late_fee_invoices()), 1)
        # ten more days: 5.00
        self.LateFee._late_fee_run(self.company, date(2026, 4, 11))
        second = self.LateFee.search(
            [
                ("source_move_id", "=", self.invoice.id),
                ("date_from", "=", date(2026, 4, 1)),
            ]
        )
        self.assertEqual((second.days, second.amount), (10, 5.0))
        # late fee invoices themselves bear no late fee
        self.assertFalse(
            self.LateFee.search(
                [("source_move_id", "in", self._late_fee_invoices().ids)]
            )
        )

    def test_payment_stops_accrual(self):
        self._pay(400.0, date(2026, 3, 18))
        self.LateFee._late_fee_run(self.company, date(2026, 4, 1))
        accrual = self.LateFee.search([("source_move_id", "=", self.invoice.id)])
        # 1,000 × 10 days (8–17) + 600 × 14 days (18–31) = 18,400 × 0.05% = 9.20
        self.assertEqual(accrual.amount, 9.2)
        self._pay(600.0, date(2026, 4, 5))
        self.LateFee._late_fee_run(self.company, date(2026, 5, 1))
        accruals = self.LateFee.search(
            [("source_move_id", "=", self.invoice.id)], order="date_from"
        )
        # 600 × 4 days (1–4 April) × 0.05% = 1.20, nothing from the payment on
        self.assertEqual(accruals.mapped("amount"), [9.2, 1.2])
        self.assertTrue(self.invoice.pcs_late_fee_closed)
        self.LateFee._late_fee_run(self.company, date(2026, 6, 1))
        self.assertEqual(
            len(self.LateFee.search([("source_move_id", "=", self.invoice.id)])), 2
        )

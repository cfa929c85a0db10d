# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from odoo.tests import Form, freeze_time, tagged

from odoo.addons.account.models.account_move_line import AccountMoveLine
from odoo.addons.property_billing.models.account_move import AccountMove

from .common import PropertyBillingTestCommon

MAR = date(2026, 3, 1)
APR = date(2026, 4, 1)
MAY = date(2026, 5, 1)


@tagged("post_install", "-at_install")
class TestPrepayment(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service_fee.taxes_id = False  # 100 m² × 2.35 = 235.00
        cls.units = cls._create_units(3, area=100.0, prefix="Q")
        cls.bank = cls.company_data["default_journal_bank"]

    def _register(self, unit, amount, **values):
        wizard_form = Form(
            self.env["property.prepayment.wizard"].with_context(default_unit_id=unit.id)
        )
        wizard_form.amount = amount
        wizard_form.journal_id = self.bank
        for name, value in values.items():
            setattr(wizard_form, name, value)
        action = wizard_form.save().action_register()
        return self.env["account.payment"].browse(action["res_id"])

    @freeze_time("2026-02-25")
    def test_prepayment_applied_on_billing_runs(self):
        unit = self.units[0]
        owner = unit.billing_partner_id
        payment = self._register(unit, 500.0)
        self.assertEqual(payment.partner_id, owner)
        self.assertTrue(payment.pcs_prepayment)
        self.assertEqual(payment.state, "in_process")
        self.assertEqual(unit.property_prepayment_balance, 500.0)
        self.assertEqual(owner.pcs_prepayment_balance, 500.0)

        with patch.object(
            AccountMove,
            "_pcs_prepayment_credit_lines",
            autospec=True,
            side_effect=AccountMove._pcs_prepayment_credit_lines,
        ) as credit_query:
            self.Billing._billing_run(self.company, MAR)
        # One query for the whole batch of three invoices.
        self.assertEqual(credit_query.call_count, 1)
        march = self._fee_invoices(unit, MAR)
        self.assertEqual(march.amount_total, 235.0)
        self.assertEqual(march.amount_residual, 0.0)
        self.assertIn(march.payment_state, ("in_payment", "paid"))
        others = self._fee_invoices(self.units[1:], MAR)
        self.assertEqual(others.mapped("amount_residual"), [235.0, 235.0])
        unit.invalidate_recordset(["property_prepayment_balance"])
        self.assertEqual(unit.property_prepayment_balance, 265.0)

        self.Billing._billing_run(self.company, APR)
        april = self._fee_invoices(unit, APR)
        self.assertEqual(april.amount_residual, 0.0)
        unit.invalidate_recordset(["property_prepayment_balance"])
        self.assertEqual(unit.property_prepayment_balance, 30.0)

        self.Billing._billing_run(self.company, MAY)
        may = self._fee_invoices(unit, MAY)
        self.assertEqual(may.amount_residual, 205.0)
        self.assertEqual(may.payment_state, "partial")
        unit.invalidate_recordset(["property_prepayment_balance"])
        owner.invalidate_recordset(["pcs_prepayment_balance"])
        self.assertEqual(unit.property_prepayment_balance, 0.0)
        self.assertEqual(owner.pcs_prepayment_balance, 0.0)

    @freeze_time("2026-02-25")
    def test_unit_prepayment_not_applied_to_another_unit(self):
        first, second = self.units[:2]
        # The owner of the first unit also owns the second one.
        second.archive_id.ownership_ids.write(
            {"partner_id": first.billing_partner_id.id}
        )
        self.assertEqual(second.billing_partner_id, first.billing_partner_id)
        self._register(first, 100.0)
        self.Billing._billing_run(self.company, MAR)
        self.assertEqual(self._fee_invoices(first, MAR).amount_residual, 135.0)
        self.assertEqual(self._fee_invoices(second, MAR).amount_residual, 235.0)

    @freeze_time("2026-02-25")
    def test_shared_credit_goes_to_the_oldest_invoice_first(self):
        """One owner of three units with a prepayment on the owner (300.00)
        and one on the third unit (100.00), another owner with 100.00: the
        run reconciles the invoices that use credits of their own in one go
        and the others in turn, as one invoice after the other would."""
        owner = self.units[0].billing_partner_id
        (self.units[1] | self.units[2]).archive_id.ownership_ids.write(
            {"partner_id": owner.id}
        )
        other = self._create_units(1, area=100.0, prefix="R")
        self.env["property.prepayment.wizard"].create(
            {"partner_id": owner.id, "amount": 300.0, "journal_id": self.bank.id}
        ).action_register()
        self._register(self.units[2], 100.0)
        self._register(other, 100.0)
        with patch.object(
            AccountMoveLine,
            "_reconcile_plan",
            autospec=True,
            side_effect=AccountMoveLine._reconcile_plan,
        ) as plan:
            self.Billing._billing_run(self.company, MAR)
        residual = [
            self._fee_invoices(unit, MAR).amount_residual for unit in self.units | other
        ]
        # 300.00 pays the first unit (235.00) and 65.00 of the second; the
        # third uses its own 100.00; the other owner's 100.00 is his.
        self.assertEqual(residual, [0.0, 170.0, 135.0, 135.0])
        # The first unit's and the other owner's invoices in one plan, the
        # two invoices sharing the owner's credit after it, one by one.
        self.assertEqual([len(call.args[1]) for call in plan.call_args_list], [2, 1, 1])
        owner.invalidate_recordset(["pcs_prepayment_balance"])
        self.assertEqual(owner.pcs_prepayment_balance, 0.0)

    @freeze_time("2026-02-25")
    def test_one_off_invoice_uses_partner_prepayment(self):
        unit = self.units[2]
        owner = unit.billing_partner_id
        # A prepayment registered on the partner (no unit) pays any property
        # invoice of the owner, here an extra access card.
        wizard = self.env["property.prepayment.wizard"].create(
            {"partner_id": owner.id, "amount": 50.0, "journal_id": self.bank.id}
        )
        wizard.action_register()
        self.env.ref("property_billing.product_access_card").taxes_id = False
        self.company.write({"pcs_card_free_per_household": 0, "pcs_card_fee": 20.0})
        card = self.env["property.access.card"].create(
            {"name": "CARD-PP", "unit_id": unit.id, "project_id": self.project.id}
        )
        card.action_activate()
        self.assertEqual(card.fee_move_id.amount_residual, 0.0)
        owner.invalidate_recordset(["pcs_prepayment_balance"])
        self.assertEqual(owner.pcs_prepayment_balance, 30.0)

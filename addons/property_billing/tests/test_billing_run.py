# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestBillingRun(PropertyBillingTestCommon):
    def test_area_rate_and_proration(self):
        full = self._create_units(1, area=89.37, prefix="F")
        late = self._create_units(1, area=89.37, start=date(2026, 3, 10), prefix="P")
        parking = self._create_units(1, area=12.5, unit_type="parking", prefix="K")
        parking.billing_date_start = date(2026, 3, 17)
        self.Billing._billing_run(self.company, PERIOD)
        inv_full = self._fee_invoices(full, PERIOD)
        inv_late = self._fee_invoices(late, PERIOD)
        inv_parking = self._fee_invoices(parking, PERIOD)
        # 89.37 m² × 2.35 = 210.0195 -> 210.02, VAT included (property
        # services 6%: 198.13 + 11.89)
        self.assertEqual(inv_full.amount_total, 210.02)
        self.assertEqual(inv_full.amount_untaxed, 198.13)
        self.assertEqual(inv_full.invoice_line_ids.quantity, 89.37)
        # from the 10th: 22 of 31 days: 210.0195 × 22 / 31 = 149.0461 -> 149.05
        self.assertEqual(inv_late.amount_total, 149.05)
        self.assertIn("22 days", inv_late.invoice_line_ids.name)
        # parking fixed 120, from the 17th: 15 of 31 days = 58.06
        self.assertEqual(inv_parking.amount_total, 58.06)
        for inv in inv_full | inv_late | inv_parking:
            self.assertEqual(inv.state, "posted")
            self.assertEqual(inv.invoice_date_due, date(2026, 3, 7))
            self.assertEqual(inv.journal_id.code, "PROP")
            self.assertIn(inv.name, inv.payment_reference)
            self.assertIn(inv.pcs_unit_id.code, inv.payment_reference)
        # billed partner is the owner; the tenant when the owner says so
        self.assertEqual(inv_full.partner_id, full.current_owner_ids)

    def test_bill_tenant(self):
        unit = self._create_units(1, prefix="T")
        tenant = self.env["res.partner"].create({"name": "Tenant"})
        unit.write({"billing_partner_mode": "tenant", "billing_tenant_id": tenant.id})
        self.Billing._billing_run(self.company, PERIOD)
        self.assertEqual(self._fee_invoices(unit, PERIOD).partner_id, tenant)

    def test_second_run_creates_nothing(self):
        units = self._create_units(5)
        first = self.Billing._billing_run(self.company, PERIOD, limit=2)
        self.assertEqual(len(first), 5)
        second = self.Billing._billing_run(self.company, PERIOD, limit=2)
        self.assertFalse(second)
        self.assertEqual(len(self._fee_invoices(units, PERIOD)), 5)
        self.assertEqual(self.Billing._billing_remaining(self.company, PERIOD), 0)

    def test_database_refuses_duplicate(self):
        unit = self._create_units(1)
        invoice = self.Billing._billing_run(self.company, PERIOD)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                invoice.copy(
                    {
                        "pcs_unit_id": unit.id,
                        "pcs_period": PERIOD,
                        "pcs_billing_kind": "fee",
                    }
                )
                self.env.flush_all()

    def test_interrupted_run_resumes(self):
        units = self._create_units(7)
        original = type(self.Billing)._prepare_invoice_values
        calls = {"n": 0}

        def failing(billing, batch_units, company, period):
            calls["n"] += 1
            if calls["n"] == 3:
                raise RuntimeError("server killed")
            return original(billing, batch_units, company, period)

        # (not assertRaises: it would roll back the whole block)
        interrupted = False
        with patch.object(type(self.Billing), "_prepare_invoice_values", failing):
            try:
                self.Billing._billing_run(self.company, PERIOD, limit=2)
            except RuntimeError:
                interrupted = True
        self.assertTrue(interrupted)
        # the two committed batches stay, the third is rolled back
        self.assertEqual(len(self._fee_invoices(units, PERIOD)), 4)
        self.Billing._billing_run(self.company, PERIOD, limit=2)
        invoices = self._fee_invoices(units, PERIOD)
        self.assertEqual(len(invoices), 7)
        self.assertEqual(invoices.pcs_unit_id, units)

    def test_wizard(self):
        units = self._create_units(3)
        with freeze_time("2026-02-28"):
            wizard = Form(self.env["property.billing.wizard"])
            self.assertEqual(wizard.period, date(2026, 3, 1))
            self.assertEqual(wizard.remaining, 3)
            wizard.save().action_run()
        self.assertEqual(len(self._fee_invoices(units, PERIOD)), 3)

    def test_cron_from_billing_day(self):
        units = self._create_units(3)
        self.Billing = self.Billing.with_context(
            property_billing_company_ids=self.company.ids
        )
        self.Billing._cron_billing_run(today=date(2026, 2, 20))
        self.assertFalse(self._fee_invoices(units, PERIOD))
        self.Billing._cron_billing_run(today=date(2026, 2, 28), limit=2)
        self.assertEqual(len(self._fee_invoices(units, PERIOD)), 2)
        self.Billing._cron_billing_run(today=date(2026, 2, 28), limit=2)
        self.assertEqual(len(self._fee_invoices(units, PERIOD)), 3)

    def test_meter_readings(self):
        unit = self._create_units(1)
        Reading = self.env["property.meter.reading"]
        Reading.create(
            {
                "unit_id": unit.id,
                "product_id": self.water.id,
                "date": date(2026, 1, 25),
                "current_value": 100.0,
            }
        )
        second = Reading.create(
            {
                "unit_id": unit.id,
                "product_id": self.water.id,
                "date": date(2026, 2, 25),
                "current_value": 112.5,
            }
        )
        self.assertEqual(second.previous_value, 100.0)
        self.assertEqual(second.consumption, 12.5)
        with self.assertRaises(ValidationError):
            Reading.create(
                {
                    "unit_id": unit.id,
                    "product_id": self.water.id,
                    "date": date(2026, 2, 26),
                    "current_value": 90.0,
                }
            )
        invoice = self.Billing._billing_run(self.company, PERIOD)
        water_line = invoice.invoice_line_ids.filtered(
            lambda line: line.product_id == self.water
        )
        # the first reading (0 -> 100) and the second (100 -> 112.5)
        self.assertEqual(sorted(water_line.mapped("quantity")), [12.5, 100.0])
        # each line rounded to the cent: 345.00 + 43.13 (12.5 × 3.45 = 43.125),
        # water VAT (9%) included
        self.assertEqual(sorted(water_line.mapped("price_total")), [43.13, 345.0])
        self.assertEqual(second.move_id, invoice)
        # a replaced meter may restart lower
        replaced = Reading.create(
            {
                "unit_id": unit.id,
                "product_id": self.water.id,
                "date": date(2026, 3, 25),
                "previous_value": 0.0,
                "current_value": 4.0,
                "meter_replaced": True,
            }
        )
        self.assertEqual(replaced.consumption, 4.0)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
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
            # the project's own fee journal numbers its invoices
            self.assertEqual(inv.journal_id, self.project_a.fee_journal_id)
            self.assertTrue(inv.name.startswith("PA/"), inv.name)
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

    def test_fee_journal_per_project(self):
        """Each project numbers its fees in its own journal: the accountant
        finds one sales journal per project, named after it."""
        journal_a = self.project_a.fee_journal_id
        journal_b = self.project_b.fee_journal_id
        self.assertTrue(journal_a and journal_b)
        self.assertNotEqual(journal_a, journal_b)
        self.assertEqual((journal_a.type, journal_a.code), ("sale", "PA"))
        self.assertIn("Project A", journal_a.name)
        # a new project gets its journal at once; a taken code is not reused
        project = (
            self.env["property.project"]
            .sudo()
            .create(
                {"name": "Project PA2", "code": "pa", "company_id": self.company.id}
            )
        )
        self.assertEqual(project.fee_journal_id.code, "FPA")
        self.Tariff.create(
            {
                "project_id": self.project_b.id,
                "product_id": self.service_fee.id,
                "price": 3.0,
                "date_from": date(2025, 1, 1),
            }
        )
        unit_a = self._create_units(1, prefix="JA")
        unit_b = self._create_units(1, prefix="JB", project=self.project_b)
        self.Billing._billing_run(self.company, PERIOD)
        self.assertEqual(self._fee_invoices(unit_a, PERIOD).journal_id, journal_a)
        self.assertEqual(self._fee_invoices(unit_b, PERIOD).journal_id, journal_b)
        self.assertTrue(self._fee_invoices(unit_b, PERIOD).name.startswith("PB/"))

    def test_journal_created_when_missing(self):
        """A project without its journal (its company had no chart of accounts
        when it was created) gets it at the first billing run."""
        self.project_a.fee_journal_id = False
        unit = self._create_units(1, prefix="NJ")
        invoice = self.Billing._billing_run(self.company, PERIOD)
        self.assertTrue(self.project_a.fee_journal_id)
        self.assertEqual(invoice.journal_id, self.project_a.fee_journal_id)
        self.assertEqual(invoice.pcs_unit_id, unit)

    def test_cancelled_invoice_billed_again_after_others(self):
        """The walk resumes after the last unit billed; a unit below it whose
        invoice was cancelled is billed again in the last pass."""
        units = self._create_units(5, prefix="K")
        self.Billing._billing_run(self.company, PERIOD, limit=2)
        first = self._fee_invoices(units[0], PERIOD)
        first.button_cancel()
        again = self.Billing._billing_run(self.company, PERIOD, limit=2)
        self.assertEqual(again.pcs_unit_id, units[0])
        self.assertEqual(len(self._fee_invoices(units, PERIOD)), 6)
        self.assertFalse(self.Billing._billing_run(self.company, PERIOD, limit=2))

    def test_unit_with_unpriced_reading_does_not_stop_the_run(self):
        """A reading whose product has no tariff in the project is not billed
        and the run ends (it never takes the same unit again and again)."""
        units = self._create_units(3, prefix="R")
        gas = self.env["product.product"].create(
            {"name": "Gas", "type": "service", "pcs_fee_type": "gas"}
        )
        self.env["property.meter.reading"].create(
            {
                "unit_id": units[0].id,
                "product_id": gas.id,
                "date": date(2026, 2, 25),
                "current_value": 10.0,
            }
        )
        moves = self.Billing._billing_run(self.company, PERIOD, limit=1)
        self.assertEqual(len(moves), 3)
        self.assertNotIn(gas, moves.invoice_line_ids.product_id)

    def test_collision_stops_with_a_message(self):
        """A batch that collides with another run's invoice is not retried in
        the same transaction (it could not see that invoice): without commits
        the run stops at once and says why."""
        units = self._create_units(3, prefix="C")
        original = type(self.Billing)._billing_invoice_units
        calls = {"n": 0}

        def colliding(billing, company, period, unit_ids):
            calls["n"] += 1
            moves = original(billing, company, period, unit_ids)
            # what a parallel run would have committed for the same unit
            moves[:1].copy(
                {
                    "pcs_unit_id": moves[:1].pcs_unit_id.id,
                    "pcs_period": PERIOD,
                    "pcs_billing_kind": "fee",
                }
            )
            self.env.flush_all()
            return moves

        with (
            patch.object(type(self.Billing), "_billing_invoice_units", colliding),
            mute_logger(
                "odoo.sql_db", "odoo.addons.property_billing.models.property_billing"
            ),
            self.assertRaisesRegex(UserError, "Another billing run"),
        ):
            self.Billing._billing_run(self.company, PERIOD, limit=5)
        self.assertEqual(calls["n"], 1)
        self.assertFalse(self._fee_invoices(units, PERIOD))

    def test_cron_walk_resumes_after_last_billed_unit(self):
        """The scheduled run bills the units in id order, one batch per call,
        without counting what is left twice; what it reports left is an
        estimate the runner uses to call again."""
        units = self._create_units(5, prefix="W")
        Billing = self.Billing.with_context(
            property_billing_company_ids=self.company.ids
        )
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref("property_billing.ir_cron_billing_run").id}
        )
        Billing = Billing.with_context(ir_cron_progress_id=progress.id)
        Billing._cron_billing_run(today=date(2026, 2, 28), limit=2)
        self.assertEqual(self._fee_invoices(units, PERIOD).pcs_unit_id, units[:2])
        self.assertEqual((progress.done, progress.remaining), (2, 3))
        Billing._cron_billing_run(today=date(2026, 2, 28), limit=2)
        Billing._cron_billing_run(today=date(2026, 2, 28), limit=2)
        self.assertEqual(self._fee_invoices(units, PERIOD).pcs_unit_id, units)
        self.assertEqual(progress.remaining, 0)

    def test_selection_queries_flat(self):
        """Choosing a batch costs the same queries whatever was billed before
        (keyset walk, no rescan of the billed units)."""
        self._create_units(12, prefix="Q")
        walked = {None: set()}
        counts = []
        for _batch in range(5):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            unit_ids = self.Billing._billing_due_units(
                self.company, PERIOD, 2, walked=walked
            )
            counts.append(self.env.cr.sql_log_count - before)
            self.Billing._billing_invoice_units(self.company, PERIOD, unit_ids)
        self.assertEqual(len(walked[None]), 10)
        self.assertEqual(len(set(counts[1:])), 1, counts)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon

FEB = date(2026, 2, 1)
MAR = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestCollectionReport(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 100 m² × 2.35 = 235.00 per unit and month, no tax.
        cls.service_fee.taxes_id = False
        cls.units = cls._create_units(3, area=100.0, prefix="R")
        cls.Report = cls.env["property.collection.report"]

    def _pay(self, invoices, day, amount=None):
        values = {"payment_date": day}
        if amount is not None:
            values["amount"] = amount
        return (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoices.ids)
            .create(values)
            ._create_payments()
        )

    def _invoice(self, unit, period):
        return self._fee_invoices(unit, period)

    def _bill_and_collect(self):
        u1, u2, u3 = self.units
        self.Billing._billing_run(self.company, FEB)
        self.Billing._billing_run(self.company, MAR)
        # February: units 1 and 2 pay their February fees, unit 3 does not.
        self._pay(self._invoice(u1, FEB), date(2026, 2, 5))
        self._pay(self._invoice(u2, FEB), date(2026, 2, 6))
        # March: unit 1 pays March; unit 3 pays its February arrears.
        self._pay(self._invoice(u1, MAR), date(2026, 3, 3))
        self._pay(self._invoice(u3, FEB), date(2026, 3, 20))

    def _figures(self, domain, groupby):
        return {
            tuple(row[g.split(":")[0]] for g in groupby): row
            for row in self.Report._summary(domain, groupby)
        }

    @freeze_time("2026-03-31")
    def test_collection_rate_per_month(self):
        self._bill_and_collect()
        self.assertEqual(self._invoice(self.units[0], FEB).amount_total, 235.0)
        figures = self._figures(
            [("project_id", "=", self.project.id)], ["period:month"]
        )
        feb, mar = figures[(FEB,)], figures[(MAR,)]
        self.assertEqual(feb["billed"], 705.0)
        self.assertEqual(feb["collected_period"], 470.0)
        self.assertEqual(feb["arrears_collected"], 0.0)
        self.assertEqual(feb["collection_rate"], 66.67)
        self.assertEqual(mar["billed"], 705.0)
        self.assertEqual(mar["collected_period"], 235.0)
        self.assertEqual(mar["arrears_collected"], 235.0)
        self.assertEqual(mar["collection_rate"], 33.33)

    @freeze_time("2026-03-31")
    def test_rate_of_a_group_is_ratio_of_sums(self):
        self._bill_and_collect()
        groups = self.Report.read_group(
            [("building_id", "=", self.building.id)],
            ["billed:sum", "collected_period:sum", "collection_rate:avg"],
            ["building_id"],
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["billed"], 1410.0)
        self.assertEqual(groups[0]["collected_period"], 705.0)
        self.assertEqual(groups[0]["collection_rate"], 50.0)
        by_month = self.Report.read_group(
            [("building_id", "=", self.building.id)],
            ["collection_rate"],
            ["period:month"],
            orderby="period",
        )
        self.assertEqual([g["collection_rate"] for g in by_month], [66.67, 33.33])

    @freeze_time("2026-03-31")
    def test_monthly_summary_and_xlsx(self):
        self._bill_and_collect()
        self.project.collection_target = 90.0
        wizard = self.env["property.billing.report.wizard"].create(
            {"project_id": self.project.id, "period": date(2026, 3, 15)}
        )
        (row,) = wizard._collection_rows()
        self.assertEqual(row["building_id"], self.building)
        self.assertEqual(row["billed"], 705.0)
        self.assertEqual(row["collected_period"], 235.0)
        self.assertEqual(row["arrears_collected"], 235.0)
        self.assertEqual(row["collection_rate"], 33.33)
        # Open arrears at the end of March: the March fees of units 2 and 3.
        self.assertEqual(row["open_arrears"], 470.0)
        self.assertEqual(row["gap"], -56.67)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "property_billing.report_billing_summary", wizard.ids
        )[0]
        self.assertIn(b"33.33", html)
        self.assertIn(self.building.name.encode(), html)
        content, report_type = self.env["ir.actions.report"]._render(
            "property_billing.report_billing_xlsx", wizard.ids
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

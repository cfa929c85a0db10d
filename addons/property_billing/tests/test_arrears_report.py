# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon

PERIODS = [
    date(2025, 1, 1),  # due 2025-01-07: 529 days overdue on 2026-06-20
    date(2025, 11, 1),  # due 2025-11-07: 225 days
    date(2026, 2, 1),  # due 2026-02-07: 133 days
    date(2026, 4, 1),  # due 2026-04-07: 74 days
    date(2026, 6, 1),  # due 2026-06-07: 13 days
]


@tagged("post_install", "-at_install")
class TestArrearsReport(PropertyBillingTestCommon):
    @freeze_time("2026-06-20")
    def test_ageing_buckets(self):
        self.service_fee.taxes_id = False
        unit = self._create_units(1, area=100.0, prefix="A")
        other = self._create_units(1, area=100.0, prefix="P")
        for period in PERIODS:
            self.Billing._billing_run(self.company, period)
        # A partial payment on the oldest invoice leaves 135.00 in its bucket.
        oldest = self._fee_invoices(unit, PERIODS[0])
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=oldest.ids
        ).create({"payment_date": date(2026, 6, 1), "amount": 100.0})._create_payments()
        # The other owner paid everything.
        invoices = self.Move.search(
            [("pcs_unit_id", "=", other.id), ("pcs_billing_kind", "=", "fee")]
        )
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoices.ids
        ).create(
            {"payment_date": date(2026, 6, 10), "group_payment": True}
        )._create_payments()
        Report = self.env["property.arrears.report"]
        rows = Report.search([("project_id", "=", self.project.id)])
        self.assertEqual(rows.partner_id, unit.billing_partner_id)
        buckets = dict(
            Report._read_group(
                [("partner_id", "=", unit.billing_partner_id.id)],
                ["age_bucket"],
                ["amount_residual:sum"],
            )
        )
        self.assertEqual(
            buckets,
            {
                "365": 135.0,
                "181_365": 235.0,
                "91_180": 235.0,
                "31_90": 235.0,
                "0_30": 235.0,
            },
        )
        [totals] = Report._read_group(
            [("building_id", "=", self.building.id)],
            [],
            [
                "amount_residual:sum",
                "amount_0_30:sum",
                "amount_31_90:sum",
                "amount_91_180:sum",
                "amount_181_365:sum",
                "amount_365:sum",
                "days_overdue:max",
            ],
        )
        self.assertEqual(totals, (1075.0, 235.0, 235.0, 235.0, 235.0, 135.0, 529))
        # Due today is not overdue yet.
        Report.invalidate_model()
        with freeze_time("2026-06-07"):
            self.assertEqual(
                Report.search_count([("partner_id", "=", unit.billing_partner_id.id)]),
                4,
            )
        # The ageing day can be given explicitly (monthly reports).
        Report.invalidate_model()
        at_may_end = Report.with_context(ageing_date=date(2026, 5, 31)).search(
            [("partner_id", "=", unit.billing_partner_id.id)]
        )
        self.assertEqual(sorted(at_may_end.mapped("days_overdue")), [54, 113, 205, 509])

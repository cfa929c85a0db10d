# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The finance tour in Chromium, as the cashier (收费员), in 简体中文
(static/tests/tours/billing_tours.js)."""

from odoo.tests import HttpCase, tagged

from odoo.addons.property_cs.tests.browser import PropertyBrowserMixin

from .common import PropertyBillingTestCommon


@tagged("post_install", "-at_install", "property_browser")
class TestBillingTours(PropertyBrowserMixin, HttpCase, PropertyBillingTestCommon):
    chart_template = "cn"  # a Chinese company: l10n_cn, CNY

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Building 3 (two flats of 100 m², handed over) is billed; the flat
        # of building 1 is not, as the cashier bills one building only.
        cls.building_3 = cls.env["property.building"].create(
            {"name": "3号楼", "code": "A3", "project_id": cls.project_a.id}
        )
        owners = cls.env["res.partner"].create(
            [{"name": name} for name in ("钱明", "孙杰", "周敏")]
        )
        cls.units_3 = cls._create_units(
            2, prefix="A3-1", building=cls.building_3, area=100.0, owners=owners[:2]
        )
        cls.unit_1 = cls._create_units(1, prefix="A1-9", area=100.0, owners=owners[2:])

    def test_billing_run_payment_collection_rate(self):
        """The cashier bills building 3 for the month, opens an invoice in
        Accounting (posted, 235.00 VAT included), registers its payment and
        reads the collection rate of the building."""
        self.pcs_tour("pcs_finance_billing", self.finance_user.login)
        invoices = self.Move.search(
            [
                ("pcs_unit_id", "in", (self.units_3 | self.unit_1).ids),
                ("pcs_billing_kind", "=", "fee"),
            ]
        )
        self.assertEqual(invoices.pcs_unit_id, self.units_3, "building 3 only")
        self.assertEqual(len(invoices), 2)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        # 100 m² × 2.35, VAT (6 %) included
        self.assertEqual(invoices.mapped("amount_total"), [235.0, 235.0])
        paid = invoices.filtered(lambda m: m.payment_state in ("paid", "in_payment"))
        self.assertEqual(len(paid), 1, "the cashier registered one payment")
        self.assertEqual(
            (invoices - paid).payment_state, "not_paid", "the other one is owed"
        )
        self.assertEqual(paid.matched_payment_ids.create_uid, self.finance_user)
        self.pcs_expected_failures()

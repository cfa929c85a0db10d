# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The billing test base: the product's ``PropertyTestCommon`` (projects,
units, owners, staff) in a company with a chart of accounts (Odoo's
``AccountTestInvoicingCommon``), plus tariffs and fee helpers. Used by every
billing test, by ``property_renovation`` and by the cross-addon tests."""

from datetime import date

from odoo import Command

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.property_cs.tests.common import PropertyTestCommon

BILLING_START = date(2025, 1, 1)


class PropertyBillingTestCommon(PropertyTestCommon, AccountTestInvoicingCommon):
    """Tariffs of project A from 2025 (service fee 2.35/m² for residences,
    parking 120 a month, water 3.45/m³), late fees 0.05% a day from the 7th;
    the test user is general manager and cashier of every project."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The base's units are not billed: each test bills the units it makes.
        (cls.unit_a | cls.unit_a2 | cls.unit_b).billing_date_start = False
        cls.env.user.groups_id = [
            Command.link(cls.env.ref(xmlid).id)
            for xmlid in (
                "property_cs.group_general_manager",
                "property_cs.group_all_projects",
                "property_cs.group_finance",
            )
        ]
        cls.company.write({"pcs_late_fee_rate": 0.0005, "pcs_due_day": 7})
        ref = cls.env.ref
        cls.service_fee = ref("property_billing.product_service_fee")
        cls.parking_fee = ref("property_billing.product_parking")
        cls.water = ref("property_billing.product_water")
        cls.Tariff = cls.env["property.tariff"]
        cls.Tariff.create(
            [
                {
                    "project_id": cls.project.id,
                    "product_id": cls.service_fee.id,
                    "unit_type": "residence",
                    "price": 2.35,
                    "date_from": BILLING_START,
                },
                {
                    "project_id": cls.project.id,
                    "product_id": cls.parking_fee.id,
                    "unit_type": "parking",
                    "price": 120.0,
                    "date_from": BILLING_START,
                },
                {
                    "project_id": cls.project.id,
                    "product_id": cls.water.id,
                    "price": 3.45,
                    "date_from": BILLING_START,
                },
            ]
        )
        cls.Billing = cls.env["property.billing"]
        cls.Move = cls.env["account.move"]

    @classmethod
    def _create_units(cls, count, prefix="U", start=None, **vals):
        """Units of project A billed from ``start`` (1 January 2025), each
        with its own owner since that day (see the base for the options)."""
        vals.setdefault("owner_since", BILLING_START)
        return super()._create_units(
            count, prefix=prefix, billing_date_start=start or BILLING_START, **vals
        )

    @classmethod
    def _fee_invoices(cls, units, period):
        """The periodic fee invoices of ``units`` for ``period``."""
        return cls.env["account.move"].search(
            [
                ("pcs_unit_id", "in", units.ids),
                ("pcs_period", "=", period),
                ("pcs_billing_kind", "=", "fee"),
            ]
        )

    @classmethod
    def _pay(cls, moves, **vals):
        """Register the payment of ``moves`` (one payment per invoice)."""
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create({"group_payment": False, **vals})
            ._create_payments()
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


class PropertyBillingCommon(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.env.user.groups_id = [
            Command.link(cls.env.ref(xmlid).id)
            for xmlid in (
                "property_cs.group_general_manager",
                "property_cs.group_all_projects",
                "property_cs.group_finance",
            )
        ]
        cls.company.write({"pcs_late_fee_rate": 0.0005, "pcs_due_day": 7})
        cls.project = cls.env["property.project"].create(
            {"name": "Test Garden", "code": "TG", "company_id": cls.company.id}
        )
        cls.building = cls.env["property.building"].create(
            {"name": "Building 1", "code": "B1", "project_id": cls.project.id}
        )
        cls.env.user.pcs_project_ids = [Command.link(cls.project.id)]
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
                    "date_from": date(2025, 1, 1),
                },
                {
                    "project_id": cls.project.id,
                    "product_id": cls.parking_fee.id,
                    "unit_type": "parking",
                    "price": 120.0,
                    "date_from": date(2025, 1, 1),
                },
                {
                    "project_id": cls.project.id,
                    "product_id": cls.water.id,
                    "price": 3.45,
                    "date_from": date(2025, 1, 1),
                },
            ]
        )
        cls.Billing = cls.env["property.billing"]
        cls.Move = cls.env["account.move"]

    @classmethod
    def _create_units(
        cls, count, area=89.37, unit_type="residence", start=None, prefix="U"
    ):
        partners = cls.env["res.partner"].create(
            [{"name": f"Owner {prefix}{i}"} for i in range(count)]
        )
        units = cls.env["property.unit"].create(
            [
                {
                    "code": f"{prefix}-{i:04d}",
                    "project_id": cls.project.id,
                    "building_id": cls.building.id,
                    "area": area,
                    "unit_type": unit_type,
                    "state": "occupied",
                    "billing_date_start": start or date(2025, 1, 1),
                }
                for i in range(count)
            ]
        )
        cls.env["property.archive"].create(
            [
                {
                    "unit_id": unit.id,
                    "ownership_ids": [
                        Command.create(
                            {"partner_id": partner.id, "date_start": date(2025, 1, 1)}
                        )
                    ],
                }
                for unit, partner in zip(units, partners, strict=True)
            ]
        )
        return units

    def _fee_invoices(self, units, period):
        return self.Move.search(
            [
                ("pcs_unit_id", "in", units.ids),
                ("pcs_period", "=", period),
                ("pcs_billing_kind", "=", "fee"),
            ]
        )

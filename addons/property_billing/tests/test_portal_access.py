# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestPortalInvoices(HttpCase):
    """Owners see their own fee invoices in the portal, and only those."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        project = cls.env["property.project"].create(
            {"name": "Portal Garden", "code": "PGX", "company_id": cls.company.id}
        )
        building = cls.env["property.building"].create(
            {"name": "Portal 1", "code": "PG1", "project_id": project.id}
        )
        cls.env["property.tariff"].create(
            {
                "project_id": project.id,
                "product_id": cls.env.ref("property_billing.product_service_fee").id,
                "price": 2.0,
                "date_from": date(2025, 1, 1),
            }
        )
        cls.user_a = new_test_user(
            cls.env,
            login="pb_portal_a",
            password="pb_portal_a",
            groups="base.group_portal",
        )
        cls.user_b = new_test_user(
            cls.env,
            login="pb_portal_b",
            password="pb_portal_b",
            groups="base.group_portal",
        )
        units = cls.env["property.unit"].create(
            [
                {
                    "code": f"PG-{i}",
                    "project_id": project.id,
                    "building_id": building.id,
                    "area": 50.0,
                    "unit_type": "residence",
                    "billing_date_start": date(2025, 1, 1),
                }
                for i in (1, 2)
            ]
        )
        for unit, user in zip(units, (cls.user_a, cls.user_b), strict=True):
            cls.env["property.archive"].create(
                {
                    "unit_id": unit.id,
                    "ownership_ids": [
                        Command.create(
                            {
                                "partner_id": user.partner_id.id,
                                "date_start": date(2025, 1, 1),
                            }
                        )
                    ],
                }
            )
        cls.env["property.billing"]._billing_run(
            cls.company, PERIOD, project_ids=project.ids
        )
        Move = cls.env["account.move"]
        cls.invoice_a = Move.search([("pcs_unit_id", "=", units[0].id)])
        cls.invoice_b = Move.search([("pcs_unit_id", "=", units[1].id)])

    def test_owner_sees_only_own_invoices(self):
        self.assertEqual(self.invoice_a.partner_id, self.user_a.partner_id)
        self.assertEqual(self.invoice_a.state, "posted")
        self.authenticate("pb_portal_a", "pb_portal_a")
        response = self.url_open("/my/invoices")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.invoice_a.name, response.text)
        self.assertNotIn(self.invoice_b.name, response.text)
        own = self.url_open(f"/my/invoices/{self.invoice_a.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn(self.invoice_a.name, own.text)
        # The invoice of owner B: redirected to /my, nothing of it shown.
        other = self.url_open(f"/my/invoices/{self.invoice_b.id}")
        self.assertTrue(other.url.endswith("/my"), other.url)
        self.assertNotIn(self.invoice_b.name, other.text)
        with self.assertRaises(AccessError):
            self.invoice_b.with_user(self.user_a).check_access("read")


@tagged("post_install", "-at_install")
class TestFrontDeskEntries(HttpCase):
    def test_front_desk_cannot_create_or_post_entries(self):
        front_desk = new_test_user(
            self.env, login="pb_fd_entry", groups="property_cs.group_front_desk"
        )
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.env.company.id), ("type", "=", "general")],
            limit=1,
        )
        accounts = self.env["account.account"].search(
            [("company_ids", "in", self.env.company.id)], limit=2
        )
        values = {
            "move_type": "entry",
            "journal_id": journal.id,
            "line_ids": [
                Command.create({"account_id": accounts[0].id, "debit": 10.0}),
                Command.create({"account_id": accounts[1].id, "credit": 10.0}),
            ],
        }
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(front_desk).create(values)
        entry = self.env["account.move"].create(values)
        with self.assertRaises(AccessError):
            entry.with_user(front_desk).action_post()
        self.assertEqual(entry.state, "draft")

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestPortalInvoices(PropertyBillingTestCommon, HttpCase):
    """Owners see their own fee invoices in the portal, and only those."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a, cls.user_b = cls.owner_user_a, cls.owner_user_b
        units = cls._create_units(
            2, prefix="PG", area=50.0, owners=cls.owner_a | cls.owner_b
        )
        cls.Billing._billing_run(cls.company, PERIOD, project_ids=cls.project.ids)
        cls.invoice_a = cls.Move.search([("pcs_unit_id", "=", units[0].id)])
        cls.invoice_b = cls.Move.search([("pcs_unit_id", "=", units[1].id)])

    def test_owner_sees_only_own_invoices(self):
        self.assertEqual(self.invoice_a.partner_id, self.user_a.partner_id)
        self.assertEqual(self.invoice_a.state, "posted")
        self.authenticate(self.user_a.login, self.user_a.login)
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
class TestFrontDeskEntries(PropertyBillingTestCommon):
    def test_front_desk_cannot_create_or_post_entries(self):
        front_desk = self.front_desk
        journal = self.company_data["default_journal_misc"]
        accounts = (
            self.company_data["default_account_revenue"]
            | self.company_data["default_account_receivable"]
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

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Accounting documents follow the projects for property staff; accountants
of the company keep seeing and reconciling everything."""

import json
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import BILLING_START, PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestAccountingAccess(PropertyBillingTestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Tariff.create(
            {
                "project_id": cls.project_b.id,
                "product_id": cls.service_fee.id,
                "unit_type": "residence",
                "price": 2.5,
                "date_from": BILLING_START,
            }
        )
        cls.unit_1 = cls._create_units(1, prefix="P1")
        cls.unit_2 = cls._create_units(
            1, prefix="P2", project=cls.project_b, building=cls.building_b
        )
        cls.Billing._billing_run(cls.company, PERIOD)
        cls.invoice_1 = cls._fee_invoices(cls.unit_1, PERIOD)
        cls.invoice_2 = cls._fee_invoices(cls.unit_2, PERIOD)
        cls.owner_1 = cls.invoice_1.partner_id
        cls.owner_2 = cls.invoice_2.partner_id
        # the cashier of project A (Finance / Cashier: Odoo's "Invoicing")
        cls.cashier = cls.finance_user
        # an accountant of the company, who is also cashier of project A
        cls.accountant = cls._create_user(
            "pcs_accountant",
            "base.group_user,property_cs.group_finance,account.group_account_user",
            [cls.project_a],
            name="Accountant",
        )

    def test_cashier_of_project_a_does_not_see_project_b(self):
        payment_2 = self._pay(self.invoice_2)
        self.assertTrue(self.cashier.pcs_accounting_restricted)
        self.assertFalse(self.accountant.pcs_accounting_restricted)
        Move = self.env["account.move"].with_user(self.cashier)
        both = (self.invoice_1 | self.invoice_2).ids
        self.assertEqual(Move.search([("id", "in", both)]), self.invoice_1)
        with self.assertRaises(AccessError):
            Move.browse(self.invoice_2.id).read(["name", "amount_total"])
        groups = Move.read_group(
            [("id", "in", both)], ["amount_total:sum"], ["pcs_project_id"]
        )
        self.assertEqual([g["pcs_project_id"][0] for g in groups], [self.project_a.id])
        Line = self.env["account.move.line"].with_user(self.cashier)
        self.assertEqual(Line.search([("move_id", "in", both)]).move_id, self.invoice_1)
        with self.assertRaises(AccessError):
            self.invoice_2.line_ids[:1].with_user(self.cashier).read(["balance"])
        # Invoice Analysis, payments and their entries of project B's owner
        Report = self.env["account.invoice.report"].with_user(self.cashier)
        self.assertEqual(
            Report.search([("move_id", "in", both)]).move_id, self.invoice_1
        )
        Payment = self.env["account.payment"].with_user(self.cashier)
        self.assertFalse(Payment.search([("partner_id", "=", self.owner_2.id)]))
        self.assertFalse(Move.search([("id", "=", payment_2.move_id.id)]))
        # Printing the invoice
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.cashier)._render_qweb_html(
                "account.account_invoices", self.invoice_2.ids
            )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.cashier)
            ._render_qweb_html("account.account_invoices", self.invoice_1.ids)[0]
        )
        self.assertIn(self.invoice_1.name, html.decode())

    def test_cashier_still_bills_and_collects_in_project_a(self):
        payment = (
            self.env["account.payment.register"]
            .with_user(self.cashier)
            .with_context(active_model="account.move", active_ids=self.invoice_1.ids)
            .create({})
            ._create_payments()
        )
        self.assertEqual(payment.partner_id, self.owner_1)
        self.assertIn(self.invoice_1.payment_state, ("paid", "in_payment"))
        # the billing wizard bills the cashier's projects only
        self._create_units(1, prefix="A3")
        self._create_units(
            1, prefix="B3", project=self.project_b, building=self.building_b
        )
        wizard = (
            self.env["property.billing.wizard"]
            .with_user(self.cashier)
            .create({"period": date(2026, 4, 1)})
        )
        self.assertEqual(wizard.remaining, 2)  # P1 and A3 of project A
        wizard.action_run()
        billed = self.Move.search([("pcs_period", "=", date(2026, 4, 1))])
        self.assertEqual(billed.pcs_project_id, self.project_a)

    def test_accountant_reconciles_a_bank_line_against_two_projects(self):
        Move = self.env["account.move"].with_user(self.accountant)
        both = self.invoice_1 | self.invoice_2
        self.assertEqual(Move.search([("id", "in", both.ids)]), both)
        self.assertEqual(self.invoice_2.payment_state, "not_paid")
        total = sum(both.mapped("amount_residual"))
        StatementLine = self.env["account.bank.statement.line"].with_user(
            self.accountant
        )
        bank = self.company_data["default_journal_bank"]
        line = StatementLine.create(
            {
                "journal_id": bank.id,
                "payment_ref": f"{self.invoice_1.name} {self.invoice_2.name}",
                "amount": total,
            }
        )
        _liquidity, suspense, _other = line._seek_for_lines()
        receivables = both.line_ids.filtered(
            lambda ln: ln.account_type == "asset_receivable"
        ).with_user(self.accountant)
        suspense.with_user(self.accountant).account_id = receivables.account_id[:1]
        (suspense.with_user(self.accountant) | receivables).reconcile()
        self.assertEqual(set(both.mapped("payment_state")), {"paid"})
        self.assertTrue(line.is_reconciled)
        # bank lines of an owner follow the owner's projects for the cashier
        lines = StatementLine.create(
            [
                {
                    "journal_id": bank.id,
                    "payment_ref": "fee",
                    "amount": 10.0,
                    "partner_id": owner.id,
                }
                for owner in (self.owner_1, self.owner_2)
            ]
        )
        self.assertEqual(
            self.env["account.bank.statement.line"]
            .with_user(self.cashier)
            .search([("id", "in", lines.ids)])
            .partner_id,
            self.owner_1,
        )

    def _call(self, model, method, *args, **kwargs):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": kwargs,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_json_rpc_of_the_cashier(self):
        self.authenticate(self.cashier.login, self.cashier.login)
        answer = self._call("account.move", "read", self.invoice_2.ids, ["name"])
        self.assertEqual(answer["error"]["data"]["name"], "odoo.exceptions.AccessError")
        answer = self._call(
            "account.move",
            "search_read",
            [("pcs_project_id", "!=", False)],
            ["pcs_project_id"],
        )
        self.assertEqual(
            {r["pcs_project_id"][0] for r in answer["result"]}, {self.project_a.id}
        )
        answer = self._call(
            "account.move.line",
            "read_group",
            [("move_id", "in", (self.invoice_1 | self.invoice_2).ids)],
            ["balance:sum"],
            ["move_id"],
        )
        self.assertEqual(
            [g["move_id"][0] for g in answer["result"]], [self.invoice_1.id]
        )
        response = self.url_open(
            f"/report/html/account.report_invoice/{self.invoice_2.id}"
        )
        self.assertNotIn(self.invoice_2.name, response.text)

    def test_accountant_groups_are_the_limit(self):
        """Who counts as an accountant: Odoo's Bookkeeper (full accounting),
        Administrator and Auditor (read-only); Invoicing alone does not."""
        for group, restricted in (
            ("account.group_account_invoice", True),
            ("account.group_account_readonly", False),
            ("account.group_account_user", False),
            ("account.group_account_manager", False),
        ):
            user = self._create_user(
                f"pcs_acc_{group.split('.')[1]}",
                f"base.group_user,property_cs.group_front_desk,{group}",
                [self.project_a],
            )
            self.assertEqual(user.pcs_accounting_restricted, restricted, group)
        self.cashier.groups_id = [
            Command.link(self.env.ref("property_cs.group_all_projects").id)
        ]
        self.assertFalse(self.cashier.pcs_accounting_restricted)
        self.assertEqual(
            self.env["account.move"]
            .with_user(self.cashier)
            .search([("id", "=", self.invoice_2.id)]),
            self.invoice_2,
        )

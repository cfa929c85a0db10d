# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cross-addon security and reliability suite (issue 7), run by pytest-odoo on
the databases with every addon installed, with and without demo data
(tools/test). Built on the product's test base: no demo record is read."""

from datetime import date
from unittest.mock import patch

import odoo
from odoo import Command, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.property_billing.tests.common import PropertyBillingTestCommon
from odoo.addons.property_cs.tests.common import VALID_ID, resident_id

MARCH, APRIL, MAY = date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)
NEW_ID = resident_id(birth=date(1990, 1, 1), region="440305", serial=123)
PII_FIELDS = (
    "pcs_id_number",
    "pcs_id_number_masked",
    "pcs_id_number_hash",
    "pcs_phone",
    "pcs_phone_masked",
    "pcs_phone_hash",
)


class SecurityCommon(PropertyBillingTestCommon):
    """Project A of the test base billed monthly: owners A and B (portal
    users) with a billed unit and a ticket each, front desk and personal-data
    officer of project A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a, cls.portal_b = cls.owner_user_a, cls.owner_user_b
        cls.unit_a, cls.unit_b = cls._create_units(
            2, prefix="S", area=80.0, owners=cls.owner_a | cls.owner_b
        )
        Ticket = cls.env["helpdesk.ticket"]
        cls.ticket_a = Ticket.create(
            {
                "name": "Leak A",
                "description": "Water",
                "partner_id": cls.owner_a.id,
                "pcs_unit_id": cls.unit_a.id,
            }
        )
        cls.ticket_b = Ticket.create(
            {
                "name": "Leak B",
                "description": "Water",
                "partner_id": cls.owner_b.id,
                "pcs_unit_id": cls.unit_b.id,
            }
        )

    @classmethod
    def _units(cls, count, prefix="S"):
        return cls._create_units(count, prefix=prefix, area=80.0)

    def _bill(self, period, **kw):
        return self.Billing._billing_run(
            self.company, period, project_ids=self.project.ids, **kw
        )

    def _invoices(self, units, period=None):
        domain = [
            ("pcs_unit_id", "in", units.ids),
            ("pcs_billing_kind", "=", "fee"),
        ]
        if period:
            domain.append(("pcs_period", "=", period))
        return self.env["account.move"].search(domain)


@tagged("post_install", "-at_install", "property_security")
class TestPortalOwnerIsolation(SecurityCommon):
    def test_owner_cannot_read_or_close_other_ticket(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.portal_a)
        self.assertEqual(Ticket.search([("pcs_unit_id", "!=", False)]), self.ticket_a)
        with self.assertRaises(AccessError):
            self.ticket_b.with_user(self.portal_a).read(["name"])
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        with self.assertRaises(AccessError):
            self.ticket_b.with_user(self.portal_a).write({"stage_id": done.id})
        self.assertFalse(self.ticket_b.closed)

    def test_owner_cannot_read_other_invoices(self):
        self._bill(MARCH)
        invoice_a = self._invoices(self.unit_a, MARCH)
        invoice_b = self._invoices(self.unit_b, MARCH)
        self.assertEqual(invoice_a.partner_id, self.owner_a)
        Move = self.env["account.move"].with_user(self.portal_a)
        visible = Move.search([("pcs_billing_kind", "=", "fee")])
        self.assertIn(invoice_a, visible)
        self.assertNotIn(invoice_b, visible)
        with self.assertRaises(AccessError):
            invoice_b.with_user(self.portal_a).read(["amount_total"])
        with self.assertRaises(AccessError):
            invoice_b.line_ids.with_user(self.portal_a).read(["balance"])

    def test_former_owner_sees_no_new_invoices(self):
        self._bill(MARCH)
        buyer_user = new_test_user(
            self.env, login="sec_buyer", groups="base.group_portal", name="Buyer"
        )
        wizard = (
            self.env["property.ownership.change.wizard"]
            .with_user(self.privacy_officer)
            .create(
                {
                    "unit_id": self.unit_a.id,
                    "date": APRIL,
                    "reason": "Sale",
                    "line_ids": [
                        Command.create(
                            {"partner_id": buyer_user.partner_id.id, "share": 100}
                        )
                    ],
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(self.unit_a.billing_partner_id, buyer_user.partner_id)
        self._bill(APRIL)
        april = self._invoices(self.unit_a, APRIL)
        self.assertEqual(april.partner_id, buyer_user.partner_id)
        Move = self.env["account.move"].with_user(self.portal_a)
        mine = Move.search([("pcs_unit_id", "=", self.unit_a.id)])
        self.assertEqual(mine, self._invoices(self.unit_a, MARCH))
        with self.assertRaises(AccessError):
            april.with_user(self.portal_a).read(["amount_total"])
        self.assertIn(april, self.env["account.move"].with_user(buyer_user).search([]))


def _ensure_http_server():
    """pytest-odoo starts Odoo's server without its HTTP thread: spawn it."""
    server = odoo.service.server.server
    if server is None:
        server = odoo.service.server.ThreadedServer(odoo.http.root)
        odoo.service.server.server = server
    if getattr(server, "httpd", None) is None:
        server.http_spawn()


@tagged("post_install", "-at_install", "property_security")
class TestTicketCloseRoute(HttpCase, SecurityCommon):
    @classmethod
    def setUpClass(cls):
        _ensure_http_server()
        super().setUpClass()

    def _close(self, ticket, method="POST"):
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        if method == "GET":
            url = f"/ticket/close?ticket_id={ticket.id}&stage_id={done.id}"
            return self.url_open(url, allow_redirects=False)
        return self.url_open(
            "/ticket/close",
            data={
                "ticket_id": ticket.id,
                "stage_id": done.id,
                "confirm": "1",  # the owner ticked "Yes, close request"
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )

    def test_other_owner_cannot_close_through_route(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        with mute_logger("odoo.http"):
            self._close(self.ticket_b)
            self._close(self.ticket_b, method="GET")
            page = self.url_open(
                f"/my/ticket/{self.ticket_b.id}", allow_redirects=False
            )
        self.assertNotEqual(page.status_code, 200)
        self.ticket_b.invalidate_recordset()
        self.assertFalse(self.ticket_b.closed)
        self._close(self.ticket_a)
        self.ticket_a.invalidate_recordset()
        self.assertTrue(self.ticket_a.closed)


@tagged("post_install", "-at_install", "property_security")
class TestPersonalDataProtection(SecurityCommon):
    def setUp(self):
        super().setUp()
        self.owner_a.write(
            {
                "pcs_consent_ids": [Command.create({"channel": "paper"})],
                "pcs_id_number": VALID_ID,
                "pcs_phone": "13812345678",
            }
        )

    def test_front_desk_cannot_read_search_sort_export_id_numbers(self):
        Partner = self.env["res.partner"].with_user(self.front_desk)
        owner = self.owner_a.with_user(self.front_desk)
        self.assertEqual(owner.pcs_id_number_masked, "110***********002X")
        with self.assertRaises(AccessError):
            owner.read(["pcs_id_number"])
        with self.assertRaises(AccessError):
            owner.read(["pcs_id_number_hash"])
        with self.assertRaises(AccessError):
            Partner.search([("pcs_id_number", "=like", "1101%")])
        with self.assertRaises(AccessError):
            Partner.search([("pcs_id_number_hash", "!=", False)])
        with self.assertRaises(AccessError):
            Partner.search([], order="pcs_id_number")
        with self.assertRaises(AccessError):
            Partner.read_group([], ["pcs_id_number"], ["pcs_id_number"])
        with self.assertRaises(AccessError):
            owner.export_data(["pcs_id_number"])
        with self.assertRaises(AccessError):
            self.env["property.ownership"].with_user(self.front_desk).search(
                [("partner_id.pcs_id_number", "=", VALID_ID)]
            )
        self.assertFalse(Partner.search([("pcs_id_number_masked", "=", VALID_ID)]))

    def test_id_number_changes_leave_no_tracking(self):
        self.env["property.pii.collect.wizard"].with_user(self.privacy_officer).create(
            {
                "partner_id": self.owner_a.id,
                "id_number": NEW_ID,
                "phone": "13700001111",
            }
        ).action_save()
        self.assertEqual(self.owner_a.pcs_id_number, NEW_ID)
        self.env.flush_all()
        tracked = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("field_id.model", "=", "res.partner"),
                    ("field_id.name", "in", PII_FIELDS),
                ]
            )
        )
        self.assertFalse(tracked)
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", "res.partner"), ("res_id", "=", self.owner_a.id)])
        )
        for body in messages.mapped("body"):
            self.assertNotIn(NEW_ID, str(body))
            self.assertNotIn(VALID_ID, str(body))
        with self.assertRaises(AccessError):
            self.env["mail.tracking.value"].with_user(self.front_desk).search([])

    def test_each_reveal_writes_one_row_that_nobody_changes(self):
        Log = self.env["property.archive.access.log"]
        before = Log.search_count([])
        for field in ("id_number", "phone"):
            wizard = (
                self.env["property.pii.reveal.wizard"]
                .with_user(self.privacy_officer)
                .create(
                    {
                        "partner_id": self.owner_a.id,
                        "field": field,
                        "purpose": "service",
                        "reason": "Owner at the counter",
                    }
                )
            )
            wizard.action_reveal()
            self.assertTrue(wizard.value)
        self.assertEqual(Log.search_count([]), before + 2)
        rows = Log.search([("partner_id", "=", self.owner_a.id)])
        self.assertEqual(sorted(rows.mapped("action")), ["reveal_id", "reveal_phone"])
        admin = self.env.ref("base.user_admin")
        for env_rows in (rows.with_user(admin), rows.sudo()):
            # AccessError is a UserError: refused either way.
            with self.assertRaises(UserError):
                env_rows.write({"reason": "nothing happened"})
            with self.assertRaises(UserError):
                env_rows.unlink()
        with self.assertRaises(AccessError):
            Log.with_user(self.privacy_officer).create(
                {"user_id": self.privacy_officer.id, "action": "view"}
            )
        self.assertEqual(len(rows.exists()), 2)


@tagged("post_install", "-at_install", "property_security")
class TestMultiCompanyIsolation(SecurityCommon):
    def test_company_two_sees_nothing_of_company_one(self):
        self._bill(MARCH)
        company_2 = (
            self.env["res.company"].sudo().create({"name": "Second Property Co"})
        )
        user_2 = new_test_user(
            self.env,
            login="sec_gm_c2",
            groups="base.group_user,account.group_account_invoice,"
            "property_cs.group_general_manager",
            company_id=company_2.id,
            company_ids=[Command.set(company_2.ids)],
        )
        project_2 = (
            self.env["property.project"]
            .sudo()
            .create(
                {"name": "Second Garden", "code": "SG2", "company_id": company_2.id}
            )
        )
        env2 = self.env(user=user_2, context={"allowed_company_ids": company_2.ids})
        self.assertEqual(env2["property.project"].search([]), project_2)
        self.assertFalse(
            env2["property.unit"].search([("company_id", "=", self.company.id)])
        )
        self.assertFalse(
            env2["res.partner"].search(
                [("id", "in", (self.owner_a | self.owner_b).ids)]
            )
        )
        self.assertFalse(
            env2["helpdesk.ticket"]
            .search([])
            .filtered(lambda t: t.company_id == self.company)
        )
        self.assertFalse(
            env2["account.move"].search([("company_id", "=", self.company.id)])
        )
        for record in (self.unit_a, self.owner_a, self.ticket_a):
            with self.assertRaises(AccessError):
                record.with_env(env2).read(["display_name"])
        invoice = self._invoices(self.unit_a, MARCH)
        with self.assertRaises(AccessError):
            invoice.with_env(env2).read(["amount_total"])


@tagged("post_install", "-at_install", "property_security")
class TestScheduledJobsIdempotent(SecurityCommon):
    MODULES = ("property_cs", "property_billing", "property_renovation")

    def _crons(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.cron"), ("module", "in", self.MODULES)]
        )
        return self.env["ir.cron"].browse(data.mapped("res_id")).exists()

    def _counted_models(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.model"), ("module", "in", self.MODULES)]
        )
        models = self.env["ir.model"].browse(data.mapped("res_id")).exists()
        names = {
            m.model
            for m in models
            if m.model in self.env
            and not self.env[m.model]._transient
            and not self.env[m.model]._abstract
            and self.env[m.model]._auto
        }
        names |= {
            "account.move",
            "account.move.line",
            "mail.activity",
            "mail.message",
            "mail.mail",
            "helpdesk.ticket",
        }
        return sorted(names)

    def _snapshot(self):
        self.env.flush_all()
        snapshot = {
            name: self.env[name].sudo().with_context(active_test=False).search_count([])
            for name in self._counted_models()
        }
        snapshot["anonymised partners"] = (
            self.env["res.partner"].sudo().search_count([("pcs_anonymised", "=", True)])
        )
        return snapshot

    def _run_to_completion(self, cron):
        for _i in range(200):
            job, progress = cron.with_user(cron.user_id)._add_progress()
            job.ir_actions_server_id.run()
            self.env.flush_all()
            if not progress.remaining:
                return
        self.fail(f"{cron.name} never finished")

    def test_every_job_twice_changes_nothing_the_second_time(self):
        crons = self._crons()
        self.assertGreaterEqual(len(crons), 12)
        self.assertIn(self.env.ref("property_cs.ir_cron_pii_retention"), crons)
        self.assertIn(self.env.ref("property_billing.ir_cron_billing_run"), crons)
        for cron in crons:
            with self.subTest(cron=cron.name):
                self._run_to_completion(cron)
                first = self._snapshot()
                self._run_to_completion(cron)
                second = self._snapshot()
                changed = {
                    k: (first[k], second[k]) for k in first if first[k] != second[k]
                }
                self.assertFalse(changed, f"{cron.name} changed {changed}")


@tagged("post_install", "-at_install", "property_security")
class TestBillingRunRecovery(SecurityCommon):
    def test_failure_in_third_batch_then_rerun_bills_each_unit_once(self):
        units = self._units(5, prefix="R") | self.unit_a | self.unit_b
        Billing = type(self.Billing)
        original = Billing._prepare_invoice_values
        calls = []

        def crash_third(billing, batch_units, company, period):
            calls.append(len(batch_units))
            if len(calls) == 3:
                raise RuntimeError("simulated crash in the third batch")
            return original(billing, batch_units, company, period)

        crashed = False
        with patch.object(Billing, "_prepare_invoice_values", crash_third):
            # not assertRaises: it would roll back the two batches done
            try:
                self._bill(MAY, limit=2)
            except RuntimeError:
                crashed = True
        self.assertTrue(crashed)
        self.assertEqual(len(self._invoices(units, MAY)), 4)
        self._bill(MAY, limit=2)
        self._bill(MAY, limit=2)
        invoices = self._invoices(units, MAY)
        self.assertEqual(len(invoices), 7)
        self.assertEqual(invoices.pcs_unit_id, units)
        self.assertTrue(all(m.state == "posted" for m in invoices))

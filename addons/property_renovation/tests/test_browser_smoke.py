# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Smoke test in the browser, per role (README, "Test").

Each property role opens every menu of the three property addons it sees:
the action, every other view of the action (kanban, pivot, graph...), an
existing record in its form, a new record, and the drop-down of every
editable relational field of these forms and wizards (where a domain naming
a field missing from the view raises an EvalError). Any error dialog
(traceback, access error), uncaught error or ``console.error`` fails the
test. The portal owner opens every portal page of the addons, lists and
one record of each (``TestOwnerPortalSmoke``): any server error, JS error or
English word outside the allowlist fails it.
"""

import json
import logging
import unittest
from datetime import date, timedelta
from urllib.parse import urlsplit

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.property_cs.tests.browser import PropertyBrowserMixin

from .common import RenovationTestCommon

_logger = logging.getLogger(__name__)

ADDONS = ("property_cs", "property_billing", "property_renovation")


@tagged("post_install", "-at_install", "property_browser")
class TestRoleSmoke(PropertyBrowserMixin, HttpCase, RenovationTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One record of the main documents, so that every list has a row to open.
        ticket = cls._ticket(name="厨房漏水", description="厨房水管漏水")
        cls.env["property.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "user_id": cls.engineer.id,
                "description": "换水管",
            }
        )
        cls.env["property.callback"].create(
            {"ticket_id": ticket.id, "kind": "other", "date_due": "2026-03-03"}
        )
        cls._create_renovation()

    def _menus(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        found = []
        for menu in menus.values():
            xmlid, action = menu.get("xmlid") or "", menu.get("action")
            if not action or xmlid.split(".")[0] not in ADDONS:
                continue
            model, action_id = action.split(",")
            if model != "ir.actions.act_window" and model != "ir.actions.client":
                continue
            found.append(
                {"xmlid": xmlid, "action": int(action_id), "name": menu["name"]}
            )
        self.assertTrue(found, f"{user.login} sees no property menu")
        return sorted(found, key=lambda m: m["xmlid"])

    def _smoke(self, user, role):
        menus = self._menus(user)
        code = (
            "odoo.loader.modules.get('@property_cs/../tests/pcs_smoke')"
            f".runSmoke({json.dumps(menus)}, {json.dumps(role)})"
        )
        self.pcs_browser_js(
            f"smoke {role} ({len(menus)} menus) as {user.login}",
            "/odoo",
            code,
            login=user.login,
            ready=(
                "odoo.isReady && "
                "!!odoo.loader.modules.get('@property_cs/../tests/pcs_smoke')"
            ),
            timeout=900,
            success_signal="smoke test succeeded",
        )

    def test_front_desk(self):
        self._smoke(self.front_desk_a, "front desk")

    def test_zone_manager(self):
        self._smoke(self.zone_manager, "zone manager")

    def test_cs_manager(self):
        self._smoke(self.cs_manager, "CS manager")

    def test_director(self):
        self._smoke(self.director, "director")

    def test_finance(self):
        self._smoke(self.finance_user, "finance")

    def test_engineering(self):
        self._smoke(self.engineer, "engineering")

    def test_security(self):
        self._smoke(self.security_guard, "security")


#: Checks one portal page: no English outside the allowlist (uncaught errors
#: and console.error fail the page by themselves).
PORTAL_PAGE_CHECK = """
(async () => {
    const utils = odoo.loader.modules.get("@property_cs/../tests/tours/pcs_tour_utils");
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    // Wait until the page has loaded what it loads lazily (the chatter's
    // bundle): a load cut by the end of the test logs an error.
    const quiet = async () => {
        let last = -1;
        let stable = 0;
        for (let i = 0; i < 60 && stable < 3; i++) {
            const count = performance.getEntriesByType("resource").length;
            stable = count === last ? stable + 1 : 0;
            last = count;
            await sleep(500);
        }
    };
    await quiet();
    if (document.querySelector(".o_portal_chatter, #discussion")) {
        const loaded = () =>
            [...odoo.loader.modules.keys()].some((name) => name.startsWith("@mail/"));
        for (let i = 0; i < 60 && !loaded(); i++) {
            await sleep(250);
        }
        await quiet();
    }
    const found = utils.englishWords("#wrapwrap header, #wrapwrap main");
    if (found.length) {
        const words = [...new Set(found.map((f) => f.word))].join(", ");
        const samples = found
            .slice(0, 15)
            .map((f) => `"${f.word}" in "${f.text}"`)
            .join("; ");
        const page = location.pathname;
        console.error(`English on the zh_CN page ${page}: ${words} (${samples})`);
        return;
    }
    console.log("test successful");
})();
"""


@tagged("post_install", "-at_install", "property_browser")
class TestOwnerPortalSmoke(PropertyBrowserMixin, HttpCase, RenovationTestCommon):
    """The portal owner opens every portal page of the addons (property_cs,
    property_billing, property_renovation and, when installed,
    property_notice): each list and one record of each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner_user = cls.owner_user_a  # 张伟, owner of A1-1-0101
        cls.owner_user.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        cls.owner_a.lang = "zh_CN"
        cls.ticket = cls._ticket(
            name="厨房漏水",
            description="厨房水管漏水",
            partner_id=cls.owner_a.id,
            user_id=cls.front_desk_a.id,
        )
        billed = cls._create_units(1, prefix="A1-2", area=50.0, owners=cls.owner_a)
        cls.Billing._billing_run(
            cls.company, date(2026, 3, 1), project_ids=cls.project.ids
        )
        cls.invoice = cls.Move.search([("pcs_unit_id", "=", billed.id)])
        # (the base's accountant signs "Because I am accountman!")
        cls.invoice.invoice_user_id = cls.finance_user
        cls.renovation = cls._create_renovation(
            unit_id=cls.unit_a.id,
            partner_id=cls.owner_a.id,
            contractor_id=cls.env["res.partner"]
            .create({"name": "安居装饰工程有限公司", "is_company": True})
            .id,
            principal_name="张建国",
            worker_ids=False,
        )
        cls.service_report = cls.env["property.service.report"].create(
            {"project_id": cls.project_a.id, "date_from": date(2026, 3, 1)}
        )
        cls.service_report.state = "published"
        cls.notice = None
        if "property.notice" in cls.env:
            now = fields.Datetime.now()
            cls.notice = cls.env["property.notice"].create(
                {
                    "name": "花园绿化养护通知",
                    "project_id": cls.project_a.id,
                    "body": "<p>下周一花园绿化养护，请勿进入草坪。</p>",
                    "date_start": now - timedelta(minutes=5),
                    "date_end": now + timedelta(days=7),
                }
            )
            cls.notice.with_user(cls.director).action_publish()

    def _pages(self):
        pages = [
            "/my",
            "/my/units",
            f"/my/units/{self.unit_a.id}",
            "/my/tickets",
            f"/my/ticket/{self.ticket.id}",
            "/new/ticket",
            "/my/invoices",
            f"/my/invoices/{self.invoice.id}",
            "/my/service-reports",
            f"/my/service-reports/{self.service_report.id}",
            "/my/renovations",
            f"/my/renovations/{self.renovation.id}",
            "/my/renovations/new",
        ]
        if self.notice:
            pages += ["/my/notices", f"/my/notices/{self.notice.id}"]
        return pages

    def test_portal_owner(self):
        login = self.owner_user.login
        pages = self._pages()
        self.assertEqual(len(self.invoice), 1)
        # The server: every page answers itself (no error, no redirection
        # away from a page the owner may see).
        self.authenticate(login, login)
        for page in pages:
            with self.subTest(page=page):
                response = self.url_open(page)
                self.assertEqual(response.status_code, 200, page)
                # (/zh_CN/my...: the owner's language in the address)
                self.assertTrue(
                    urlsplit(response.url).path.endswith(page),
                    f"{page} sent the owner to {response.url}",
                )
                self.assertNotIn("Traceback", response.text)
        # The browser: no JS error, no English outside the allowlist.
        label = f"smoke portal owner ({len(pages)} pages) as {login}"
        failed = []
        for page in pages:
            with self.subTest(page=page):
                try:
                    self.browser_js(
                        page,
                        PORTAL_PAGE_CHECK,
                        login=login,
                        ready=(
                            "document.readyState === 'complete' && "
                            "!!odoo.loader.modules.get("
                            "'@property_cs/../tests/tours/pcs_tour_utils')"
                        ),
                        timeout=120,
                    )
                except unittest.SkipTest:
                    raise
                except Exception:
                    failed.append(page)
                    raise
        if failed:
            _logger.info("browser test FAILED: %s: %s", label, ", ".join(failed))
        else:
            _logger.info("browser test passed: %s", label)

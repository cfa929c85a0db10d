# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Smoke test in the browser, per role (README, "Test").

Each property role opens every menu of the three property addons it sees:
the action, every other view of the action (kanban, pivot, graph...), an
existing record in its form, a new record, and the drop-down of every
editable relational field of these forms and wizards (where a domain naming
a field missing from the view raises an EvalError). Any error dialog
(traceback, access error), uncaught error or ``console.error`` fails the
test. The portal owner opens every portal page of the addons.
"""

import json

from odoo.tests import HttpCase, tagged

from odoo.addons.property_cs.tests.browser import PropertyBrowserMixin

from .common import RenovationTestCommon

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

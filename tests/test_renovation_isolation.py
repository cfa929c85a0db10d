# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cross-addon security of renovations and deposits on the demo database:
what owners and staff of another project can reach."""

import unittest

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install", "property_security")
class TestRenovationIsolation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "property.renovation" not in cls.env:
            raise unittest.SkipTest("property_renovation is not installed")
        cls.project = cls.env.ref("property_cs.project_sunshine_demo")
        renovations = cls.env["property.renovation"].search(
            [("project_id", "=", cls.project.id)], order="id"
        )
        cls.renovation_a = renovations[0]
        cls.others = renovations - renovations.filtered(
            lambda r: r.partner_id == cls.renovation_a.partner_id
        )
        cls.portal_a = new_test_user(
            cls.env, login="x_reno_portal_a", groups="base.group_portal"
        )
        cls.portal_a.partner_id = cls.renovation_a.partner_id
        cls.other_project = cls.env["property.project"].create(
            {"name": "Riverside", "code": "RS"}
        )
        cls.outsider = new_test_user(
            cls.env,
            login="x_reno_engineer_rs",
            groups="base.group_user,property_cs.group_engineering",
        )
        cls.other_project.user_ids = [(4, cls.outsider.id)]

    def test_portal_owner_sees_only_own_renovations(self):
        Renovation = self.env["property.renovation"].with_user(self.portal_a)
        own = Renovation.search([])
        self.assertIn(self.renovation_a, own)
        self.assertFalse(own & self.others)
        with self.assertRaises(AccessError):
            self.others[:1].with_user(self.portal_a).read(["name"])
        with self.assertRaises(AccessError):
            self.env["property.deposit"].with_user(self.portal_a).search([])

    def test_staff_of_another_project_see_nothing(self):
        for model in (
            "property.renovation",
            "property.renovation.patrol",
            "property.renovation.violation",
            "property.renovation.inspection",
            "property.deposit",
        ):
            records = self.env[model].with_user(self.outsider).search([])
            self.assertFalse(records, model)
        with self.assertRaises(AccessError):
            self.renovation_a.with_user(self.outsider).read(["name"])

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cross-addon security: what owners and staff can reach through the ORM and
the portal pages, on the database with every addon installed."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install", "property_security")
class TestPropertyIsolation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env.ref("property_cs.project_sunshine_demo")
        units = cls.env["property.unit"].search(
            [("project_id", "=", cls.project.id), ("current_owner_ids", "!=", False)],
            limit=2,
        )
        cls.unit_a, cls.unit_b = units
        cls.owner_a = cls.unit_a.current_owner_ids[:1]
        cls.owner_b = cls.unit_b.current_owner_ids[:1]
        cls.portal_a = new_test_user(
            cls.env, login="x_portal_a", groups="base.group_portal"
        )
        cls.portal_a.partner_id = cls.owner_a
        cls.other_project = cls.env["property.project"].create(
            {"name": "Riverside", "code": "RS"}
        )
        cls.outsider = new_test_user(
            cls.env,
            login="x_front_desk_rs",
            groups="base.group_user,property_cs.group_front_desk",
        )
        cls.other_project.user_ids = [(4, cls.outsider.id)]

    def test_portal_owner_sees_only_own_unit(self):
        units = self.env["property.unit"].with_user(self.portal_a).search([])
        self.assertIn(self.unit_a, units)
        self.assertNotIn(self.unit_b, units)
        with self.assertRaises(AccessError):
            self.unit_b.archive_id.with_user(self.portal_a).read(["name"])

    def test_staff_of_another_project_see_nothing(self):
        Unit = self.env["property.unit"].with_user(self.outsider)
        self.assertFalse(Unit.search([("project_id", "=", self.project.id)]))
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.outsider).read(["pcs_id_number"])

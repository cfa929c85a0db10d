# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cross-addon security: what owners and staff can reach through the ORM and
the portal pages, on the databases with every addon installed (with and
without demo data): built on the product's test base."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_cs.tests.common import PropertyTestCommon


@tagged("post_install", "-at_install", "property_security")
class TestPropertyIsolation(PropertyTestCommon):
    """Owner A's portal user and the front desk of project B against owner
    A's unit in project A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = cls.owner_user_a
        cls.outsider = cls.front_desk_b
        # A second unit of project A with another owner.
        cls.unit_a3 = cls._create_unit("A1-1-0103", cls._create_owner("Owner C"))

    def test_portal_owner_sees_only_own_unit(self):
        units = self.env["property.unit"].with_user(self.portal_a).search([])
        self.assertIn(self.unit_a, units)
        self.assertNotIn(self.unit_a3, units)
        self.assertNotIn(self.unit_b, units)
        with self.assertRaises(AccessError):
            self.unit_a3.archive_id.with_user(self.portal_a).read(["name"])

    def test_staff_of_another_project_see_nothing(self):
        Unit = self.env["property.unit"].with_user(self.outsider)
        self.assertFalse(Unit.search([("project_id", "=", self.project_a.id)]))
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.outsider).read(["pcs_id_number"])

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cross-addon security of renovations and deposits: what owners and staff of
another project can reach (built on the renovation test base, no demo data)."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_renovation.tests.common import RenovationTestCommon


@tagged("post_install", "-at_install", "property_security")
class TestRenovationIsolation(RenovationTestCommon):
    """Owner A's application in works (permit paid, deposit held) and owner
    Zhang's, against owner A's portal user and an engineer of project B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        unit = cls._create_unit("R-0201", cls.owner_a)
        cls.renovation_a = cls._works_renovation(
            unit_id=unit.id, partner_id=cls.owner_a.id
        )
        cls.others = cls._works_renovation()
        cls.portal_a = cls.owner_user_a
        cls.outsider = cls._create_user(
            "pcs_engineer_b",
            "base.group_user,property_cs.group_engineering",
            [cls.project_b],
        )

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
        self.assertTrue(self.renovation_a.deposit_id)
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

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestProjectSecurity(PropertyTestCommon):
    def test_staff_see_only_their_projects(self):
        Unit = self.env["property.unit"].with_user(self.front_desk)
        self.assertEqual(
            Unit.search([("id", "in", (self.unit_a | self.unit_b).ids)]), self.unit_a
        )
        with self.assertRaises(AccessError):
            self.unit_b.with_user(self.front_desk).read(["code"])
        with self.assertRaises(AccessError):
            self.archive_b.with_user(self.front_desk).read(["owner_names"])
        self.assertEqual(
            self.env["property.project"].with_user(self.front_desk).search([]),
            self.project_a,
        )

    def test_owners_of_other_projects_hidden(self):
        Partner = self.env["res.partner"].with_user(self.front_desk)
        found = Partner.search([("id", "in", (self.owner_a | self.owner_b).ids)])
        self.assertEqual(found, self.owner_a)
        with self.assertRaises(AccessError):
            self.owner_b.with_user(self.front_desk).read(["name"])
        # The other project's staff see it the other way round.
        self.assertEqual(
            self.env["res.partner"]
            .with_user(self.front_desk_b)
            .search([("id", "in", (self.owner_a | self.owner_b).ids)]),
            self.owner_b,
        )

    def test_assignment_takes_effect_immediately(self):
        self.project_b.user_ids = [(4, self.front_desk.id)]
        self.assertEqual(
            self.unit_b.with_user(self.front_desk).read(["code"])[0]["code"],
            "B1-1-0101",
        )

    def test_all_projects_right(self):
        units = (
            self.env["property.unit"]
            .with_user(self.general_manager)
            .search([("id", "in", (self.unit_a | self.unit_b).ids)])
        )
        self.assertEqual(units, self.unit_a | self.unit_b)

    def test_other_company_invisible(self):
        other = self.env["res.company"].create({"name": "Other Property Co"})
        project = self.env["property.project"].create(
            {"name": "Elsewhere", "code": "EL", "company_id": other.id}
        )
        Project = self.env["property.project"].with_user(self.general_manager)
        self.assertNotIn(project, Project.search([]))
        self.assertIn(self.project_b, Project.search([]))


@tagged("post_install", "-at_install")
class TestPortalOwner(PropertyTestCommon):
    def test_owner_sees_own_unit_and_archive_only(self):
        Unit = self.env["property.unit"].with_user(self.owner_user_a)
        self.assertEqual(Unit.search([]), self.unit_a)
        with self.assertRaises(AccessError):
            self.unit_b.with_user(self.owner_user_a).read(["code"])
        Archive = self.env["property.archive"].with_user(self.owner_user_a)
        self.assertEqual(Archive.search([]), self.archive_a)
        with self.assertRaises(AccessError):
            self.archive_b.with_user(self.owner_user_a).read(["name"])

    def test_owner_cannot_read_documents_or_personal_data(self):
        with self.assertRaises(AccessError):
            self.env["property.archive.document"].with_user(self.owner_user_a).search(
                []
            )
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.owner_user_a).read(["pcs_id_number"])

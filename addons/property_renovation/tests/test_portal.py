# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import html

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationPortal(RenovationTestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a, cls.portal_b = cls.owner_user_a, cls.owner_user_b
        cls.staff = cls.front_desk
        Renovation = cls.env["property.renovation"]
        cls.renovations = {}
        for key, partner, project in (
            ("a", cls.portal_a.partner_id, cls.project_a),
            ("b", cls.portal_b.partner_id, cls.project_a),
            ("other", cls.portal_b.partner_id, cls.project_b),
        ):
            unit = cls._create_unit(f"P-{key}", partner, project=project, area=80.0)
            cls.renovations[key] = Renovation.create(
                {
                    "unit_id": unit.id,
                    "partner_id": partner.id,
                    "description": f"Renovation of unit P-{key}",
                }
            )

    def test_portal_owner_sees_only_own_applications(self):
        Renovation = self.env["property.renovation"]
        own = Renovation.with_user(self.portal_a).search([])
        self.assertEqual(own, self.renovations["a"])
        with self.assertRaises(AccessError):
            self.renovations["b"].with_user(self.portal_a).read(["name"])
        self.assertEqual(
            Renovation.with_user(self.portal_b).search([]),
            self.renovations["b"] | self.renovations["other"],
        )
        # Staff see the projects assigned to them only.
        self.assertEqual(
            Renovation.with_user(self.staff).search([]),
            self.renovations["a"] | self.renovations["b"],
        )

    def test_portal_routes(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open("/my/renovations")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.renovations["a"].name, response.text)
        self.assertNotIn(self.renovations["b"].name, response.text)
        own = self.url_open(f"/my/renovations/{self.renovations['a'].id}")
        self.assertIn("Renovation of unit P-a", own.text)
        other = self.url_open(f"/my/renovations/{self.renovations['b'].id}")
        self.assertNotIn("Renovation of unit P-b", other.text)
        # Applying from the portal creates a draft application for an own unit.
        response = self.url_open(
            "/my/renovations/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "unit_id": self.renovations["a"].unit_id.id,
                "contractor_name": "Portal Decoration",
                "date_start": "2026-03-02",
                "date_end": "2026-04-30",
                "description": "New kitchen",
            },
        )
        self.assertEqual(response.status_code, 200)
        created = self.env["property.renovation"].search(
            [
                ("partner_id", "=", self.portal_a.partner_id.id),
                ("description", "=", "New kitchen"),
            ]
        )
        self.assertEqual(created.state, "draft")
        self.assertEqual(created.contractor_id.name, "Portal Decoration")
        # The owner uploads a drawing and submits the application.
        response = self.url_open(
            f"/my/renovations/{created.id}/upload",
            data={"csrf_token": http.Request.csrf_token(self), "kind": "drawing"},
            files={"document": ("kitchen.pdf", b"%PDF-1.4 kitchen", "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(created.drawing_ids.mapped("name"), ["kitchen.pdf"])
        self.assertEqual(created.drawing_ids.res_id, created.id)
        self.url_open(
            f"/my/renovations/{created.id}/submit",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(created.state, "review")
        self.assertFalse(created.activity_ids.user_id.filtered("share"))
        # Another owner's application cannot receive uploads.
        self.url_open(
            f"/my/renovations/{self.renovations['b'].id}/upload",
            data={"csrf_token": http.Request.csrf_token(self), "kind": "drawing"},
            files={"document": ("x.pdf", b"%PDF-1.4 x", "application/pdf")},
        )
        self.assertFalse(self.renovations["b"].drawing_ids)
        # Submitting an incomplete application explains what is missing.
        response = self.url_open(
            f"/my/renovations/{self.renovations['a'].id}/submit",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("Name the contractor", response.text)
        self.assertEqual(self.renovations["a"].state, "draft")

    def _portal_apply(self, description, contractor_name, licence_no):
        self.url_open(
            "/my/renovations/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "unit_id": self.renovations["a"].unit_id.id,
                "contractor_name": contractor_name,
                "contractor_licence_no": licence_no,
                "date_start": "2026-03-02",
                "date_end": "2026-04-30",
                "description": description,
            },
        )
        return self.env["property.renovation"].search(
            [
                ("partner_id", "=", self.portal_a.partner_id.id),
                ("description", "=", description),
            ]
        )

    def test_portal_contractor_reused_by_licence_number(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        Partner = self.env["res.partner"]
        first = self._portal_apply("Kitchen", "Jiahe Decoration", "91310000ma1k0042x")
        self.assertEqual(first.contractor_id.name, "Jiahe Decoration")
        self.assertEqual(first.contractor_id.company_registry, "91310000MA1K0042X")
        self.assertEqual(first.contractor_licence_no, "91310000MA1K0042X")
        # Same number typed differently and another spelling of the name:
        # the existing company is reused, no duplicate contractor.
        second = self._portal_apply(
            "Bathroom", "Jiahe Decoration Co.", " 91310000MA1K 0042X "
        )
        self.assertEqual(second.contractor_id, first.contractor_id)
        self.assertEqual(
            Partner.search_count([("company_registry", "=", "91310000MA1K0042X")]), 1
        )
        # A company already registered by the back office (tax ID) is reused.
        known = Partner.create(
            {"name": "Known Builders", "is_company": True, "vat": "91310000MA1K0099Y"}
        )
        third = self._portal_apply("Balcony", "Known", "91310000MA1K0099Y")
        self.assertEqual(third.contractor_id, known)
        # A different number is a different contractor.
        fourth = self._portal_apply("Floor", "Other Builders", "91310000MA1K0100Z")
        self.assertNotIn(fourth.contractor_id, first.contractor_id | known)


@tagged("post_install", "-at_install")
class TestRenovationPortalFirstApplication(RenovationTestCommon, HttpCase):
    """An owner who never applied finds the entry on /my and on the page of
    the unit, and the form opens on that unit."""

    def test_first_application_reachable_from_my(self):
        self.assertFalse(
            self.env["property.renovation"].with_user(self.owner_user_a).search([])
        )
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        page = html.fromstring(self.url_open("/my").content)
        card = page.xpath(
            "//div[contains(@class, 'o_portal_index_card')]"
            "[.//a[@href='/my/renovations']]"
        )
        self.assertTrue(card)
        self.assertNotIn("d-none", card[0].get("class").split())
        unit_page = html.fromstring(
            self.url_open(f"/my/units/{self.unit_a.id}").content
        )
        link = f"/my/renovations/new?unit_id={self.unit_a.id}"
        self.assertTrue(unit_page.xpath(f"//a[@href='{link}']"))
        form = html.fromstring(self.url_open(link).content)
        self.assertEqual(
            form.xpath("//select[@name='unit_id']/option[@selected]/@value"),
            [str(self.unit_a.id)],
        )

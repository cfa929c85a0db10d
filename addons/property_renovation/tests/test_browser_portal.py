# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The owner's portal in Chromium, in 简体中文, on a desktop and on a phone
(static/tests/tours/portal_tours.js): my units, a repair request for a unit
followed on its page, my invoices, a first renovation application started
from /my and submitted with an upload."""

from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.property_cs.tests.browser import PropertyBrowserMixin

from .common import RenovationTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install", "property_browser")
class TestOwnerPortalTours(PropertyBrowserMixin, HttpCase, RenovationTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner_user = cls.owner_user_a  # 张伟, owner of A1-1-0101
        cls.owner_user.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        cls.owner_a.lang = "zh_CN"
        # A second unit of 张伟 (50 m²), billed for March: 50 × 2.35 元.
        cls.billed_unit = cls._create_units(
            1, prefix="A1-2", area=50.0, owners=cls.owner_a
        )
        cls.Billing._billing_run(cls.company, PERIOD, project_ids=cls.project.ids)
        cls.invoice = cls.Move.search([("pcs_unit_id", "=", cls.billed_unit.id)])

    def _owner_portal(self, tour, phone=False):
        self.assertEqual(self.invoice.state, "posted")
        self.assertEqual(self.invoice.partner_id, self.owner_a)
        self.assertAlmostEqual(self.invoice.amount_residual, 117.5)
        Renovation = self.env["property.renovation"]
        self.assertFalse(Renovation.search([("partner_id", "=", self.owner_a.id)]))

        self.pcs_tour(tour, self.owner_user.login, url="/my", phone=phone)

        ticket = self.Ticket.search([("name", "=", "卫生间地漏堵塞")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.pcs_unit_id, self.unit_a)
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(
            (ticket.pcs_channel, ticket.pcs_category), ("portal", "paid_repair")
        )
        self.assertTrue(
            any("今晚七点后家里有人" in (m.body or "") for m in ticket.message_ids),
            "the owner's message is on the request",
        )

        renovation = Renovation.search([("partner_id", "=", self.owner_a.id)])
        self.assertEqual(len(renovation), 1)
        self.assertEqual(renovation.unit_id, self.unit_a)
        self.assertEqual(renovation.contractor_id.name, "安居装饰工程有限公司")
        self.assertEqual(renovation.state, "review")
        self.assertTrue(renovation.review_deadline)
        self.assertEqual(renovation.drawing_ids.mapped("name"), ["平面布置图.pdf"])
        self.assertEqual(
            (renovation.drawing_ids.res_model, renovation.drawing_ids.res_id),
            ("property.renovation", renovation.id),
        )

    def test_owner_portal_desktop(self):
        """On a desktop."""
        self._owner_portal("pcs_portal_owner")

    def test_owner_portal_phone(self):
        """On a phone: the primary actions (the unit's 报修, submit buttons,
        立即支付) are on the screen without sideways scrolling."""
        self._owner_portal("pcs_portal_owner_phone", phone=True)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The owner's portal as an owner uses it, on a phone: what /my offers from
the first day, the unit page, a request page without a one-tap close and
with a message box."""

from lxml import html

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tests.common import HOST

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestOwnerPortal(HttpCase, PropertyTestCommon):
    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return html.fromstring(response.content)

    def _home_card(self, page, url):
        """The /my entry linking to ``url`` and whether it is shown."""
        links = page.xpath(
            f"//div[contains(@class, 'o_portal_index_card')]//a[@href='{url}']"
        )
        self.assertTrue(links, url)
        card = links[0].xpath("ancestor::div[contains(@class, 'o_portal_index_card')]")[
            0
        ]
        return "d-none" not in card.get("class").split()

    def test_portal_speaks_the_owner_language_after_login(self):
        """The login page left its language (English) in a cookie: after
        logging in, the owner's /my is in the owner's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.owner_user_a.lang = "zh_CN"
        self.authenticate(None, None)
        self.opener.cookies.set("frontend_lang", "en_US", domain=HOST, path="/")
        response = self.url_open(
            "/web/login",
            data={
                "login": self.owner_user_a.login,
                "password": self.owner_user_a.login,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.opener.cookies.get("frontend_lang"), "zh_CN")
        # /my opens in Chinese (http_routing's /zh_CN/ address of the page)
        response = self.url_open("/my", allow_redirects=False)
        self.assertIn(response.status_code, (301, 302, 303))
        self.assertTrue(response.headers["Location"].endswith("/zh_CN/my"))

    def test_home_offers_units_and_reports_from_the_first_day(self):
        """An owner with no published report yet still finds the entries."""
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        page = self._page("/my")
        self.assertTrue(self._home_card(page, "/my/units"))
        self.assertTrue(self._home_card(page, "/my/service-reports"))

    def test_home_of_a_portal_user_without_unit(self):
        """Someone who owns nothing (a contractor) is not offered them."""
        partner = self.env["res.partner"].create({"name": "Contractor"})
        user = self._create_portal_user("pcs_contractor", partner)
        self.authenticate(user.login, user.login)
        page = self._page("/my")
        self.assertFalse(self._home_card(page, "/my/units"))
        self.assertFalse(self._home_card(page, "/my/service-reports"))

    def test_unit_page_leads_somewhere(self):
        ticket = self._ticket(name="Window seal")
        other = self._ticket(name="Not mine", pcs_unit_id=self.unit_b.id)
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        page = self._page(f"/my/units/{self.unit_a.id}")
        report = page.xpath(f"//a[@href='/new/ticket?pcs_unit_id={self.unit_a.id}']")
        self.assertTrue(report, "no 'report a repair here' on the unit page")
        links = page.xpath("//a/@href")
        self.assertIn(f"/my/ticket/{ticket.id}", links)
        self.assertNotIn(f"/my/ticket/{other.id}", links)
        # the form opens on that unit
        form = self._page(f"/new/ticket?pcs_unit_id={self.unit_a.id}")
        selected = form.xpath("//select[@name='pcs_unit_id']/option[@selected]/@value")
        self.assertEqual(selected, [str(self.unit_a.id)])
        # a photo straight from the camera
        camera = form.xpath("//input[@type='file'][@capture]")
        self.assertTrue(camera)
        self.assertEqual(camera[0].get("accept"), "image/*")

    def test_request_page_no_one_tap_close_and_a_message_box(self):
        ticket = self._ticket(name="Dripping tap")
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        page = self._page(f"/my/ticket/{ticket.id}")
        # no close button at the top of the page
        sidebar = page.xpath("//div[contains(@class, 'o_portal_sidebar')]")[0]
        self.assertFalse(sidebar.xpath(".//*[@name='ticket_close_buttons']"))
        close_forms = page.xpath("//form[@action='/ticket/close']")
        self.assertEqual(len(close_forms), 1)
        # the closing form is folded away and needs the confirmation box
        self.assertTrue(close_forms[0].xpath("ancestor::details"))
        confirm = close_forms[0].xpath(".//input[@name='confirm'][@type='checkbox']")
        self.assertTrue(confirm and confirm[0].get("required"))
        # the message box (portal chatter with its composer) and a way to it
        chatter = page.xpath("//div[contains(@class, 'o_portal_chatter')]")
        self.assertTrue(chatter)
        self.assertEqual(chatter[0].get("data-allow_composer"), "1")
        self.assertTrue(page.xpath("//a[@href='#task_chat']"))
        # a stray POST without the confirmation closes nothing
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        token = close_forms[0].xpath(".//input[@name='csrf_token']/@value")[0]
        self.url_open(
            "/ticket/close",
            data={"ticket_id": ticket.id, "stage_id": done.id, "csrf_token": token},
        )
        ticket.invalidate_recordset()
        self.assertFalse(ticket.closed)
        self.url_open(
            "/ticket/close",
            data={
                "ticket_id": ticket.id,
                "stage_id": done.id,
                "confirm": "1",
                "csrf_token": token,
            },
        )
        ticket.invalidate_recordset()
        self.assertTrue(ticket.closed)

    def test_message_posted_from_the_request_page(self):
        ticket = self._ticket(name="Noise")
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": ticket.id,
                "post_data": {"body": "周末家里有人，请周六上午来。"},
            },
        )
        self.assertIn(
            "周末家里有人", "".join(ticket.message_ids.mapped("body")), "not posted"
        )

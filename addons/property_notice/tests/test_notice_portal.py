# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields, http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PropertyNoticeTestCommon


@tagged("post_install", "-at_install")
class TestNoticePortal(PropertyNoticeTestCommon, HttpCase):
    """Owners see the current notices addressed to them, and only those;
    their first reading is recorded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notice = cls._notice(name="Garden works in A")
        cls.notice.with_user(cls.director).action_publish()
        cls.notice_b = cls._notice(
            name="Lift works in B",
            project_id=cls.project_b.id,
        )
        cls.notice_b.with_user(cls.director_b).action_publish()

    def _row(self, notice, owner):
        return notice.recipient_ids.filtered(lambda r: r.partner_id == owner)

    def test_owner_reads_own_notice_and_the_reading_is_recorded_once(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        home = self.url_open("/my/notices")
        self.assertEqual(home.status_code, 200)
        self.assertIn("Garden works in A", home.text)
        self.assertNotIn("Lift works in B", home.text)
        self.assertIn("New", home.text)
        row = self._row(self.notice, self.owner_a)
        self.assertFalse(row.is_read)
        page = self.url_open(f"/my/notices/{self.notice.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("The garden is closed on Monday.", page.text)
        row.invalidate_recordset()
        first = row.read_at
        self.assertTrue(first)
        with freeze_time(fields.Datetime.now() + timedelta(hours=2)):
            self.url_open(f"/my/notices/{self.notice.id}")
        row.invalidate_recordset()
        self.assertEqual(row.read_at, first, "only the first reading counts")
        self.notice.invalidate_recordset()
        self.assertEqual(self.notice.read_count, 1)
        self.assertEqual(self.notice.unread_count, 2)
        readers = self.notice.action_view_readers()
        self.assertEqual(
            self.Recipient.search(readers["domain"]).partner_id, self.owner_a
        )
        non_readers = self.notice.action_view_non_readers()
        self.assertEqual(
            self.Recipient.search(non_readers["domain"]).partner_id,
            self.owner_c | self.owner_d,
        )
        self.assertNotIn("New", self.url_open("/my/notices").text)

    def test_owner_of_another_project_sees_nothing_of_it(self):
        self.authenticate(self.owner_user_b.login, self.owner_user_b.login)
        listing = self.url_open("/my/notices")
        self.assertIn("Lift works in B", listing.text)
        self.assertNotIn("Garden works in A", listing.text)
        with mute_logger("odoo.http"):
            other = self.url_open(f"/my/notices/{self.notice.id}")
            pdf = self.url_open(f"/my/notices/{self.notice.id}?report_type=html")
        self.assertTrue(other.url.endswith("/my"), other.url)
        self.assertNotIn("Garden works in A", other.text)
        self.assertNotIn("Garden works in A", pdf.text)
        self.assertFalse(self.notice.recipient_ids.filtered("is_read"))
        # Nor through the ORM.
        Notice = self.env["property.notice"].with_user(self.owner_user_b)
        self.assertEqual(Notice.search([]), self.notice_b)

    def test_expired_scheduled_and_withdrawn_notices_are_hidden(self):
        later = self._notice(
            name="Painting next week",
            date_start=fields.Datetime.now() + timedelta(days=3),
            date_end=fields.Datetime.now() + timedelta(days=10),
        )
        self._publish(later)
        withdrawn = self._publish(self._notice(name="Cancelled works"))
        withdrawn.with_user(self.director).action_cancel()
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        listing = self.url_open("/my/notices")
        self.assertIn("Garden works in A", listing.text)
        self.assertNotIn("Painting next week", listing.text)
        self.assertNotIn("Cancelled works", listing.text)
        for notice in (later, withdrawn):
            page = self.url_open(f"/my/notices/{notice.id}")
            self.assertTrue(
                page.url.endswith("/my/notices") or page.url.endswith("/my")
            )
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            expired = self.url_open(f"/my/notices/{self.notice.id}")
            self.assertTrue(expired.url.endswith("/my/notices"), expired.url)
            self.assertNotIn("Garden works in A", self.url_open("/my/notices").text)
        self.assertFalse(self._row(self.notice, self.owner_a).is_read)

    def test_portal_home_counts_current_notices(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_notice_count"]}
        )
        self.assertEqual(counters["property_notice_count"], 1)

    def test_owner_downloads_the_notice(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        html = self.url_open(f"/my/notices/{self.notice.id}?report_type=html")
        self.assertEqual(html.status_code, 200)
        self.assertIn("Garden works in A", html.text)
        self.assertIn("(Company seal)", html.text)

    def test_owner_chooses_the_channel(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        response = self.url_open(
            "/my/notices/preference",
            data={"channel": "email", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("Your preference has been saved.", response.text)
        self.assertEqual(self.owner_a.pcs_notice_channel, "email")
        # An unknown value changes nothing; without the CSRF token: refused.
        self.url_open(
            "/my/notices/preference",
            data={"channel": "fax", "csrf_token": http.Request.csrf_token(self)},
        )
        with mute_logger("odoo.http"):
            refused = self.url_open("/my/notices/preference", data={"channel": "sms"})
        self.assertEqual(refused.status_code, 400)
        self.owner_a.invalidate_recordset()
        self.assertEqual(self.owner_a.pcs_notice_channel, "email")

    def test_unit_scoped_notice_is_only_for_that_unit_owner(self):
        notice = self._publish(
            self._notice(
                name="Leak above A2-1-0101",
                scope="units",
                unit_ids=[Command.set(self.unit_c1.ids)],
            )
        )
        self.assertEqual(notice.recipient_ids.partner_id, self.owner_c)
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        self.assertNotIn("Leak above A2-1-0101", self.url_open("/my/notices").text)
        page = self.url_open(f"/my/notices/{notice.id}")
        self.assertTrue(page.url.endswith("/my"), page.url)

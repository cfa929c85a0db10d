# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


class UrgeCommon(PropertyTestCommon):
    """Owner A's open request, front desk A accountable, zone manager A
    assigned; owner B's request in project B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._ticket(user_id=cls.zone_manager.id)
        cls.ticket_b = cls._ticket(
            name="Broken door", pcs_unit_id=cls.unit_b.id, pcs_accountable_user_id=False
        )
        cls.Urge = cls.env["property.ticket.urge"]

    def _messages_to(self, ticket, partner):
        return ticket.message_ids.filtered(lambda m: partner in m.partner_ids)

    def _urge_activities(self, ticket):
        return ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("property_cs.mail_activity_ticket_urged")
        )


@tagged("post_install", "-at_install")
class TestUrgeDesk(UrgeCommon):
    def _desk_urge(self, ticket, user=None, channel="phone", note="Still no plumber"):
        action = ticket.with_user(user or self.front_desk).action_pcs_urge()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user or self.front_desk)
            .with_context(**action["context"])
        )
        wizard.channel = channel
        wizard.note = note
        wizard.save().action_confirm()

    def test_first_urge_is_logged_and_reaches_the_accountable_person(self):
        self._desk_urge(self.ticket_a)
        urge = self.ticket_a.pcs_urge_ids
        self.assertEqual(len(urge), 1)
        self.assertEqual(
            (urge.partner_id, urge.user_id, urge.channel, urge.sequence, urge.note),
            (self.owner_a, self.front_desk, "phone", 1, "Still no plumber"),
        )
        self.assertFalse(urge.escalated)
        self.assertEqual(self.ticket_a.pcs_urge_count, 1)
        self.assertEqual(self.ticket_a.priority, "1", "one urge keeps the priority")
        message = self._messages_to(self.ticket_a, self.front_desk.partner_id)
        self.assertEqual(len(message), 1)
        self.assertIn("Urge no. 1 from Owner A (Phone)", message.body)
        self.assertIn(self.zone_manager.partner_id, message.partner_ids)
        self.assertNotIn(self.cs_manager.partner_id, message.partner_ids)
        self.assertEqual(
            urge.notified_partner_ids,
            self.front_desk.partner_id | self.zone_manager.partner_id,
        )
        activity = self._urge_activities(self.ticket_a)
        self.assertEqual(activity.user_id, self.front_desk)
        # today for the accountable person (their time zone, not the server's)
        self.assertEqual(
            activity.date_deadline,
            fields.Date.context_today(activity.with_context(tz=self.front_desk.tz)),
        )

    def test_repeated_urge_raises_priority_and_reaches_the_cs_manager(self):
        start = fields.Datetime.now()
        with freeze_time(start):
            self._desk_urge(self.ticket_a)
        with freeze_time(start + timedelta(minutes=31)):
            self._desk_urge(self.ticket_a, channel="visit")
        second = self.ticket_a.pcs_urge_ids.sorted("sequence")[-1]
        self.assertEqual(second.sequence, 2)
        self.assertTrue(second.escalated)
        self.assertEqual(self.ticket_a.priority, "2")
        self.assertTrue(self.ticket_a.pcs_urged_repeatedly)
        self.assertEqual(self.ticket_a.pcs_repeat_urge_rate, 100.0)
        message = self._messages_to(self.ticket_a, self.cs_manager.partner_id)
        self.assertEqual(len(message), 1)
        self.assertIn("Priority raised", message.body)
        self.assertIn(self.cs_manager.partner_id, second.notified_partner_ids)
        self.assertNotIn(self.cs_manager_b.partner_id, second.notified_partner_ids)
        with freeze_time(start + timedelta(minutes=62)):
            self._desk_urge(self.ticket_a)
        self.assertEqual(self.ticket_a.priority, "3")
        with freeze_time(start + timedelta(minutes=93)):
            self._desk_urge(self.ticket_a)
        self.assertEqual(self.ticket_a.priority, "3", "never above Very High")
        self.assertEqual(len(self._urge_activities(self.ticket_a)), 4)

    def test_urges_within_the_interval_are_refused(self):
        start = fields.Datetime.now()
        with freeze_time(start):
            self._desk_urge(self.ticket_a)
        with freeze_time(start + timedelta(minutes=10)):
            with self.assertRaisesRegex(UserError, "can be urged again from"):
                self._desk_urge(self.ticket_a)
        self.assertEqual(self.ticket_a.pcs_urge_count, 1)
        self.assertEqual(self.ticket_a.priority, "1")
        # Interval of the company's settings: 0 = no limit.
        self.company.pcs_urge_interval_minutes = 0
        with freeze_time(start + timedelta(minutes=11)):
            self._desk_urge(self.ticket_a)
        self.assertEqual(self.ticket_a.pcs_urge_count, 2)

    def test_repeat_setting_zero_never_escalates(self):
        self.company.write({"pcs_urge_interval_minutes": 0, "pcs_urge_repeat_count": 0})
        for _i in range(3):
            self._desk_urge(self.ticket_a)
        self.assertFalse(self.ticket_a.pcs_urge_ids.filtered("escalated"))
        self.assertEqual(self.ticket_a.priority, "1")
        self.assertFalse(self.ticket_a.pcs_urged_repeatedly)

    def test_negative_settings_are_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.company.pcs_urge_interval_minutes = -5
                self.company.flush_recordset()

    def test_closed_request_cannot_be_urged(self):
        self._close(self.ticket_a)
        with self.assertRaisesRegex(UserError, "closed"):
            self._desk_urge(self.ticket_a)
        self.assertFalse(self.ticket_a.pcs_urge_ids)

    def test_desk_of_another_project_cannot_urge(self):
        with self.assertRaises(AccessError):
            self._desk_urge(self.ticket_a, user=self.front_desk_b)
        self.assertFalse(self.ticket_a.pcs_urge_ids)

    def test_urges_are_read_only_and_scoped_to_projects(self):
        self._desk_urge(self.ticket_a)
        urge = self.ticket_a.pcs_urge_ids
        with self.assertRaises(AccessError):
            urge.with_user(self.front_desk).write({"sequence": 5})
        with self.assertRaises(AccessError):
            self.Urge.with_user(self.front_desk).create(
                {"ticket_id": self.ticket_a.id, "channel": "phone"}
            )
        self.assertFalse(self.Urge.with_user(self.front_desk_b).search([]))
        self.assertEqual(self.Urge.with_user(self.front_desk).search([]), urge)


@tagged("post_install", "-at_install")
class TestUrgeStatistics(UrgeCommon):
    def test_repeat_urge_rate_in_the_analysis_and_the_weekly_summary(self):
        other = self._ticket(name="Noisy pump")
        third = self._ticket(name="Dirty stairs")
        monday = date(2026, 3, 2)
        with freeze_time("2026-03-03 02:00:00"):
            self.ticket_a._pcs_urge("phone")
            other._pcs_urge("portal")
        with freeze_time("2026-03-03 03:00:00"):
            self.ticket_a._pcs_urge("visit")
        tickets = self.ticket_a | other | third
        groups = self.Ticket.read_group(
            [("id", "in", tickets.ids)],
            ["pcs_repeat_urge_rate:avg", "pcs_urge_count:sum"],
            [],
        )
        self.assertAlmostEqual(groups[0]["pcs_repeat_urge_rate"], 100.0 / 3, places=1)
        self.assertEqual(groups[0]["pcs_urge_count"], 3)
        self.assertEqual(
            self.Ticket.search(
                [("id", "in", tickets.ids), ("pcs_urged_repeatedly", "=", True)]
            ),
            self.ticket_a,
        )
        summary = self.env["property.weekly.summary"].create(
            {
                "project_id": self.project_a.id,
                "date_from": monday,
                "date_to": monday + timedelta(days=6),
            }
        )
        self.assertEqual(summary.urge_count, 3)
        self.assertEqual(summary.repeat_urge_rate, 50.0)
        self.assertEqual(summary.stats["urged_requests"], 2)
        self.assertEqual(
            summary.stats["repeat_urged"], [[self.ticket_a.display_name, 2]]
        )
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "property_cs.action_report_weekly_summary", summary.ids
        )
        self.assertRegex(html.decode(), r"Urges received</td>\s*<td[^>]*>3</td>")
        # Another project's summary counts none of them.
        summary_b = self.env["property.weekly.summary"].create(
            {
                "project_id": self.project_b.id,
                "date_from": monday,
                "date_to": monday + timedelta(days=6),
            }
        )
        self.assertEqual(summary_b.urge_count, 0)
        self.assertEqual(summary_b.repeat_urge_rate, 0.0)


@tagged("post_install", "-at_install")
class TestUrgePortal(HttpCase, UrgeCommon):
    def _portal_urge(self, ticket):
        return self.url_open(
            f"/my/ticket/{ticket.id}/urge",
            data={"csrf_token": http.Request.csrf_token(self)},
        )

    def test_owner_urges_own_request_from_the_portal(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}")
        self.assertIn("Urge this Request", page.text)
        response = self._portal_urge(self.ticket_a)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your urge has been passed on", response.text)
        self.assertIn("You can urge it again from", response.text)
        urge = self.ticket_a.pcs_urge_ids
        self.assertEqual(
            (urge.channel, urge.partner_id, urge.user_id),
            ("portal", self.owner_a, self.owner_user_a),
        )
        self.assertTrue(self._messages_to(self.ticket_a, self.front_desk.partner_id))
        # The note is internal: the owner's page does not show it.
        self.assertNotIn("Urge no. 1", response.text)
        # At once again: refused, nothing logged.
        again = self._portal_urge(self.ticket_a)
        self.assertIn("cannot be urged right now", again.text)
        self.assertEqual(self.ticket_a.pcs_urge_count, 1)

    def test_owner_cannot_urge_another_owners_request(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        with mute_logger("odoo.http"):
            response = self._portal_urge(self.ticket_b)
            get = self.url_open(f"/my/ticket/{self.ticket_a.id}/urge")
        self.assertTrue(response.url.endswith("/my"), response.url)
        self.assertFalse(self.ticket_b.pcs_urge_ids)
        self.assertNotEqual(get.status_code, 200)
        self.assertFalse(self.ticket_a.pcs_urge_ids, "GET urges nothing")

    def test_closed_request_shows_no_urge_button(self):
        self._close(self.ticket_a)
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}")
        self.assertNotIn("Urge this Request", page.text)
        response = self._portal_urge(self.ticket_a)
        self.assertIn("cannot be urged right now", response.text)
        self.assertFalse(self.ticket_a.pcs_urge_ids)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import fields
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestServiceEscalation(PropertyTestCommon):
    def _digests(self, user):
        """Escalation digests sent to ``user`` (messages of no document)."""
        return self.env["mail.message"].search(
            [
                ("model", "=", False),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

    def _listed(self, user, ticket):
        """How many times ``ticket`` is listed in the digests of ``user``."""
        link = f'res_id={ticket.id}"'
        return sum(str(message.body).count(link) for message in self._digests(user))

    def _messages_to(self, ticket, partner):
        user = partner.user_ids[:1]
        return [1] * self._listed(user, ticket) if user else []

    def test_complaint_becomes_major_at_one_month_not_before(self):
        with freeze_time("2026-03-02 02:00:00"):
            ticket = self._ticket(
                pcs_category="complaint",
                pcs_complaint_level="general",
                pcs_first_reply_at=datetime(2026, 3, 2, 2, 1),
            )
        with freeze_time("2026-04-02 01:59:00"):
            self.Ticket._cron_pcs_escalate()
            self.assertEqual(ticket.pcs_complaint_level, "general")
            self.assertFalse(self._messages_to(ticket, self.general_manager.partner_id))
        with freeze_time("2026-04-02 02:00:00"):
            self.Ticket._cron_pcs_escalate()
            self.assertEqual(ticket.pcs_complaint_level, "major")
            self.assertTrue(ticket.pcs_level_upgraded)
            self.assertEqual(ticket.pcs_resolve_deadline, datetime(2026, 3, 4, 2, 0))
            self.assertTrue(ticket.pcs_overdue_resolve)
            self.assertEqual(
                len(self._messages_to(ticket, self.general_manager.partner_id)), 1
            )
        # one note says why, with the level's tracking (General → Major)
        tracked = ticket.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "pcs_complaint_level"
        )
        self.assertEqual(len(tracked), 1)
        self.assertEqual(
            (tracked.old_value_char, tracked.new_value_char), ("General", "Major")
        )
        self.assertIn("the complaint is now major", str(tracked.mail_message_id.body))

    def test_escalation_notifies_once_when_run_twice(self):
        with freeze_time("2026-03-02 02:00:00"):
            important = self._ticket(
                pcs_category="complaint", pcs_complaint_level="important"
            )
            major = self._ticket(pcs_category="complaint", pcs_complaint_level="major")
            self.Ticket._cron_pcs_escalate(limit=1)  # batches of one
            self.Ticket._cron_pcs_escalate(limit=1)
            self.Ticket._cron_pcs_escalate()
            self.Ticket._cron_pcs_escalate()
        self.assertEqual(len(self._messages_to(important, self.director.partner_id)), 1)
        self.assertFalse(self._messages_to(important, self.general_manager.partner_id))
        self.assertEqual(
            len(self._messages_to(major, self.general_manager.partner_id)), 1
        )
        digests = self._digests(self.general_manager)
        self.assertEqual(len(digests), 1, "the general manager is notified once")
        notifications = self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", self.general_manager.partner_id.id),
                ("mail_message_id", "in", digests.ids),
            ]
        )
        self.assertEqual(len(notifications), 1)
        # the ticket's chatter keeps a note of the escalation
        self.assertIn(
            "general manager", " ".join(major.message_ids.mapped("body")).lower()
        )
        kinds = major.pcs_escalation_ids.mapped("kind")
        self.assertEqual(kinds.count("general_manager"), 1)

    def test_overdue_activity_once(self):
        with freeze_time("2026-03-02 02:00:00"):
            ticket = self._ticket(pcs_category="common_repair")
        activity_type = self.env.ref("property_cs.mail_activity_ticket_overdue")
        with freeze_time("2026-03-02 02:14:00"):
            self.Ticket._cron_pcs_escalate()
            self.assertFalse(
                ticket.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                )
            )
        with freeze_time("2026-03-02 02:16:00"):
            self.Ticket._cron_pcs_escalate()
            self.Ticket._cron_pcs_escalate()
        overdue = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        # first reply and dispatch both ran out: one activity each
        self.assertEqual(len(overdue), 2)
        self.assertEqual(overdue.user_id, self.front_desk_a)
        self.assertEqual(ticket.pcs_breach_count, 2)

    def test_escalation_marker_is_unique_in_database(self):
        ticket = self._ticket(pcs_category="complaint", pcs_complaint_level="major")
        Escalation = self.env["property.ticket.escalation"]
        Escalation.create({"ticket_id": ticket.id, "kind": "general_manager"})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                Escalation.create({"ticket_id": ticket.id, "kind": "general_manager"})

    def test_escalation_tells_the_runner_what_is_left(self):
        with freeze_time("2026-03-02 02:00:00"):
            important = self._ticket(
                pcs_category="complaint", pcs_complaint_level="important"
            )
            major = self._ticket(pcs_category="complaint", pcs_complaint_level="major")
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref("property_cs.ir_cron_ticket_escalate").id}
        )
        Ticket = self.Ticket.with_context(ir_cron_progress_id=progress.id)
        with freeze_time("2026-03-02 02:00:00"):
            self.assertEqual(Ticket._cron_pcs_escalate(limit=1), 1)
            self.assertEqual(progress.done, 1)
            self.assertGreaterEqual(progress.remaining, 1, "the runner calls again")
            Ticket._cron_pcs_escalate(limit=10000)  # the runner's next call
            self.assertEqual(progress.remaining, 0)
        self.assertEqual(important.pcs_escalation_ids.mapped("kind"), ["director"])
        self.assertEqual(major.pcs_escalation_ids.mapped("kind"), ["general_manager"])

    def test_one_digest_per_recipient_per_run(self):
        """Three important complaints and a major one in one run: the director
        gets one message listing the three with a link each (and the minutes
        of the project), the general manager one listing the major one and,
        as a director of the company too, nothing of project A (it has its own
        director)."""
        self.project_a.pcs_important_complaint_minutes = 20
        with freeze_time("2026-03-02 02:00:00"):
            important = self.Ticket.browse()
            for _i in range(3):
                important |= self._ticket(
                    pcs_category="complaint", pcs_complaint_level="important"
                )
            major = self._ticket(pcs_category="complaint", pcs_complaint_level="major")
            self.Ticket._cron_pcs_escalate()
        digests = self._digests(self.director)
        self.assertEqual(len(digests), 1)
        for ticket in important:
            self.assertEqual(self._listed(self.director, ticket), 1)
            self.assertIn("within 20 minutes", str(digests.body))
            # the note on the ticket (no mail of its own)
            note = ticket.message_ids.filtered(
                lambda m: "service-centre director" in str(m.body)
            )
            self.assertEqual(len(note), 1)
            self.assertIn("Director A", str(note.body))
            self.assertFalse(note.partner_ids)
        self.assertIn("(by 2026-03-02 10:20)", str(digests.body))  # Shanghai time
        self.assertFalse(self._listed(self.director, major))
        self.assertEqual(self._listed(self.general_manager, major), 1)
        self.assertEqual(len(self._digests(self.general_manager)), 1)
        self.assertFalse(self._listed(self.general_manager, important[0]))

    def test_digest_in_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN"], overwrite=True
        )
        self.director.lang = "zh_CN"
        with freeze_time("2026-03-02 02:00:00"):
            ticket = self._ticket(
                pcs_category="complaint", pcs_complaint_level="important"
            )
            self.Ticket._cron_pcs_escalate()
        digest = self._digests(self.director)
        self.assertEqual(len(digest), 1)
        self.assertEqual(self._listed(self.director, ticket), 1)
        self.assertIn("重要投诉", digest.subject + str(digest.body))
        self.assertNotIn("Important complaints", str(digest.body))

    def _call(self, limit):
        """One call of the job as the cron runner makes it (with its progress
        record); returns the work it reports left."""
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref("property_cs.ir_cron_ticket_escalate").id}
        )
        Ticket = self.Ticket.with_context(ir_cron_progress_id=progress.id)
        Ticket._cron_pcs_escalate(limit=limit)
        return progress.remaining

    def _run(self, limit):
        """One run of the job: calls of ``limit`` tickets until nothing is
        left. Returns the number of calls."""
        for calls in range(1, 1000):
            if not self._call(limit):
                return calls
        return self.fail("the run never ends")

    def _complaints(self, level, count, unit=None):
        return self.Ticket.create(
            [
                {
                    "name": f"Complaint {level} {i}",
                    "description": "Noise at night",
                    "pcs_unit_id": (unit or self.unit_a).id,
                    "pcs_accountable_user_id": self.front_desk_a.id,
                    "pcs_category": "complaint",
                    "pcs_complaint_level": level,
                    "pcs_first_reply_at": fields.Datetime.now(),
                }
                for i in range(count)
            ]
        )

    def test_one_digest_per_recipient_over_several_calls(self):
        """A run of several calls (batches of 2): each recipient gets one
        digest at the end of the run, listing every ticket of the run; the
        accountable person gets an activity per overdue clock all the same."""
        with freeze_time("2026-03-02 02:00:00"):
            important = self._complaints("important", 5)
            important_b = self._complaints("important", 2, unit=self.unit_b)
            major = self._complaints("major", 3)
            repairs = self.Ticket.browse()
            for _i in range(3):
                repairs |= self._ticket(pcs_category="common_repair")
        activity_type = self.env.ref("property_cs.mail_activity_ticket_overdue")
        with freeze_time("2026-03-02 02:16:00"):
            calls = self._run(limit=2)
        self.assertGreater(calls, 5, "the run takes several calls")
        digests = self._digests(self.director)
        self.assertEqual(len(digests), 1, "one digest for the director per run")
        for ticket in important:
            self.assertEqual(self._listed(self.director, ticket), 1)
        self.assertIn("(5)", str(digests.body))
        for ticket in important_b:
            self.assertFalse(self._listed(self.director, ticket))
            self.assertEqual(self._listed(self.director_b, ticket), 1)
        self.assertEqual(len(self._digests(self.director_b)), 1)
        self.assertEqual(len(self._digests(self.general_manager)), 1)
        for ticket in major:
            self.assertEqual(self._listed(self.general_manager, ticket), 1)
        for ticket in repairs:
            overdue = ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            # first reply and dispatch both ran out: one activity each
            self.assertEqual(len(overdue), 2)
            self.assertEqual(overdue.user_id, self.front_desk_a)
        self.assertFalse(
            self.env["property.ticket.escalation"].search(
                [("digest_pending", "=", True)]
            )
        )
        # the next run sends nothing more
        with freeze_time("2026-03-02 02:20:00"):
            self._run(limit=2)
        self.assertEqual(len(self._digests(self.director)), 1)
        self.assertEqual(len(self._digests(self.general_manager)), 1)

    def test_nothing_the_director_must_see_is_lost(self):
        """A run stopped in the middle (the process died after two calls),
        then a run whose last call fails while sending the digests (rolled
        back, as the cron runner does): the next run's digest lists every
        ticket escalated by all three, once."""
        with freeze_time("2026-03-02 02:00:00"):
            first = self._complaints("important", 5)
            self.assertTrue(self._call(limit=2), "the run is not over")
            self.assertTrue(self._call(limit=2), "the run is not over")
            # the process dies here: no more calls of this run
            self.assertEqual(len(first.pcs_escalation_ids), 4)
            self.assertFalse(self._digests(self.director))
        with freeze_time("2026-03-02 03:00:00"):
            second = self._complaints("important", 2)
            Escalation = type(self.env["property.ticket.escalation"])
            with patch.object(
                Escalation, "_send_digests", side_effect=RuntimeError("stopped")
            ):
                for _call in range(1000):
                    try:
                        with self.env.cr.savepoint():  # a commit per call
                            if not self._call(limit=2):
                                self.fail("the digests were sent")
                    except RuntimeError:
                        break
            self.assertEqual(len((first | second).pcs_escalation_ids), 6)
            self.assertFalse(self._digests(self.director))
        with freeze_time("2026-03-02 04:00:00"):
            third = self._complaints("important", 1)
            self._run(limit=2)
        digests = self._digests(self.director)
        self.assertEqual(len(digests), 1)
        for ticket in first | second | third:
            self.assertEqual(self._listed(self.director, ticket), 1)
            self.assertEqual(ticket.pcs_escalation_ids.mapped("kind"), ["director"])
        self.assertFalse(
            self.env["property.ticket.escalation"].search(
                [("digest_pending", "=", True)]
            )
        )

    def test_queries_per_notified_escalation(self):
        """The marginal cost of an escalation that notifies the director is at
        most one query (markers, notes and the digest are written in bulk)."""
        with freeze_time("2026-03-02 02:00:00"):
            self.Ticket._cron_pcs_escalate(limit=100000)  # what was due before
        counts = {}
        for size in (10, 40):
            with freeze_time("2026-03-02 02:00:00"):
                self.Ticket.create(
                    [
                        {
                            "name": f"Complaint {size}-{i}",
                            "description": "Noise at night",
                            "pcs_unit_id": self.unit_a.id,
                            "pcs_accountable_user_id": self.front_desk_a.id,
                            "pcs_category": "complaint",
                            "pcs_complaint_level": "important",
                            "pcs_first_reply_at": datetime(2026, 3, 2, 2, 0),
                        }
                        for i in range(size)
                    ]
                )
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                self.Ticket._cron_pcs_escalate()
                self.env.flush_all()
                counts[size] = self.env.cr.sql_log_count - before
        marginal = (counts[40] - counts[10]) / 30
        self.assertLessEqual(marginal, 1.0, counts)

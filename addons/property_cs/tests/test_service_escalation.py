# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from psycopg2 import IntegrityError

from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestServiceEscalation(PropertyTestCommon):
    def _messages_to(self, ticket, partner):
        return ticket.message_ids.filtered(lambda m: partner in m.partner_ids)

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
        notifications = self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", self.general_manager.partner_id.id),
                ("mail_message_id.res_id", "=", major.id),
                ("mail_message_id.model", "=", "helpdesk.ticket"),
            ]
        )
        self.assertEqual(len(notifications), 1, "the general manager is notified once")
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

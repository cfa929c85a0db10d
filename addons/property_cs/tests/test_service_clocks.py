# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common import PropertyTestCommon

T0 = datetime(2026, 3, 2, 2, 0)  # 10:00 in Shanghai


@tagged("post_install", "-at_install")
class TestServiceClocks(PropertyTestCommon):
    def _create(self, **vals):
        return self._ticket(pcs_registered_at=T0, **vals)

    def test_owner_and_project_from_unit(self):
        ticket = self._create(pcs_category="consultation")
        self.assertEqual(ticket.pcs_project_id, self.project_a)
        self.assertEqual(ticket.partner_id, self.owner_a)

    def test_repair_deadlines(self):
        normal = self._create(pcs_category="common_repair")
        urgent = self._create(pcs_category="paid_repair", pcs_urgency="urgent")
        self.assertEqual(normal.pcs_first_reply_deadline, datetime(2026, 3, 2, 2, 15))
        self.assertEqual(normal.pcs_dispatch_deadline, datetime(2026, 3, 2, 2, 15))
        self.assertEqual(urgent.pcs_dispatch_deadline, datetime(2026, 3, 2, 2, 5))
        self.assertFalse(
            normal.pcs_on_site_deadline, "no on-site clock before dispatch"
        )
        normal.pcs_dispatched_at = datetime(2026, 3, 2, 2, 10)
        self.assertEqual(normal.pcs_on_site_deadline, datetime(2026, 3, 2, 2, 25))

    def test_consultation_has_no_dispatch_clock(self):
        ticket = self._create(pcs_category="consultation")
        self.assertEqual(ticket.pcs_first_reply_deadline, datetime(2026, 3, 2, 2, 15))
        self.assertFalse(ticket.pcs_dispatch_deadline)
        self.assertFalse(ticket.pcs_resolve_deadline)

    def test_complaint_levels(self):
        general = self._create(pcs_category="complaint", pcs_complaint_level="general")
        self.assertEqual(general.pcs_resolve_deadline, datetime(2026, 3, 4, 2, 0))
        self.assertEqual(general.pcs_upgrade_deadline, datetime(2026, 4, 2, 2, 0))
        owner_deadline = datetime(2026, 3, 3, 1, 0)
        general.pcs_owner_deadline = owner_deadline
        self.assertEqual(general.pcs_resolve_deadline, owner_deadline)
        important = self._create(
            pcs_category="complaint", pcs_complaint_level="important"
        )
        self.assertEqual(important.pcs_escalation_deadline, datetime(2026, 3, 2, 2, 30))
        major = self._create(pcs_category="complaint", pcs_complaint_level="major")
        # Same day, in the company's time zone: 23:59:59 Shanghai = 15:59:59 UTC.
        self.assertEqual(
            major.pcs_escalation_deadline, datetime(2026, 3, 2, 15, 59, 59)
        )
        self.assertFalse(major.pcs_upgrade_deadline)
        invalid = self._create(
            pcs_category="complaint",
            pcs_complaint_level="general",
            pcs_complaint_valid="invalid",
            pcs_invalid_reason="Not our service",
        )
        self.assertFalse(invalid.pcs_upgrade_deadline)

    def test_limits_per_company_and_project(self):
        self.company.pcs_first_reply_minutes = 20
        self.project_a.pcs_dispatch_normal_minutes = 30
        ticket = self._create(pcs_category="common_repair")
        self.assertEqual(ticket.pcs_first_reply_deadline, datetime(2026, 3, 2, 2, 20))
        self.assertEqual(ticket.pcs_dispatch_deadline, datetime(2026, 3, 2, 2, 30))

    def test_general_complaint_overdue_after_two_days(self):
        ticket = self._create(pcs_category="complaint", pcs_complaint_level="general")
        ticket.pcs_first_reply_at = datetime(2026, 3, 2, 2, 5)
        with freeze_time("2026-03-04 01:59:00"):
            ticket.invalidate_recordset(["pcs_overdue_resolve", "pcs_overdue"])
            self.assertFalse(ticket.pcs_overdue_resolve)
            self.assertNotIn(
                ticket, self.Ticket.search([("pcs_overdue_resolve", "=", True)])
            )
        with freeze_time("2026-03-04 02:01:00"):
            ticket.invalidate_recordset(["pcs_overdue_resolve", "pcs_overdue"])
            self.assertTrue(ticket.pcs_overdue_resolve)
            self.assertTrue(ticket.pcs_overdue)
            self.assertIn(
                ticket, self.Ticket.search([("pcs_overdue_resolve", "=", True)])
            )
            self.assertIn(ticket, self.Ticket.search([("pcs_overdue", "=", True)]))
            self._close(ticket)
            ticket.invalidate_recordset(["pcs_overdue_resolve"])
            self.assertFalse(ticket.pcs_overdue_resolve)
            self.assertEqual(ticket.pcs_breach_count, 1)

    def test_followup_is_first_reply_and_daily_reminder_once(self):
        with freeze_time("2026-03-02 02:07:00"):
            ticket = self._ticket(pcs_category="consultation")
            self.env["property.ticket.followup"].create(
                {"ticket_id": ticket.id, "owner_said": "Fine, thanks"}
            )
            self.assertEqual(ticket.pcs_first_reply_at, datetime(2026, 3, 2, 2, 7))
            self.assertEqual(ticket.pcs_first_reply_minutes, 0.0)
        activity_type = self.env.ref("property_cs.mail_activity_ticket_followup")
        with freeze_time("2026-03-03 01:00:00"):
            self.Ticket._cron_pcs_followup_reminder()
            self.Ticket._cron_pcs_followup_reminder()
            reminders = ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            self.assertEqual(len(reminders), 1)
            self.assertEqual(reminders.user_id, self.front_desk_a)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The renovation numbers are company settings; working days follow the
company's calendar with the public holidays (国庆节, 春节) and make-up
working days (调休上班); the patrol checklists are records."""

from datetime import date, datetime

from odoo.tests import freeze_time, tagged

from .common import RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationSettings(RenovationTestCommon):
    def _submit(self, moment):
        with freeze_time(moment):
            renovation = self._create_renovation()
            renovation.action_submit()
        return renovation

    def test_review_deadline_in_working_days(self):
        # Friday 5 June 10:00 in Shanghai: due Wednesday 10 June 10:00.
        friday = self._submit("2026-06-05 02:00:00")
        self.assertEqual(friday.review_deadline, datetime(2026, 6, 10, 2, 0))
        # Before 国庆节: 8, 9 October and the make-up Saturday 10 October.
        national_day = self._submit("2026-09-30 02:00:00")
        self.assertEqual(national_day.review_deadline, datetime(2026, 10, 10, 2, 0))
        # Calendar days when the company says so, and another number of days.
        self.company.write(
            {
                "pcs_renovation_review_working_days": False,
                "pcs_renovation_review_days": 5,
            }
        )
        calendar_days = self._submit("2026-06-05 02:00:00")
        self.assertEqual(calendar_days.review_deadline, datetime(2026, 6, 10, 2, 0))
        self.company.pcs_renovation_review_days = 2
        self.assertEqual(
            self._submit("2026-06-05 02:00:00").review_deadline,
            datetime(2026, 6, 7, 2, 0),
        )

    def test_escalation_names_the_review_days(self):
        self.company.pcs_renovation_review_days = 2
        renovation = self._submit("2026-06-08 02:00:00")  # Monday: due Wednesday
        self.assertEqual(renovation.review_deadline, datetime(2026, 6, 10, 2, 0))
        with freeze_time("2026-06-10 03:00:00"):
            self.env["property.renovation"]._cron_escalate_reviews()
        self.assertTrue(renovation.review_escalated)
        self.assertIn(
            "The 2-day engineering review is overdue.",
            renovation.message_ids.mapped("body")[0],
        )

    def test_patrols_skip_holidays_not_makeup_days(self):
        Renovation = self.env["property.renovation"]
        with freeze_time("2026-09-28 02:00:00"):
            renovation = self._works_renovation()
        for moment, expected in (
            ("2026-09-30 00:30:00", 2),  # Wednesday
            ("2026-10-01 00:30:00", 0),  # 国庆节
            ("2026-10-05 00:30:00", 0),  # Monday, still 国庆节
            ("2026-10-08 00:30:00", 2),  # Thursday, back to work
            ("2026-10-10 00:30:00", 2),  # Saturday, make-up working day
            ("2026-10-11 00:30:00", 0),  # Sunday
        ):
            with freeze_time(moment):
                self.assertEqual(Renovation._cron_generate_patrols(), expected, moment)
        self.assertEqual(
            sorted(set(renovation.patrol_ids.mapped("date"))),
            [date(2026, 9, 30), date(2026, 10, 8), date(2026, 10, 10)],
        )

    def test_patrol_checklists_are_records_the_company_edits(self):
        Item = self.env["property.renovation.checklist.item"]
        engineering = Item.search([("kind", "=", "engineering")])
        self.assertEqual(len(engineering), 5)
        self.assertEqual(
            engineering[0].name, "No change to load-bearing walls, beams or columns"
        )
        engineering[-1].active = False
        Item.create(
            {
                "kind": "engineering",
                "name": "Air-conditioner drain routed to the riser",
                "sequence": 1,
                "company_id": self.company.id,
            }
        )
        Item.create(
            {
                "kind": "engineering",
                "name": "Not ours",
                "company_id": self.setup_other_company()["company"].id,
            }
        )
        with freeze_time("2026-06-08 02:00:00"):
            renovation = self._works_renovation()
            self.env["property.renovation"]._cron_generate_patrols()
        patrol = renovation.patrol_ids.filtered(lambda p: p.kind == "engineering")
        names = patrol.line_ids.sorted("sequence").mapped("name")
        self.assertEqual(len(names), 5)
        self.assertEqual(names[0], "Air-conditioner drain routed to the riser")
        self.assertNotIn("Not ours", names)
        self.assertNotIn("Facade, windows and outdoor units as approved", names)
        security = renovation.patrol_ids.filtered(lambda p: p.kind == "security")
        self.assertEqual(len(security.line_ids), 5)

    def test_reinspection_interval(self):
        self.company.pcs_renovation_reinspection_months = 2
        Inspection = self.env["property.renovation.inspection"]
        with freeze_time("2026-03-02 08:00:00"):
            renovation = self._works_renovation()
        with freeze_time("2026-04-30 10:00:00"):
            renovation.action_finish_works()
            renovation.inspection_ids.action_done()
        with freeze_time("2026-05-30 10:00:00"):
            self.assertEqual(Inspection._cron_schedule_reinspections(), 0)
        with freeze_time("2026-06-30 10:00:00"):
            self.assertEqual(Inspection._cron_schedule_reinspections(), 1)
        reinspection = renovation.inspection_ids.filtered(
            lambda i: i.kind == "reinspection"
        )
        self.assertEqual(reinspection.date, date(2026, 6, 30))

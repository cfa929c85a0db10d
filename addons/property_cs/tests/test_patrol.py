# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestPatrol(PropertyTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = (
            cls.env["property.patrol.plan"]
            .with_user(cls.zone_manager)
            .create(
                {
                    "name": "A daily",
                    "project_id": cls.project_a.id,
                    "building_ids": [(6, 0, cls.building_a.ids)],
                }
            )
        )
        cls.Patrol = cls.env["property.patrol"]

    def _patrols(self):
        return self.Patrol.search([("plan_id", "=", self.plan.id)], order="id")

    def test_default_two_rounds_generated_once_per_day(self):
        self.assertEqual(
            self.plan.round_ids.mapped(lambda r: (r.hour_start, r.hour_end)),
            [(9.0, 12.0), (16.0, 18.0)],
        )
        with freeze_time("2026-03-05 00:10:00"):
            self.Patrol._cron_generate()
            self.Patrol._cron_generate()
            patrols = self.Patrol.search([("plan_id", "=", self.plan.id)])
            self.assertEqual(len(patrols), 2)
            morning = patrols.filtered(lambda p: p.round_id.hour_start == 9.0)
            # 9:00-12:00 Beijing time = 01:00-04:00 UTC
            self.assertEqual(morning.date_start, datetime(2026, 3, 5, 1, 0))
            self.assertEqual(morning.date_end, datetime(2026, 3, 5, 4, 0))
            self.assertEqual(len(morning.line_ids), 7)
        with freeze_time("2026-03-06 00:10:00"):
            self.Patrol._cron_generate()
            self.assertEqual(
                self.Patrol.search_count([("plan_id", "=", self.plan.id)]), 4
            )
            self.assertEqual(set(patrols.mapped("state")), {"missed"})

    def test_patrol_checklist_required(self):
        with freeze_time("2026-03-05 00:10:00"):
            self.Patrol._cron_generate()
            patrol = self._patrols()[:1]
        with self.assertRaises(UserError):
            patrol.with_user(self.zone_manager).action_done()
        patrol.line_ids.with_user(self.zone_manager).write({"result": "ok"})
        patrol.with_user(self.zone_manager).action_done()
        self.assertEqual(patrol.state, "done")

    def test_finding_becomes_request_due_in_seven_days(self):
        Finding = self.env["property.finding"].with_user(self.zone_manager)
        with freeze_time("2026-03-05 02:00:00"):
            self.Patrol._cron_generate()
            patrol = self._patrols()[:1]
            finding = Finding.create(
                {
                    "name": "Broken lobby light",
                    "category": "facilities",
                    "project_id": self.project_a.id,
                    "building_id": self.building_a.id,
                    "patrol_id": patrol.id,
                }
            )
            self.assertEqual(finding.state, "requested")
            self.assertTrue(finding.ticket_id)
            self.assertTrue(finding.ticket_ref)
            self.assertEqual(finding.date_deadline, datetime(2026, 3, 12, 2, 0))
            self.assertEqual(patrol.finding_count, 1)
        with freeze_time("2026-03-12 01:59:59"):
            finding.invalidate_recordset(["is_overdue"])
            self.assertFalse(finding.is_overdue)
        with freeze_time("2026-03-12 02:00:01"):
            finding.invalidate_recordset(["is_overdue"])
            self.assertTrue(finding.is_overdue)
            self.assertIn(finding, Finding.search([("is_overdue", "=", True)]))

    def test_longer_time_only_when_approved_and_fix_verified(self):
        Finding = self.env["property.finding"].with_user(self.zone_manager)
        with freeze_time("2026-03-05 02:00:00"):
            finding = Finding.create(
                {"name": "Cracked paving", "project_id": self.project_a.id}
            )
            finding.write(
                {
                    "extension_date": datetime(2026, 3, 20, 2, 0),
                    "extension_reason": "Stone on order",
                }
            )
            finding.action_request_extension()
            self.assertEqual(finding.date_deadline, datetime(2026, 3, 12, 2, 0))
            with self.assertRaises(UserError):
                finding.action_approve_extension()  # zone manager may not
            finding.with_user(self.director).action_approve_extension()
            self.assertEqual(finding.date_deadline, datetime(2026, 3, 20, 2, 0))
        with freeze_time("2026-03-15 08:00:00"):
            with self.assertRaises(UserError):
                finding.action_verify()
            finding.action_mark_fixed()
            finding.with_user(self.director).action_verify()
            self.assertEqual(finding.state, "verified")
            self.assertEqual(finding.verified_by_id, self.director)
            self.assertEqual(finding.date_verified, datetime(2026, 3, 15, 8, 0))

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationWorks(RenovationTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-03-02 08:00:00"):  # a Monday
            cls.renovation = cls._works_renovation()

    def _patrols(self):
        return self.env["property.renovation.patrol"].search(
            [("renovation_id", "=", self.renovation.id)]
        )

    def test_patrols_once_per_working_day(self):
        Renovation = self.env["property.renovation"]
        with freeze_time("2026-03-06 07:00:00"):  # Friday
            Renovation._cron_generate_patrols()
            Renovation._cron_generate_patrols()
        patrols = self._patrols()
        self.assertEqual(len(patrols), 2)
        self.assertEqual(set(patrols.mapped("kind")), {"engineering", "security"})
        self.assertEqual(set(patrols.mapped("date")), {date(2026, 3, 6)})
        self.assertTrue(all(len(p.line_ids) == 5 for p in patrols))
        with freeze_time("2026-03-07 07:00:00"):  # Saturday: no patrol
            self.assertEqual(Renovation._cron_generate_patrols(), 0)
        with freeze_time("2026-03-08 07:00:00"):  # Sunday: no patrol
            self.assertEqual(Renovation._cron_generate_patrols(), 0)
        with freeze_time("2026-03-09 07:00:00"):  # Monday
            self.assertEqual(Renovation._cron_generate_patrols(), 2)
            self.assertEqual(Renovation._cron_generate_patrols(), 0)
        self.assertEqual(len(self._patrols()), 4)

    def test_missed_patrol_escalated_once_to_director(self):
        Renovation = self.env["property.renovation"]
        Patrol = self.env["property.renovation.patrol"]
        with freeze_time("2026-03-06 07:00:00"):  # Friday
            Renovation._cron_generate_patrols()
            patrols = self._patrols()
            engineering = patrols.filtered(lambda p: p.kind == "engineering")
            security = patrols - engineering
            self.assertEqual(security.deadline, date(2026, 3, 6))
            engineering.action_done()
            # Not overdue on its own day: nothing to escalate.
            Patrol._cron_escalate_overdue()
            self.assertFalse(security.is_overdue)
            self.assertFalse(security.activity_ids)
        with freeze_time("2026-03-07 01:00:00"):  # Saturday night run
            security.invalidate_recordset(["is_overdue"])
            self.assertTrue(security.is_overdue)
            self.assertIn(security, Patrol.search([("is_overdue", "=", True)]))
            Patrol._cron_escalate_overdue()
            Patrol._cron_escalate_overdue()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "property.renovation.patrol"),
                ("res_id", "in", patrols.ids),
            ]
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.res_id, security.id)
        self.assertEqual(activities.user_id, self.director)
        self.assertTrue(security.escalated)
        self.assertFalse(engineering.escalated)
        # Doing the patrol late clears the overdue flag.
        with freeze_time("2026-03-07 09:00:00"):
            security.action_done()
            self.assertFalse(security.is_overdue)

    def _print_action(self, record):
        # The print button opens the report (once the company's document
        # layout is chosen, else Odoo asks for it first).
        self.env.company.external_report_layout_id = self.env.ref(
            "web.external_layout_standard"
        )
        return record.action_print()

    def _render(self, xmlid, records):
        content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            xmlid, records.ids
        )
        return content.decode()

    def test_hot_work_permit_printed(self):
        hot = self.env["property.renovation.hot.work"].create(
            {
                "renovation_id": self.renovation.id,
                "work_description": "Welding of the balcony rail",
                "operator_name": "Zhao Gang",
                "date_from": "2026-03-03 09:00:00",
                "date_to": "2026-03-03 11:00:00",
                "fire_measures": "Two extinguishers, fire watch",
            }
        )
        hot.action_approve()
        action = self._print_action(hot)
        self.assertEqual(
            action["report_name"], "property_renovation.report_hot_work_document"
        )
        html = self._render("property_renovation.report_hot_work", hot)
        self.assertTrue(hot.name.startswith("DH"))
        for text in (
            "Hot-work Permit",
            hot.name,
            self.unit.display_name,
            self.renovation.permit_no,
            "Welding of the balcony rail",
            "Zhao Gang",
            "Two extinguishers, fire watch",
            "2026-03-03",  # the form prints dates as 2026-03-03 HH:mm
        ):
            self.assertIn(text, html)

    def test_gate_pass_printed(self):
        gate = self.env["property.renovation.gate.pass"].create(
            {
                "renovation_id": self.renovation.id,
                "date": date(2026, 3, 5),
                "direction": "out",
                "materials": "12 bags of debris",
                "vehicle_plate": "沪A12345",
            }
        )
        action = self._print_action(gate)
        self.assertEqual(
            action["report_name"], "property_renovation.report_gate_pass_document"
        )
        html = self._render("property_renovation.report_gate_pass", gate)
        self.assertTrue(gate.name.startswith("FX"))
        for text in (
            "Material Gate Pass",
            gate.name,
            self.unit.display_name,
            "03/05/2026",
            "Materials / Debris Out",
            "12 bags of debris",
            "沪A12345",
        ):
            self.assertIn(text, html)

    def test_patrols_stop_when_works_closed(self):
        Renovation = self.env["property.renovation"]
        self.renovation.action_finish_works()
        with freeze_time("2026-03-06 07:00:00"):
            Renovation._cron_generate_patrols()
        self.assertFalse(self._patrols())

    def test_violation_past_deadline_flagged(self):
        Violation = self.env["property.renovation.violation"]
        violation = Violation.create(
            {
                "renovation_id": self.renovation.id,
                "date": date(2026, 3, 3),
                "description": "Debris in the corridor",
                "deadline": date(2026, 3, 5),
                "penalty_amount": 200.0,
            }
        )
        self.assertTrue(violation.name.startswith("WZ"))
        with freeze_time("2026-03-05 10:00:00"):
            Violation._cron_flag_overdue()
            self.assertFalse(violation.overdue_flagged)
            self.assertFalse(violation.is_overdue)
        with freeze_time("2026-03-06 10:00:00"):
            violation.invalidate_recordset(["is_overdue"])
            self.assertTrue(violation.is_overdue)
            self.assertIn(violation, Violation.search([("is_overdue", "=", True)]))
            Violation._cron_flag_overdue()
            Violation._cron_flag_overdue()
        self.assertTrue(violation.overdue_flagged)
        overdue_type = self.env.ref(
            "property_renovation.mail_activity_renovation_violation_overdue"
        )
        self.assertEqual(
            len(
                violation.activity_ids.filtered(
                    lambda a: a.activity_type_id == overdue_type
                )
            ),
            1,
        )
        # A refusal to sign is flagged for the report to the authorities.
        violation.action_refuse()
        self.assertTrue(violation.refused)
        self.assertEqual(
            violation.archive_document_id.type_id,
            self.env.ref("property_cs.doc_type_violation_notice"),
        )
        self.assertEqual(
            violation.archive_document_id.archive_id, self.renovation.unit_id.archive_id
        )

    def test_extension_moves_end_only_when_approved(self):
        Extension = self.env["property.renovation.extension"]
        end = self.renovation.date_end
        rejected = Extension.create(
            {
                "renovation_id": self.renovation.id,
                "date_end_new": end + timedelta(days=10),
                "reason": "Tiles late",
            }
        )
        self.assertEqual(self.renovation.date_end, end)
        rejected.action_reject()
        self.assertEqual(self.renovation.date_end, end)
        approved = Extension.create(
            {
                "renovation_id": self.renovation.id,
                "date_end_new": end + timedelta(days=14),
                "reason": "Owner added a room",
            }
        )
        self.assertEqual(self.renovation.date_end, end)
        approved.action_approve()
        self.assertEqual(self.renovation.date_end, end + timedelta(days=14))
        self.assertEqual(approved.date_end_old, end)
        with self.assertRaises(ValidationError):
            Extension.create(
                {
                    "renovation_id": self.renovation.id,
                    "date_end_new": end,
                    "reason": "Earlier",
                }
            )

    def test_hot_work_and_gate_pass(self):
        hot = self.env["property.renovation.hot.work"].create(
            {
                "renovation_id": self.renovation.id,
                "work_description": "Welding of the balcony rail",
                "date_from": "2026-03-03 09:00:00",
                "date_to": "2026-03-03 11:00:00",
            }
        )
        hot.action_approve()
        self.assertEqual(hot.state, "approved")
        gate = self.env["property.renovation.gate.pass"].create(
            {
                "renovation_id": self.renovation.id,
                "direction": "out",
                "materials": "Debris",
            }
        )
        gate.action_check()
        self.assertEqual(gate.state, "checked")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "property_renovation.report_violation",
            self.env["property.renovation.violation"]
            .create(
                {
                    "renovation_id": self.renovation.id,
                    "description": "No permit posted",
                    "deadline": date(2026, 3, 4),
                }
            )
            .ids,
        )
        self.assertIn("No permit posted", html.decode())

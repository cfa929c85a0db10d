# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tools import file_path, mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestServiceReports(PropertyTestCommon):
    """Weekly summary and monthly service report of project A.

    Company time zone Asia/Shanghai (UTC+8). Last week, seen from Monday
    2026-03-09, is 2026-03-02..08 local = [03-01 16:00, 03-08 16:00) UTC.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A general complaint, answered, closed on 03-04.
        cls.t1 = cls._ticket(
            name="Noise at night",
            pcs_category="complaint",
            pcs_complaint_level="general",
            pcs_registered_at=datetime(2026, 3, 3, 2, 0),
            pcs_first_reply_at=datetime(2026, 3, 3, 2, 10),
        )
        # An important complaint of the same owner, never answered, open.
        cls.t2 = cls._ticket(
            name="Rude guard",
            pcs_category="complaint",
            pcs_complaint_level="important",
            pcs_registered_at=datetime(2026, 3, 4, 3, 0),
        )
        # A paid repair closed without a dispatch order: dispatch clock ran out.
        cls.t3 = cls._ticket(
            name="Replace tap",
            pcs_category="paid_repair",
            pcs_registered_at=datetime(2026, 3, 5, 1, 0),
            pcs_first_reply_at=datetime(2026, 3, 5, 1, 5),
        )
        # Registered before the week and still open.
        cls.t4 = cls._ticket(
            name="Parking question",
            pcs_category="consultation",
            pcs_registered_at=datetime(2026, 2, 20, 1, 0),
            pcs_first_reply_at=datetime(2026, 2, 20, 1, 5),
        )
        # Monday 01:00 local = Sunday 17:00 UTC: inside the week.
        cls.t6 = cls._ticket(
            name="More bicycle racks",
            pcs_category="suggestion",
            pcs_registered_at=datetime(2026, 3, 1, 17, 0),
            pcs_first_reply_at=datetime(2026, 3, 1, 17, 5),
        )
        # Another project: never counted.
        cls._ticket(
            name="Project B lift",
            pcs_unit_id=cls.unit_b.id,
            pcs_category="common_repair",
            pcs_registered_at=datetime(2026, 3, 3, 1, 0),
        )
        # After the week, in March: a common-area repair for the monthly report.
        cls.t7 = cls._ticket(
            name="Lobby light replaced",
            pcs_category="common_repair",
            pcs_registered_at=datetime(2026, 3, 20, 1, 0),
            pcs_first_reply_at=datetime(2026, 3, 20, 1, 5),
        )
        cls._close(cls.t1 | cls.t3 | cls.t7)
        cls.t1.closed_date = datetime(2026, 3, 4, 8, 0)
        cls.t3.closed_date = datetime(2026, 3, 5, 6, 0)
        cls.t7.closed_date = datetime(2026, 3, 21, 6, 0)
        Escalation = cls.env["property.ticket.escalation"]
        Escalation.create(
            [
                {
                    "ticket_id": cls.t2.id,
                    "kind": "director",
                    "date": datetime(2026, 3, 4, 3, 30),
                },
                {
                    "ticket_id": cls.t4.id,
                    "kind": "overdue_resolve",
                    "date": datetime(2026, 2, 21, 1, 0),
                },
            ]
        )
        Callback = cls.env["property.callback"]
        Callback.create(
            [
                {
                    "ticket_id": cls.t1.id,
                    "kind": "complaint",
                    "date_due": date(2026, 3, 6),
                    "state": "done",
                    "method": "phone",
                    "satisfaction": "satisfied",
                },
                {
                    "ticket_id": cls.t3.id,
                    "kind": "paid_repair",
                    "date_due": date(2026, 3, 7),
                    "state": "done",
                    "method": "phone",
                    "satisfaction": "unsatisfied",
                },
                {
                    "ticket_id": cls.t4.id,
                    "kind": "other",
                    "date_due": date(2026, 3, 8),
                },
            ]
        )
        cls.Summary = cls.env["property.weekly.summary"]
        cls.Report = cls.env["property.service.report"]

    def _summary_mails(self, summaries):
        return self.env["mail.mail"].search(
            [("model", "=", "property.weekly.summary"), ("res_id", "in", summaries.ids)]
        )

    # ------------------------------------------------------------------
    # Weekly summary
    # ------------------------------------------------------------------
    def test_weekly_summary_figures(self):
        with freeze_time("2026-03-09 00:30:00"):
            self.Summary._cron_weekly_summary()
        summary = self.Summary.search([("project_id", "=", self.project_a.id)])
        self.assertEqual(len(summary), 1)
        self.assertEqual(summary.date_from, date(2026, 3, 2))
        self.assertEqual(summary.date_to, date(2026, 3, 8))
        stats = summary.stats
        self.assertEqual(
            (stats["new"], stats["closed"], stats["open"]),
            (4, 2, 3),
            "t1, t2, t3, t6 new; t1, t3 closed; t2, t4, t6 open on Sunday night",
        )
        self.assertEqual(
            (
                stats["complaint_new"],
                stats["complaint_closed"],
                stats["complaint_open"],
            ),
            (2, 1, 1),
        )
        self.assertEqual(
            stats["by_category"],
            [
                ["paid_repair", 1, 1, 0],
                ["complaint", 2, 1, 1],
                ["suggestion", 1, 0, 1],
                ["consultation", 0, 0, 1],
            ],
        )
        self.assertEqual(
            stats["by_level"], [["general", 1, 1, 0], ["important", 1, 0, 1]]
        )
        self.assertEqual(
            stats["overdue"],
            {"first_reply": 1, "dispatch": 1, "on_site": 0, "resolve": 0},
        )
        self.assertEqual(summary.overdue_count, 2)
        self.assertEqual(stats["escalations"], [["director", 1]])
        self.assertEqual(summary.escalation_count, 1)
        self.assertEqual(
            (summary.callback_due_count, summary.callback_done_count), (3, 2)
        )
        self.assertEqual(summary.acceptance_rate, 75.0)
        self.assertEqual(summary.handling_rate, 50.0)
        self.assertEqual(summary.callback_rate, 66.7)
        self.assertEqual(summary.satisfaction_rate, 50.0)
        self.assertTrue(summary.below_target)
        self.assertEqual(stats["repeat_complainants"], [["Owner A", 2]])
        self.assertEqual(summary.repeat_complainant_count, 1)
        self.assertEqual(
            summary.recipient_ids, (self.director | self.cs_manager).partner_id
        )

    def test_weekly_summary_cron_twice_sends_once(self):
        with freeze_time("2026-03-09 00:30:00"):
            first = self.Summary._cron_weekly_summary()
            second = self.Summary._cron_weekly_summary()
        self.assertTrue(first)
        self.assertFalse(second, "the second run creates nothing")
        summary = self.Summary.search([("project_id", "=", self.project_a.id)])
        self.assertEqual(len(summary), 1)
        mail = self._summary_mails(summary)
        self.assertEqual(len(mail), 1, "one mail, even when the job runs twice")
        self.assertEqual(
            mail.recipient_ids, (self.director | self.cs_manager).partner_id
        )
        self.assertEqual(len(mail.attachment_ids), 1, "the summary is attached")
        self.assertIn("Weekly Summary", mail.attachment_ids.name)
        self.assertTrue(summary.sent_at)
        # The database refuses a second summary of the same project and week.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Summary.create(
                    {
                        "project_id": self.project_a.id,
                        "date_from": date(2026, 3, 2),
                        "date_to": date(2026, 3, 8),
                    }
                )
        # A week later the next summary is built.
        with freeze_time("2026-03-16 00:30:00"):
            self.Summary._cron_weekly_summary()
        self.assertEqual(
            self.Summary.search_count([("project_id", "=", self.project_a.id)]), 2
        )

    def test_upgraded_database_attaches_the_summary_once(self):
        """18.0.1.1.0 unlinks the report from the (noupdate) mail template."""
        template = self.env.ref("property_cs.mail_template_weekly_summary")
        template.report_template_ids = self.env.ref(
            "property_cs.action_report_weekly_summary"
        )  # as on a database of 18.0.1.0.0
        path = file_path("property_cs/migrations/18.0.1.1.0/post-migration.py")
        spec = importlib.util.spec_from_file_location("pcs_post_migration", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertFalse(template.report_template_ids)
        with freeze_time("2026-03-09 00:30:00"):
            self.Summary._cron_weekly_summary()
        summary = self.Summary.search([("project_id", "=", self.project_a.id)])
        self.assertEqual(len(self._summary_mails(summary).attachment_ids), 1)

    def test_weekly_summary_project_scoped(self):
        with freeze_time("2026-03-09 00:30:00"):
            self.Summary._cron_weekly_summary()
        staff_b = self.cs_manager_b
        visible = self.Summary.with_user(staff_b).search([])
        self.assertIn(self.project_b, visible.project_id)
        self.assertNotIn(self.project_a, visible.project_id)
        self.assertIn(
            self.project_a,
            self.Summary.with_user(self.cs_manager).search([]).project_id,
        )

    # ------------------------------------------------------------------
    # Monthly service report
    # ------------------------------------------------------------------
    def test_monthly_report_prefilled(self):
        with freeze_time("2026-04-02 02:00:00"):
            report = self.Report.with_user(self.cs_manager).create(
                {"project_id": self.project_a.id, "date_from": date(2026, 3, 15)}
            )
        self.assertEqual(report.date_from, date(2026, 3, 1))
        self.assertEqual(report.date_to, date(2026, 3, 31))
        self.assertEqual(report.state, "draft")
        self.assertEqual(
            (report.new_count, report.closed_count, report.open_count), (5, 3, 3)
        )
        self.assertEqual(
            (report.complaint_new_count, report.complaint_closed_count), (2, 1)
        )
        self.assertEqual(report.acceptance_rate, 80.0)
        self.assertEqual(report.handling_rate, 60.0)
        self.assertEqual(report.callback_rate, 66.7)
        self.assertEqual(report.satisfaction_rate, 50.0)
        self.assertIn("Lobby light replaced", report.highlights)
        self.assertIn("Noise at night (resolved)", report.complaint_summary)
        self.assertIn("Rude guard (being handled)", report.complaint_summary)
        self.assertNotIn("Owner A", report.complaint_summary, "no owner names")
        self.assertIn("3 requests remain open", report.next_month_plan)
        # Edited text is kept when the figures are recomputed.
        report.with_user(self.cs_manager).highlights = "<p>Garden replanted</p>"
        report.with_user(self.cs_manager).action_refresh()
        self.assertIn("Garden replanted", report.highlights)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Report.create(
                    {"project_id": self.project_a.id, "date_from": date(2026, 3, 1)}
                )

    def test_monthly_report_approval_and_portal(self):
        with freeze_time("2026-04-02 02:00:00"):
            report = self.Report.with_user(self.cs_manager).create(
                {"project_id": self.project_a.id, "date_from": date(2026, 3, 1)}
            )
            draft = self.Report.create(
                {"project_id": self.project_a.id, "date_from": date(2026, 2, 1)}
            )
            with self.assertRaises(UserError):
                report.with_user(self.cs_manager).action_publish()
            with self.assertRaises(AccessError):
                report.with_user(self.cs_manager).action_approve()
            report.with_user(self.director).action_approve()
            self.assertEqual(report.state, "approved")
            self.assertEqual(report.approved_by_id, self.director)
            report.with_user(self.cs_manager).action_publish()
        self.assertEqual(report.state, "published")
        with self.assertRaises(UserError):
            report.with_user(self.cs_manager).notices = "<p>Too late</p>"
        # The owner of a unit in project A reads it; not the draft.
        seen_by_a = self.Report.with_user(self.owner_user_a).search([])
        self.assertEqual(seen_by_a, report)
        self.assertNotIn(draft, seen_by_a)
        report.with_user(self.owner_user_a).check_access("read")
        # The owner of project B sees nothing of project A.
        self.assertFalse(self.Report.with_user(self.owner_user_b).search([]))
        with self.assertRaises(AccessError):
            report.with_user(self.owner_user_b).check_access("read")
        # Staff of project B do not see project A's report either.
        self.assertFalse(self.Report.with_user(self.front_desk_b).search([]))

    def test_monthly_draft_cron_idempotent(self):
        with freeze_time("2026-04-01 02:00:00"):
            self.Report._cron_prepare_drafts()
            self.Report._cron_prepare_drafts()
        reports = self.Report.search([("project_id", "=", self.project_a.id)])
        self.assertEqual(len(reports), 1)
        self.assertEqual(reports.date_from, date(2026, 3, 1))
        self.assertEqual(reports.new_count, 5)

    # ------------------------------------------------------------------
    # Analysis measures
    # ------------------------------------------------------------------
    def test_repeat_complaint_and_rate_measures(self):
        self.assertFalse(self.t1.pcs_repeat_complaint)
        self.assertTrue(self.t2.pcs_repeat_complaint, "second complaint in 90 days")
        self.assertEqual(self.t1.pcs_accepted_rate, 100.0)
        self.assertEqual(self.t2.pcs_accepted_rate, 0.0)
        self.assertEqual(self.t1.pcs_handled_rate, 100.0)
        self.assertEqual(self.t2.pcs_handled_rate, 0.0)
        groups = self.Ticket._read_group(
            [("pcs_project_id", "=", self.project_a.id)],
            [],
            ["pcs_accepted_rate:avg", "pcs_handled_rate:avg"],
        )
        # 5 of 6 answered, 3 of 6 closed.
        self.assertAlmostEqual(groups[0][0], 500 / 6, places=2)
        self.assertAlmostEqual(groups[0][1], 50.0, places=2)
        # Clocks breached, per clock: t4 escalated for resolution; a late reply.
        late = self._ticket(
            name="Late reply",
            pcs_category="consultation",
            pcs_registered_at=datetime(2026, 3, 10, 1, 0),
            pcs_first_reply_at=datetime(2026, 3, 10, 1, 40),
        )
        self.assertEqual(
            (
                late.pcs_breach_first_reply,
                late.pcs_breach_dispatch,
                late.pcs_breach_resolve,
            ),
            (1, 0, 0),
        )
        self.assertEqual(
            (self.t4.pcs_breach_first_reply, self.t4.pcs_breach_resolve), (0, 1)
        )
        Callback = self.env["property.callback"]
        [(done_rate,)] = Callback._read_group(
            [("project_id", "=", self.project_a.id)], [], ["done_rate:avg"]
        )
        self.assertAlmostEqual(done_rate, 200 / 3, places=2)
        [(satisfaction,)] = Callback._read_group(
            [("project_id", "=", self.project_a.id), ("state", "=", "done")],
            [],
            ["satisfaction_rate:avg"],
        )
        self.assertEqual(satisfaction, 50.0)


@tagged("post_install", "-at_install")
class TestServiceReportPortal(HttpCase, PropertyTestCommon):
    """The owners' portal lists the published reports of their project only."""

    def setUp(self):
        super().setUp()
        Report = self.env["property.service.report"]
        self.report = Report.create(
            {"project_id": self.project_a.id, "date_from": date(2026, 3, 1)}
        )
        self.report.write({"state": "published"})

    def test_portal_owner_of_project(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        listing = self.url_open("/my/service-reports")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.report.name, listing.text)
        page = self.url_open(f"/my/service-reports/{self.report.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Key works and rectifications", page.text)
        pdf = self.url_open(f"/my/service-reports/{self.report.id}?report_type=html")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("Property Service Report", pdf.text)

    def test_portal_owner_of_other_project(self):
        self.authenticate(self.owner_user_b.login, self.owner_user_b.login)
        listing = self.url_open("/my/service-reports")
        self.assertNotIn(self.report.name, listing.text)
        page = self.url_open(
            f"/my/service-reports/{self.report.id}", allow_redirects=False
        )
        self.assertEqual(page.status_code, 303)

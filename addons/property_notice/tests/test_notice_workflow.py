# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PropertyNoticeTestCommon


@tagged("post_install", "-at_install")
class TestNoticeWorkflow(PropertyNoticeTestCommon):
    def test_director_publishes_managers_draft_front_desk_reads(self):
        notice = self._notice().with_user(self.cs_manager)
        notice.name = "Garden works (corrected)"
        with self.assertRaises(AccessError):
            notice.action_publish()
        self.assertEqual(notice.state, "draft")
        with self.assertRaises(AccessError):
            self.Notice.with_user(self.front_desk).create(
                {"name": "x", "project_id": self.project_a.id}
            )
        self._publish(notice)
        self.assertEqual(notice.state, "published")
        self.assertEqual(notice.published_by_id, self.director)
        self.assertEqual(notice.validity, "current")
        self.assertIn("Published to 3 owners", notice.message_ids[0].body)
        # Staff of another project do not see it.
        self.assertFalse(
            self.Notice.with_user(self.front_desk_b).search([("id", "=", notice.id)])
        )
        self.assertEqual(
            self.Notice.with_user(self.front_desk).search([("id", "=", notice.id)]),
            notice,
        )

    def test_incomplete_notices_are_refused_with_the_reason(self):
        outage = self._outage(outage_reason=False)
        with self.assertRaisesRegex(UserError, "reason"):
            self._publish(outage)
        past = self._notice(
            date_start=fields.Datetime.now() - timedelta(days=3),
            date_end=fields.Datetime.now() - timedelta(days=1),
        )
        with self.assertRaisesRegex(UserError, "validity has already ended"):
            self._publish(past)
        emergency = self._notice(kind="emergency")
        with self.assertRaisesRegex(UserError, "grade"):
            self._publish(emergency)
        buildings = self._notice(scope="buildings")
        with self.assertRaisesRegex(UserError, "no building"):
            self._publish(buildings)
        self.assertFalse((outage | past | emergency | buildings).recipient_ids)
        with self.assertRaisesRegex(ValidationError, "valid until after"):
            self._notice(
                date_start=fields.Datetime.now(),
                date_end=fields.Datetime.now() - timedelta(hours=1),
            )

    def test_outage_validity_follows_the_interruption(self):
        outage = self._outage()
        self.assertEqual(outage.date_end, outage.outage_end + timedelta(hours=1))

    def test_published_notice_is_withdrawn_not_deleted(self):
        notice = self._publish(self._notice())
        with self.assertRaises(UserError):
            notice.unlink()
        notice.with_user(self.director).action_cancel()
        self.assertEqual(notice.validity, "cancelled")
        self.assertEqual(len(notice.recipient_ids), 3, "the rows are kept")
        draft = self._notice()
        draft.unlink()

    def test_emergency_event_raises_a_notice_at_once(self):
        grade = self.env.ref("property_cs.property_emergency_grade_2")
        event = self.env["property.emergency.event"].create(
            {
                "name": "Car park flooded",
                "project_id": self.project_a.id,
                "grade_id": grade.id,
                "description": "Water at the car park entrance.",
            }
        )
        action = event.with_user(self.cs_manager).action_pcs_raise_notice()
        notice = self.Notice.browse(action["res_id"])
        self.assertEqual(notice.kind, "emergency")
        self.assertEqual(notice.emergency_grade_id, grade)
        self.assertEqual(notice.project_id, self.project_a)
        self.assertIn("Water at the car park entrance.", notice.body)
        self.assertEqual(event.notice_count, 1)
        # A customer-service manager publishes an emergency notice himself.
        notice.with_user(self.cs_manager).action_publish()
        self._send()
        self.assertEqual(set(notice.recipient_ids.mapped("state")), {"sent"})
        self.assertEqual(
            notice.recipient_ids.sms_id.mapped("sms_cn_template_key"),
            ["property_emergency_notice"] * 3,
        )

    def test_notice_board_print(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_notice"], ["zh_CN"], overwrite=True
        )
        notice = self._publish(self._outage())
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "property_notice.action_report_property_notice", notice.ids
            )
        )
        html = html.decode()
        self.assertIn("停水通知", html)
        self.assertIn("Water tank cleaning", html)
        self.assertIn("二次供水水箱清洗", html)
        self.assertIn(self.company.name, html)
        self.assertIn("盖章", html)

    def test_monthly_service_report_lists_the_notices(self):
        notice = self._publish(self._notice(name="Spring festival opening hours"))
        report = self.env["property.service.report"].create(
            {
                "project_id": self.project_a.id,
                "date_from": notice._pcs_local(notice.date_start).date(),
            }
        )
        self.assertIn("Spring festival opening hours", report.notices)

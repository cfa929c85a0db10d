# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import PropertyTestCommon
from .zh_cn import ChineseReportMixin, load_zh_cn


@tagged("post_install", "-at_install")
class TestFormsInChinese(ChineseReportMixin, PropertyTestCommon):
    """Every printed form of the service centre, printed by a Chinese director
    for Chinese owners, has no English word outside names and codes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a.name = "阳光花园"
        cls.building_a.name = "1号楼"
        cls._pcs_chinese_readers()

    def test_every_form_in_chinese(self):
        self.pcs_checked_reports = set()
        check = self.assertReportInChinese
        env = self.env
        check("property_cs.action_report_archive_cover", self.archive_a)
        handover = env["property.handover"].create(
            {"unit_id": self.unit_a.id, "partner_id": self.owner_a.id}
        )
        check("property_cs.action_report_handover", handover)
        defect = env["property.handover.defect"].create(
            {"handover_id": handover.id, "location": "厨房", "name": "瓷砖开裂"}
        )
        defect.action_create_rectification()
        check("property_cs.action_report_rectification", defect.rectification_id)
        key_set = (
            env["property.key.set"]
            .with_context(lang="zh_CN")
            .create(
                {
                    "unit_id": self.unit_a2.id,
                    "key_count": 2,
                    "cabinet_position": "C1-01",
                }
            )
        )
        check("property_cs.action_report_key_register", key_set)
        cleaner = env["res.partner"].create({"name": "保洁员"})
        loan = env["property.key.loan"].create(
            {
                "key_set_id": key_set.id,
                "borrower_partner_id": cleaner.id,
                "purpose": "cleaning",
            }
        )
        check("property_cs.action_report_key_loan_slip", loan)
        check("property_cs.action_report_vacant_units", self.unit_a2)
        ticket = self._ticket(
            name="厨房水管漏水",
            description="水从墙里渗出",
            pcs_category="common_repair",
        )
        order = env["property.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "description": "更换水管",
                "department_id": env.ref(
                    "property_cs.property_department_engineering"
                ).id,
                "user_id": self.front_desk_a.id,
            }
        )
        text = check("property_cs.action_report_dispatch_order", order)
        self.assertIn("派工单", text)
        complaint = self._ticket(
            name="夜间施工噪音",
            description="晚上十点后仍在施工",
            pcs_category="complaint",
            pcs_complaint_level="general",
        )
        check("property_cs.action_report_complaint", complaint)
        self._close(ticket)
        callback = env["property.callback"].create(
            {"ticket_id": ticket.id, "kind": "other", "date_due": "2026-03-03"}
        )
        check("property_cs.action_report_callback", callback)
        day = complaint.pcs_registered_at.date()
        wizard = env["property.service.analysis.wizard"].create(
            {"date_from": day, "date_to": day}
        )
        check("property_cs.action_report_service_analysis", wizard)
        summary = env["property.weekly.summary"].create(
            {
                "project_id": self.project_a.id,
                "date_from": date(2026, 3, 2),
                "date_to": date(2026, 3, 8),
            }
        )
        check("property_cs.action_report_weekly_summary", summary)
        report = env["property.service.report"].create(
            {"project_id": self.project_a.id, "date_from": date(2026, 3, 1)}
        )
        check("property_cs.action_report_service_report", report)
        self.assertEveryReportChecked("property_cs")


@tagged("post_install", "-at_install")
class TestGeneratedTextsInChinese(PropertyTestCommon):
    """What the system writes by itself is in the company's language (简体中文
    here), whoever presses the button: an English-speaking clerk here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env, ("base", "mail", "helpdesk_mgmt", "property_cs"))
        cls.company.partner_id.lang = "zh_CN"
        cls.front_desk_a.lang = "en_US"

    def test_chatter_names_and_narratives(self):
        env = self.env(user=self.front_desk_a, context={"lang": "en_US"})
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "水管漏水",
                "description": "厨房漏水",
                "pcs_unit_id": self.unit_a.id,
                "pcs_accountable_user_id": self.front_desk_a.id,
            }
        )
        bodies = ticket.sudo().message_ids.mapped("body")
        self.assertTrue([b for b in bodies if "创建" in b], bodies)
        self.assertFalse([b for b in bodies if "created" in b], bodies)
        report = self.env["property.service.report"].create(
            {"project_id": self.project_a.id, "date_from": date(2026, 3, 1)}
        )
        self.assertIn("物业服务动态报告", report.name)
        self.assertIn("本月无重点工作。", report.highlights)
        summary = self.env["property.weekly.summary"].create(
            {
                "project_id": self.project_a.id,
                "date_from": date(2026, 3, 2),
                "date_to": date(2026, 3, 8),
            }
        )
        self.assertIn("起一周", summary.name)

    def test_urge_and_reopening_notes_in_the_company_language(self):
        """An English-speaking clerk records an owner's urge and an unsatisfied
        callback: the notes on the request, the accountable person's activity
        and the reason of the reopening are written in Chinese."""
        ticket = self._ticket(name="水管漏水", pcs_category="common_repair")
        clerk = ticket.with_user(self.front_desk_a).with_context(lang="en_US")
        clerk._pcs_urge("phone")
        note = ticket.message_ids.filtered(lambda m: "催单" in (m.body or ""))
        self.assertTrue(note, ticket.message_ids.mapped("body"))
        self.assertFalse(
            ticket.message_ids.filtered(lambda m: "Urge no." in (m.body or ""))
        )
        activity = ticket.activity_ids.filtered(lambda a: "催单" in (a.summary or ""))
        self.assertEqual(activity.summary, "业主催单（第 1 次）")

        self._close(ticket)
        callback = self.env["property.callback"].create(
            {"ticket_id": ticket.id, "kind": "other", "date_due": "2026-03-03"}
        )
        callback.write({"method": "phone", "satisfaction": "unsatisfied"})
        callback.with_user(self.front_desk_a).with_context(lang="en_US").action_done()
        self.assertFalse(ticket.closed)
        bodies = ticket.message_ids.mapped("body")
        self.assertTrue(
            [b for b in bodies if "重开：业主对回访结果不满意" in b], bodies
        )

    def test_new_owner_gets_the_company_language(self):
        self.env.user.lang = "en_US"
        owner = (
            self.env["res.partner"]
            .with_context(lang="en_US")
            .create({"name": "王女士"})
        )
        self.assertEqual(owner.lang, "zh_CN")
        chosen = self.env["res.partner"].create({"name": "Mr Smith", "lang": "en_US"})
        self.assertEqual(chosen.lang, "en_US", "a chosen language is kept")

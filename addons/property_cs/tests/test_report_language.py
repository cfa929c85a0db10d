# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import PropertyTestCommon
from .zh_cn import ChineseReportMixin


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
        key_set = env["property.key.set"].create(
            {"unit_id": self.unit_a2.id, "key_count": 2, "cabinet_position": "C1-01"}
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

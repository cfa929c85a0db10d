# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from odoo.addons.property_cs.tests.zh_cn import ChineseReportMixin

from .common import RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationFormsInChinese(ChineseReportMixin, RenovationTestCommon):
    """The renovation permit, passes, agreement, commitment, settlement,
    violation notice, hot-work permit and gate pass, printed for Chinese
    readers, have no English word outside names and codes."""

    pcs_report_modules = ("property_cs", "property_billing", "property_renovation")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.name = "阳光花园"
        cls.building.name = "1号楼"
        cls.owner.name = "张先生"
        cls.contractor.name = "安居装饰"
        cls._pcs_chinese_readers()

    def test_every_form_in_chinese(self):
        self.pcs_checked_reports = set()
        check = self.assertReportInChinese
        env = self.env
        renovation = self._works_renovation(
            principal_name="张建国",
            worker_ids=[
                Command.create({"name": "李强", "trade": "电工"}),
                Command.create({"name": "王磊", "trade": "瓦工"}),
            ],
        )
        renovation.pre_condition = "墙体完好"
        for xmlid in (
            "report_permit",
            "report_worker_pass",
            "report_agreement",
            "report_commitment",
            "report_settlement",
        ):
            check(f"property_renovation.{xmlid}", renovation)
        violation = env["property.renovation.violation"].create(
            {
                "renovation_id": renovation.id,
                "description": "楼道堆放建筑垃圾",
                "deadline": date(2026, 3, 5),
                "penalty_amount": 200.0,
            }
        )
        check("property_renovation.report_violation", violation)
        hot = env["property.renovation.hot.work"].create(
            {
                "renovation_id": renovation.id,
                "work_description": "阳台栏杆焊接",
                "operator_name": "赵刚",
                "date_from": "2026-03-03 09:00:00",
                "date_to": "2026-03-03 11:00:00",
                "fire_measures": "两具灭火器，专人监护",
            }
        )
        hot.action_approve()
        check("property_renovation.report_hot_work", hot)
        gate = env["property.renovation.gate.pass"].create(
            {
                "renovation_id": renovation.id,
                "date": date(2026, 3, 5),
                "direction": "out",
                "materials": "建筑垃圾12袋",
                "vehicle_plate": "沪A12345",
            }
        )
        check("property_renovation.report_gate_pass", gate)
        self.assertEveryReportChecked("property_renovation")

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile

from odoo.tests import tagged

from .common import PropertyTestCommon
from .test_service_dispatch import SIGNATURE


@tagged("post_install", "-at_install")
class TestServiceRectification(PropertyTestCommon):
    def test_rectification_signoffs_file_into_archive(self):
        ticket = self._ticket(pcs_category="warranty_defect")
        record = self.env["property.rectification"].create(
            {
                "unit_id": self.unit_a.id,
                "ticket_id": ticket.id,
                "partner_id": self.owner_a.id,
                "description": "Cracked wall in the bedroom",
            }
        )
        self.assertTrue(record.name.startswith("ZG"))
        record.action_send()
        record.construction_signed_by = "Builder Co."
        record.action_constructor_signed()
        record.action_engineering_check()
        record.owner_signature = SIGNATURE
        record.action_owner_accept()
        self.assertEqual(record.state, "done")
        document = record.archive_document_id
        self.assertEqual(document.archive_id, self.unit_a.archive_id)
        self.assertEqual(
            document.type_id, self.env.ref("property_cs.doc_type_rectification")
        )
        self.assertTrue(ticket.closed)

    def test_emergency_notifies_grade_list_once(self):
        grade = self.env.ref("property_cs.property_emergency_grade_1")
        event = self.env["property.emergency.event"].create(
            {
                "name": "Fire in car park",
                "project_id": self.project_a.id,
                "grade_id": grade.id,
            }
        )
        event.action_notify()
        event.action_notify()
        messages = event.message_ids.filtered(
            lambda m: self.general_manager.partner_id in m.partner_ids
        )
        self.assertEqual(len(messages), 1)

    def test_new_company_has_the_emergency_grades(self):
        """A company created after the install can record an emergency: it
        gets grades I to IV with the roles to notify, names translated."""
        company = self.env["res.company"].create({"name": "绿城物业服务有限公司"})
        grades = self.env["property.emergency.grade"].search(
            [("company_id", "=", company.id)]
        )
        self.assertEqual(grades.mapped("grade"), ["1", "2", "3", "4"])
        template = self.env.ref("property_cs.property_emergency_grade_1")
        self.assertEqual(
            grades[0].with_context(lang="en_US").name,
            template.with_context(lang="en_US").name,
        )
        self.assertEqual(grades[0].notify_group_ids, template.notify_group_ids)
        company._pcs_create_emergency_grades()  # again: nothing added
        self.assertEqual(
            self.env["property.emergency.grade"].search_count(
                [("company_id", "=", company.id)]
            ),
            4,
        )

    def test_analysis_xlsx(self):
        ticket = self._ticket(pcs_category="complaint", pcs_complaint_level="general")
        wizard = (
            self.env["property.service.analysis.wizard"]
            .with_user(self.director)
            .create(
                {
                    "date_from": ticket.pcs_registered_at.date(),
                    "date_to": ticket.pcs_registered_at.date(),
                }
            )
        )
        data = wizard._get_analysis()
        self.assertGreaterEqual(data["count"], 1)
        action = wizard.action_export_xlsx()
        self.assertEqual(action["report_type"], "xlsx")
        content, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.director)
            ._render_xlsx(action["report_name"], wizard.ids, None)
        )
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            cells = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("Rates against targets", cells)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "property_cs.action_report_service_analysis", wizard.ids
        )
        self.assertIn(b"Rates against targets", html)

    def test_handover_defect_becomes_rectification(self):
        handover = self.env["property.handover"].create(
            {"unit_id": self.unit_a.id, "partner_id": self.owner_a.id}
        )
        defect = self.env["property.handover.defect"].create(
            {"handover_id": handover.id, "location": "Kitchen", "name": "Tile cracked"}
        )
        defect.action_create_rectification()
        defect.action_create_rectification()
        record = defect.rectification_id
        self.assertEqual(len(record), 1)
        self.assertEqual(record.unit_id, self.unit_a)
        self.assertEqual(record.ticket_id.pcs_category, "warranty_defect")
        self.assertEqual(
            self.env["property.rectification"].search_count(
                [("defect_id", "=", defect.id)]
            ),
            1,
        )

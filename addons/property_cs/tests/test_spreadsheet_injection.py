# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A contact named like a spreadsheet formula comes out of every export as
text, never as a live formula; numbers stay numbers."""

import base64
import csv
import io
from datetime import date, datetime
from unittest.mock import patch

from odoo.tests import tagged

from ..report import spreadsheet
from .common import PropertyTestCommon
from .xlsx import FORMULA_NAME, cells_with, xlsx_cells


@tagged("post_install", "-at_install")
class TestSpreadsheetInjection(PropertyTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attacker = cls._create_owner(FORMULA_NAME)

    def _render(self, report, records, data=None):
        return self.env["ir.actions.report"]._render_xlsx(report, records.ids, data)[0]

    def assertOnlyText(self, content):
        """Every cell showing the name is a text cell holding it verbatim."""
        found = cells_with(xlsx_cells(content), "HYPERLINK")
        self.assertTrue(found, "the name is exported")
        for sheet, ref, kind, value in found:
            self.assertEqual(
                (kind, value), ("text", FORMULA_NAME), f"{sheet}!{ref} is {kind}"
            )

    def test_helper_neutralises_formulas_keeps_numbers(self):
        cell = spreadsheet.csv_cell
        self.assertEqual(cell(FORMULA_NAME), "'" + FORMULA_NAME)
        for text in ("+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"):
            self.assertEqual(cell(text), "'" + text)
        # numbers, amounts and phone-like digits stay as they are
        self.assertEqual(cell(-12.5), "-12.5")
        self.assertEqual(cell("-12.50"), "-12.50")
        self.assertEqual(cell("+8613812345678"), "+8613812345678")
        self.assertEqual(cell("A1-1-0101"), "A1-1-0101")
        self.assertEqual(cell(None), "")
        self.assertEqual(cell(False), "")
        self.assertEqual(
            spreadsheet.workbook_options({"in_memory": True})["strings_to_formulas"],
            False,
        )
        # XLSX: numbers and dates stay numeric next to a neutralised name
        buffer = io.BytesIO()
        workbook = spreadsheet.new_workbook(buffer)
        sheet = workbook.add_worksheet("s")
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})
        spreadsheet.write_rows(sheet, [[FORMULA_NAME, -12.5, 3, "-7"]])
        spreadsheet.write_cell(sheet, 1, 0, date(2026, 3, 1), day)
        spreadsheet.write_cell(sheet, 1, 1, datetime(2026, 3, 1, 8, 30))
        workbook.close()
        cells = xlsx_cells(buffer.getvalue())["s"]
        self.assertEqual(cells["A1"], ("text", FORMULA_NAME))
        self.assertEqual(cells["B1"], ("number", -12.5))
        self.assertEqual(cells["C1"], ("number", 3.0))
        self.assertEqual(cells["D1"], ("text", "-7"))
        self.assertEqual(cells["A2"], ("number", 46082.0))  # a date serial
        self.assertEqual(cells["B2"], ("text", "2026-03-01 08:30:00"))

    def _card_export(self, file_format):
        with patch.object(
            type(self.env["property.access.card"]),
            "_property_invoice_card_fee",
            lambda self: None,
        ):
            self.env["property.access.card"].create(
                {
                    "name": "=1+1",
                    "project_id": self.project_a.id,
                    "unit_id": self.unit_a.id,
                    "holder_id": self.attacker.id,
                }
            ).action_activate()
        return self.env["property.card.export.wizard"].create(
            {"project_id": self.project_a.id, "file_format": file_format}
        )

    def test_card_export_xlsx(self):
        wizard = self._card_export("xlsx")
        content = self._render("property_cs.action_report_card_export_xlsx", wizard)
        self.assertOnlyText(content)
        cells = xlsx_cells(content)["cards"]
        self.assertIn(("text", "=1+1"), cells.values(), "the card number too")

    def test_card_export_csv(self):
        wizard = self._card_export("csv")
        wizard.action_export()
        rows = list(
            csv.reader(io.StringIO(base64.b64decode(wizard.data).decode("utf-8-sig")))
        )
        row = next(r for r in rows if "'" + FORMULA_NAME in r)
        self.assertEqual(row[0], "'=1+1")
        self.assertFalse(
            [cell for r in rows for cell in r if cell.startswith(("=", "+", "@"))]
        )

    def test_personal_data_export_xlsx(self):
        self.attacker.write({"email": "=cmd|'/c calc'!A0@example.com"})
        wizard = (
            self.env["property.personal.data.export.wizard"]
            .with_user(self.privacy_officer)
            .create(
                {
                    "partner_id": self.owner_a.id,
                    "purpose": "owner_request",
                    "reason": "The owner asked for a copy",
                    "export_format": "xlsx",
                }
            )
        )
        self.owner_a.write({"name": FORMULA_NAME})
        wizard.action_export()
        self.assertOnlyText(wizard.attachment_ids.raw)

    def test_service_analysis_xlsx(self):
        for name in ("Noise at night", "Noise again"):
            self._ticket(
                name=name,
                partner_id=self.attacker.id,
                pcs_category="complaint",
            )
        wizard = self.env["property.service.analysis.wizard"].create(
            {"project_ids": [(6, 0, self.project_a.ids)]}
        )
        self.assertIn(
            FORMULA_NAME,
            [name for name, _n in wizard._get_analysis()["repeat_complainants"]],
        )
        content = self._render(
            "property_cs.action_report_service_analysis_xlsx", wizard
        )
        self.assertOnlyText(content)

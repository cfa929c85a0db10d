# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Owners named like spreadsheet formulas in the billing report and in the
bank auto-debit files: text, never a live formula; amounts stay numbers in
the report and keep the bank's layout in the files."""

import base64
import csv
import io
from datetime import date

from odoo.tests import freeze_time, tagged

from odoo.addons.property_cs.tests.xlsx import FORMULA_NAME, cells_with, xlsx_cells

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
@freeze_time("2026-03-20")
class TestBillingSpreadsheetInjection(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service_fee.taxes_id = False
        cls.building.name = "=1+2"
        cls.unit = cls._create_units(1, area=100.0, prefix="X")
        cls.owner = cls.unit.current_owner_ids
        cls.owner.name = FORMULA_NAME
        with freeze_time("2026-02-28"):
            cls.Billing._billing_run(cls.company, PERIOD)
        cls.invoice = cls._fee_invoices(cls.unit, PERIOD)

    def test_billing_report_xlsx(self):
        wizard = self.env["property.billing.report.wizard"].create(
            {"project_id": self.project.id, "period": PERIOD}
        )
        content, _type = self.env["ir.actions.report"]._render(
            "property_billing.report_billing_xlsx", wizard.ids
        )
        cells = xlsx_cells(content)
        found = cells_with(cells, "HYPERLINK")
        self.assertTrue(found)
        self.assertEqual(
            {(kind, value) for *_ref, kind, value in found}, {("text", FORMULA_NAME)}
        )
        building = cells_with(cells, "1+2")
        self.assertTrue(building)
        self.assertEqual({kind for *_ref, kind, _v in building}, {"text"})
        # amounts stay numbers: 100 m² × 2.35 billed, all of it in arrears
        collection = next(iter(cells.values()))
        self.assertIn(("number", 235.0), collection.values())
        self.assertFalse(
            [c for sheet in cells.values() for c in sheet.values() if c[0] == "formula"]
        )

    def test_bank_files(self):
        layout = self.env.ref("property_billing.bank_layout_generic_a")
        layout.journal_id = self.company_data["default_journal_bank"]
        mandate = self.env["property.debit.mandate"].create(
            {
                "partner_id": self.owner.id,
                "unit_id": self.unit.id,
                "layout_id": layout.id,
                "account_holder": FORMULA_NAME,
                "acc_number": "6222 0202 0000 0001",
                "date_signed": date(2026, 1, 5),
                "agreement_file": base64.b64encode(b"%PDF-1.4 signed"),
                "agreement_filename": "agreement.pdf",
            }
        )
        mandate.action_activate()
        batch = self.env["property.debit.batch"]._create_for(
            self.company, layout, date(2026, 3, 20)
        )
        text = base64.b64decode(batch.csv_file).decode(layout.csv_encoding)
        rows = list(csv.reader(io.StringIO(text), delimiter=layout.csv_delimiter))
        header = [column.header for column in layout.column_ids]
        self.assertEqual(rows[0], header)
        row = dict(zip(header, rows[1], strict=True))
        values = {column.field_key: row[column.header] for column in layout.column_ids}
        self.assertEqual(values["account_holder"], "'" + FORMULA_NAME)
        if "partner_name" in values:
            self.assertEqual(values["partner_name"], "'" + FORMULA_NAME)
        # the bank's numeric columns are untouched
        self.assertEqual(values["account_number"], "6222020200000001")
        self.assertEqual(values["amount"], "235.00")
        self.assertTrue(text.endswith("\r\n"))
        cells = xlsx_cells(base64.b64decode(batch.xlsx_file))
        found = cells_with(cells, "HYPERLINK")
        self.assertTrue(found)
        self.assertEqual(
            {(kind, value) for *_ref, kind, value in found}, {("text", FORMULA_NAME)}
        )
        sheet = cells[layout.xlsx_sheet_name or "Sheet1"]
        self.assertIn(("text", "6222020200000001"), sheet.values())
        self.assertIn(("text", "235.00"), sheet.values())

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.property_cs.report.spreadsheet import (
    workbook_options,
    write_cell,
    write_rows,
)

from ..models.property_arrears_report import AGE_BUCKETS
from ..wizards.property_billing_report_wizard import BUCKET_FIELDS


class PropertyBillingReportXlsx(models.AbstractModel):
    """XLSX of the billing reports (OCA ``report_xlsx``): sheet 1 collection
    rate per building, sheet 2 arrears ageing by building and owner."""

    _name = "report.property_billing.report_billing_xlsx"
    _description = "Billing Reports XLSX"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        return workbook_options(super().get_workbook_options())

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        percent = workbook.add_format({"num_format": "0.00"})
        for wizard in wizards:
            month = wizard._month().strftime("%Y-%m")
            title = f"{wizard.project_id.name} {month}"
            # Collection rate
            sheet = workbook.add_worksheet(self.env._("Collection %s", month)[:31])
            write_cell(sheet, 0, 0, self.env._("Collection rate %s", title), bold)
            headers = [
                self.env._("Building"),
                self.env._("Billed"),
                self.env._("Collected for Period"),
                self.env._("Collection Rate (%)"),
                self.env._("Target (%)"),
                self.env._("Arrears Collected"),
                self.env._("Open Arrears"),
            ]
            write_rows(sheet, [headers], row=2, cell_format=bold)
            sheet.set_column(0, 0, 24)
            sheet.set_column(1, len(headers), 16)
            row_index = 3
            for row in wizard._collection_rows():
                write_cell(sheet, row_index, 0, row["building_id"].display_name or "")
                write_cell(sheet, row_index, 1, row["billed"], money)
                write_cell(sheet, row_index, 2, row["collected_period"], money)
                write_cell(sheet, row_index, 3, row["collection_rate"], percent)
                write_cell(sheet, row_index, 4, row["target"], percent)
                write_cell(sheet, row_index, 5, row["arrears_collected"], money)
                write_cell(sheet, row_index, 6, row["open_arrears"], money)
                row_index += 1
            total = wizard._collection_total()
            write_cell(sheet, row_index, 0, self.env._("Total"), bold)
            write_cell(sheet, row_index, 1, total["billed"], money_bold)
            write_cell(sheet, row_index, 2, total["collected_period"], money_bold)
            write_cell(sheet, row_index, 3, total["collection_rate"], percent)
            write_cell(sheet, row_index, 4, total["target"], percent)
            write_cell(sheet, row_index, 5, total["arrears_collected"], money_bold)
            write_cell(sheet, row_index, 6, total["open_arrears"], money_bold)
            # Arrears ageing
            sheet = workbook.add_worksheet(self.env._("Ageing %s", month)[:31])
            write_cell(sheet, 0, 0, self.env._("Arrears ageing %s", title), bold)
            labels = dict(
                self.env["property.arrears.report"]
                ._fields["age_bucket"]
                ._description_selection(self.env)
            )
            headers = [
                self.env._("Building"),
                self.env._("Owner"),
                self.env._("Arrears"),
            ]
            headers += [labels[key] for key, _label in AGE_BUCKETS]
            write_rows(sheet, [headers], row=2, cell_format=bold)
            sheet.set_column(0, 1, 24)
            sheet.set_column(2, len(headers), 14)
            row_index = 3
            for row in wizard._ageing_rows():
                write_cell(sheet, row_index, 0, row["building_id"].display_name or "")
                write_cell(sheet, row_index, 1, row["partner_id"].display_name or "")
                write_cell(sheet, row_index, 2, row["total"], money)
                for col, field in enumerate(BUCKET_FIELDS, start=3):
                    write_cell(sheet, row_index, col, row[field], money)
                row_index += 1

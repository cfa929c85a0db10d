# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .spreadsheet import workbook_options, write_rows


class ReportPropertyServiceAnalysisXlsx(models.AbstractModel):
    """Monthly complaint and request analysis: breakdowns, rates against the
    targets, repeat complainants."""

    _name = "report.property_cs.report_service_analysis_xlsx"
    _description = "Complaint and Request Analysis (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        return workbook_options(super().get_workbook_options())

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        for wizard in wizards:
            analysis = wizard._get_analysis()
            sheet = workbook.add_worksheet(self.env._("Analysis")[:31])
            sheet.set_column(0, 0, 30)
            sheet.set_column(1, 5, 16)
            title = self.env._(
                "Complaint and request analysis %(start)s - %(end)s",
                start=wizard.date_from,
                end=wizard.date_to,
            )
            row = write_rows(sheet, [[title]], cell_format=bold) + 1
            for section, lines in analysis["sections"]:
                row = write_rows(
                    sheet, [[section], wizard._header()], row=row, cell_format=bold
                )
                row = write_rows(
                    sheet,
                    [
                        [round(v, 1) if isinstance(v, float) else v for v in line]
                        for line in lines
                    ],
                    row=row,
                )
                row += 1
            row = write_rows(
                sheet, [[self.env._("Rates against targets")]], row, cell_format=bold
            )
            row = write_rows(
                sheet,
                [
                    [label, "—" if rate is None else rate, target]
                    for label, rate, target in analysis["rates"]
                ],
                row,
            )
            row = write_rows(
                sheet, [[self.env._("Repeat complainants")]], row + 1, cell_format=bold
            )
            write_rows(sheet, [list(r) for r in analysis["repeat_complainants"]], row)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .spreadsheet import workbook_options, write_rows


class ReportPropertyCardExportXlsx(models.AbstractModel):
    """Cards of a project for the door-control system (one sheet "cards")."""

    _name = "report.property_cs.report_card_export_xlsx"
    _description = "Access Card Export (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        return workbook_options(super().get_workbook_options())

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        for wizard in wizards:
            header, *rows = wizard._rows()
            sheet = workbook.add_worksheet(
                "cards" if len(wizards) == 1 else wizard.project_id.code
            )
            write_rows(sheet, [header], cell_format=bold)
            write_rows(sheet, rows, row=1)
            sheet.set_column(0, len(header) - 1, 18)

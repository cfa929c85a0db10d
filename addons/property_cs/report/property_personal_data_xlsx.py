# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import models

from .spreadsheet import workbook_options, write_rows


class ReportPropertyPersonalDataXlsx(models.AbstractModel):
    """A person's data on request (PIPL art. 45): one sheet per section.

    Rendered by the export wizard, which checks the purpose and logs the
    export; ``data["personal_data"]`` is the snapshot the JSON file holds.
    """

    _name = "report.property_cs.report_personal_data_xlsx"
    _description = "Personal Data Export (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        return workbook_options(super().get_workbook_options())

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        for section, content in (data or {}).get("personal_data", {}).items():
            sheet = workbook.add_worksheet(section[:31])
            rows = content if isinstance(content, list) else [content]
            keys = list(dict.fromkeys(k for row in rows for k in row))
            write_rows(sheet, [keys], cell_format=bold)
            write_rows(
                sheet,
                [[self._cell(row.get(key)) for key in keys] for row in rows],
                row=1,
            )

    @staticmethod
    def _cell(value):
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        return value

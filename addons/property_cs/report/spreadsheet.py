# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one place where property_cs writes spreadsheet cells.

Every XLSX report of the addon (OCA ``report_xlsx`` models) and the CSV
export of the access cards write their rows through these two functions, so
that a change of how a cell is written (e.g. neutralising values a
spreadsheet would take for formulas) is made once.
"""

import csv
import io


def write_rows(sheet, rows, row=0, col=0, cell_format=None):
    """Write ``rows`` (lists of values) from cell (``row``, ``col``) of an
    ``xlsxwriter`` worksheet; returns the next free row."""
    for offset, values in enumerate(rows):
        for index, value in enumerate(values):
            if cell_format is None:
                sheet.write(row + offset, col + index, value)
            else:
                sheet.write(row + offset, col + index, value, cell_format)
    return row + len(rows)


def csv_bytes(rows):
    """``rows`` as CSV with a BOM (opened correctly by Excel in Chinese)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")

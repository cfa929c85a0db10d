# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one place where the addons write spreadsheet cells (XLSX and CSV).

Every XLSX report (OCA ``report_xlsx`` models of property_cs and
property_billing), the CSV export of the access cards and the bank
auto-debit files write through these functions, so that a value a
spreadsheet would take for a formula (OWASP "CSV injection": a name such as
``=HYPERLINK("http://x.invalid","X")``) is always written as text:

- XLSX: workbooks are opened with :data:`WORKBOOK_OPTIONS` (no string is ever
  turned into a formula, a URL or a number) and :func:`write_cell` writes
  text with ``write_string`` and numbers with ``write_number``: a negative
  amount stays a number.
- CSV: :func:`csv_cell` prefixes a text that starts with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return with ``'`` (OWASP's recommendation),
  unless the text is a plain number (``-12.50`` stays ``-12.50``).
"""

import csv
import datetime
import io
import numbers
import re

from odoo.tools.misc import xlsxwriter

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

#: xlsxwriter options of every workbook the addons write.
WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def workbook_options(options=None):
    """``options`` (e.g. those of ``report_xlsx``) with :data:`WORKBOOK_OPTIONS`."""
    return {**(options or {}), **WORKBOOK_OPTIONS}


def new_workbook(buffer):
    """An in-memory ``xlsxwriter`` workbook writing into ``buffer`` with
    :data:`WORKBOOK_OPTIONS` (for files written outside ``report_xlsx``)."""
    return xlsxwriter.Workbook(buffer, workbook_options({"in_memory": True}))


def is_formula_like(text):
    """Whether a spreadsheet would read ``text`` as a formula."""
    return (
        isinstance(text, str)
        and text.startswith(FORMULA_TRIGGERS)
        and not _PLAIN_NUMBER.fullmatch(text)
    )


def write_cell(sheet, row, col, value, cell_format=None):
    """Write one value into an ``xlsxwriter`` worksheet: numbers as numbers,
    dates as dates (with ``cell_format``; as ISO text without one),
    everything else as text (never a formula)."""
    args = (cell_format,) if cell_format is not None else ()
    if value is None or value is False:
        return sheet.write_blank(row, col, None, *args)
    if isinstance(value, bool):
        return sheet.write_boolean(row, col, value, *args)
    if isinstance(value, numbers.Number):
        return sheet.write_number(row, col, value, *args)
    if isinstance(value, datetime.date):
        if cell_format is not None:
            return sheet.write_datetime(row, col, value, cell_format)
        value = (
            value.isoformat(sep=" ")
            if isinstance(value, datetime.datetime)
            else value.isoformat()
        )
    return sheet.write_string(row, col, str(value), *args)


def write_rows(sheet, rows, row=0, col=0, cell_format=None):
    """Write ``rows`` (lists of values) from cell (``row``, ``col``) of an
    ``xlsxwriter`` worksheet with :func:`write_cell`; returns the next free
    row."""
    for offset, values in enumerate(rows):
        for index, value in enumerate(values):
            write_cell(sheet, row + offset, col + index, value, cell_format)
    return row + len(rows)


def csv_cell(value):
    """One CSV cell: empty for ``None``/``False``, numbers as they are, text
    that a spreadsheet would run as a formula prefixed with ``'``."""
    if value is None or value is False:
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def csv_bytes(rows, delimiter=",", encoding="utf-8-sig", errors="strict"):
    """``rows`` as CSV (``\\r\\n`` line ends) through :func:`csv_cell`; by
    default UTF-8 with a BOM, which Excel opens correctly in Chinese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([[csv_cell(value) for value in values] for values in rows])
    return buffer.getvalue().encode(encoding, errors=errors)

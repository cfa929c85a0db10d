# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""All-or-nothing file import shared by the bank result and meter imports.

Every row is validated first; errors are collected with the line number the
user sees in the file (header included, counting from 1). If one row is bad
nothing is written: the rows are applied inside one savepoint that is rolled
back as soon as a row fails, including the model's own constraints.
"""

import base64
import csv
import io
from datetime import datetime

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

MAX_LISTED_ERRORS = 200


class RowError(Exception):
    """A bad value in one row; the message is shown with the line number."""


class PropertyRowImportMixin(models.AbstractModel):
    _name = "property.row.import.mixin"
    _description = "Validated All-or-Nothing File Import"

    import_file = fields.Binary(string="File", required=True)
    import_filename = fields.Char(string="File Name")

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------
    def _import_is_xlsx(self):
        name = (self.import_filename or "").lower()
        return name.endswith((".xlsx", ".xlsm"))

    def _import_read_rows(self, encoding="utf-8", sheet_name=None):
        """Return ``(headers, rows)``; ``rows`` is a list of
        ``(line_number, {normalized header: cell text})`` without blank rows."""
        self.ensure_one()
        content = base64.b64decode(self.import_file or b"")
        if not content:
            raise UserError(self.env._("The file is empty."))
        if self._import_is_xlsx():
            table = self._import_read_xlsx(content, sheet_name)
        else:
            table = self._import_read_csv(content, encoding)
        if not table:
            raise UserError(self.env._("The file is empty."))
        headers = [self._import_normalize_header(h) for h in table[0]]
        rows = []
        for index, cells in enumerate(table[1:], start=2):
            if not any(str(c or "").strip() for c in cells):
                continue
            rows.append(
                (
                    index,
                    {
                        header: self._import_cell_text(cell)
                        for header, cell in zip(headers, cells, strict=False)
                        if header
                    },
                )
            )
        return headers, rows

    def _import_read_csv(self, content, encoding):
        codec = (encoding or "utf-8").lower()
        if codec in ("utf-8", "utf8") and content.startswith(b"\xef\xbb\xbf"):
            content = content[3:]
        try:
            text = content.decode(codec)
        except UnicodeDecodeError as exc:
            line = content[: exc.start].count(b"\n") + 1
            raise UserError(
                self.env._(
                    "The file could not be read:\nLine %(line)s: not valid %(encoding)s"
                    " text (bad encoding).",
                    line=line,
                    encoding=codec.upper(),
                )
            ) from exc
        lines = text[:4096].splitlines()
        first_line = lines[0] if lines else ""
        delimiter = next((d for d in (",", ";", "\t", "|") if d in first_line), ",")
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))

    def _import_read_xlsx(self, content, sheet_name):
        import openpyxl  # an Odoo 18 requirement (base_import)

        try:
            book = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except Exception as exc:
            raise UserError(
                self.env._("The file is not a valid XLSX workbook.")
            ) from exc
        sheet = book[sheet_name] if sheet_name in book.sheetnames else book.active
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    @staticmethod
    def _import_normalize_header(header):
        return " ".join(str(header or "").split()).lower()

    @staticmethod
    def _import_cell_text(cell):
        if cell is None:
            return ""
        if isinstance(cell, datetime):
            return cell
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))
        return str(cell).strip()

    def _import_check_headers(self, headers, required):
        """``required`` is a list of tuples of accepted titles per column."""
        present = set(headers)
        missing = [
            titles[0]
            for titles in required
            if not present & {self._import_normalize_header(t) for t in titles}
        ]
        if missing:
            self._import_raise(
                [
                    (
                        1,
                        self.env._(
                            "column %s not found in the header", ", ".join(missing)
                        ),
                    )
                ]
            )

    # ------------------------------------------------------------------
    # Validating and applying
    # ------------------------------------------------------------------
    def _import_validated(self, rows, validate_row, apply_row, sort_key=None):
        """Validate every row, then apply them all or none.

        ``validate_row(line, row)`` returns the values to apply or raises
        :class:`RowError` (or ``UserError``/``ValidationError``);
        ``apply_row(line, values)`` writes one row. Returns the list of
        ``apply_row`` results (in the order of ``sort_key(values)`` when
        given, else of the file). Raises ``UserError`` listing every bad row
        and writes nothing then.
        """
        errors = []
        prepared = []
        for line, row in rows:
            try:
                prepared.append((line, validate_row(line, row)))
            except (RowError, UserError, ValidationError) as exc:
                errors.append((line, self._import_error_text(exc)))
        if sort_key:
            prepared.sort(key=lambda item: (sort_key(item[1]), item[0]))
        # Valid rows are applied even when others are bad so that the model's
        # own constraints (e.g. a reading below the previous one) are reported
        # in the same list; everything is rolled back then.
        results = []
        savepoint = self.env.cr.savepoint()
        rollback = True
        try:
            for line, values in prepared:
                try:
                    with self.env.cr.savepoint():
                        results.append(apply_row(line, values))
                except (RowError, UserError, ValidationError) as exc:
                    errors.append((line, self._import_error_text(exc)))
            rollback = bool(errors)
        finally:
            savepoint.close(rollback=rollback)
        if errors:
            self._import_raise(errors)
        return results

    @staticmethod
    def _import_error_text(exc):
        return exc.args[0] if exc.args else str(exc)

    def _import_raise(self, errors):
        errors = sorted(errors, key=lambda e: e[0])
        lines = [
            self.env._("Line %(line)s: %(error)s", line=line, error=error)
            for line, error in errors[:MAX_LISTED_ERRORS]
        ]
        if len(errors) > MAX_LISTED_ERRORS:
            lines.append(
                self.env._("... and %s more bad rows.", len(errors) - MAX_LISTED_ERRORS)
            )
        raise UserError(
            self.env._(
                "Nothing was imported: %(count)s bad rows.\n%(lines)s",
                count=len(errors),
                lines="\n".join(lines),
            )
        )

    # ------------------------------------------------------------------
    # Cell parsers shared by the imports
    # ------------------------------------------------------------------
    def _import_parse_date(self, value, date_format):
        if isinstance(value, datetime):
            return value.date()
        try:
            return datetime.strptime(str(value).strip(), date_format).date()
        except ValueError as exc:
            raise RowError(
                self.env._(
                    "bad date '%(value)s' (expected format %(format)s)",
                    value=value,
                    format=date_format,
                )
            ) from exc

    def _import_parse_number(self, value, label):
        text = str(value).replace(",", "").strip()
        try:
            return float(text)
        except ValueError as exc:
            raise RowError(
                self.env._(
                    "%(label)s '%(value)s' is not a number", label=label, value=value
                )
            ) from exc

    def _import_get(self, row, header, label=None):
        value = row.get(self._import_normalize_header(header), "")
        if value in ("", None):
            raise RowError(self.env._("missing %s", label or header))
        return value

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import hashlib

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.property_row_import_mixin import RowError


class PropertyDebitResultWizard(models.TransientModel):
    _name = "property.debit.result.wizard"
    _inherit = "property.row.import.mixin"
    _description = "Import Bank Auto-Debit Result"

    batch_id = fields.Many2one("property.debit.batch", required=True)

    def action_import(self):
        self.ensure_one()
        batch = self.batch_id
        if batch.state not in ("exported", "result_imported", "done"):
            raise UserError(self.env._("Export the batch before importing results."))
        layout = batch.layout_id
        journal = layout._get_journal(batch.company_id)
        if not journal:
            raise UserError(
                self.env._("Configure a bank journal on the layout %s.", layout.name)
            )
        headers, rows = self._import_read_rows(
            encoding=layout.csv_encoding, sheet_name=layout.xlsx_sheet_name
        )
        self._import_check_headers(
            headers,
            [
                (layout.result_reference_header,),
                (layout.result_amount_header,),
                (layout.result_date_header,),
                (layout.result_status_header,),
            ],
        )
        lines_by_ref = {line.reference: line for line in batch.line_ids}
        seen = {}
        currency = batch.currency_id

        def validate(line_number, row):
            reference = self._import_get(row, layout.result_reference_header)
            line = lines_by_ref.get(reference)
            if not line:
                raise RowError(
                    self.env._(
                        "unknown reference %(reference)s (not in batch %(batch)s)",
                        reference=reference,
                        batch=batch.name,
                    )
                )
            if reference in seen:
                raise RowError(
                    self.env._(
                        "duplicate row: reference %(reference)s is already on line "
                        "%(line)s",
                        reference=reference,
                        line=seen[reference],
                    )
                )
            seen[reference] = line_number
            amount_text = self._import_get(row, layout.result_amount_header)
            try:
                amount = layout._parse_amount(amount_text)
            except ValueError as exc:
                raise RowError(self.env._("bad amount '%s'", amount_text)) from exc
            if currency.compare_amounts(amount, line.amount) != 0:
                raise RowError(
                    self.env._(
                        "amount mismatch for %(reference)s: %(amount)s in the file, "
                        "%(expected)s sent",
                        reference=reference,
                        amount=format(amount, ".2f"),
                        expected=format(line.amount, ".2f"),
                    )
                )
            date = self._import_parse_date(
                self._import_get(row, layout.result_date_header), layout.date_format
            )
            status = self._import_get(row, layout.result_status_header)
            kind = layout._status_kind(status)
            if not kind:
                raise RowError(self.env._("unknown status '%s'", status))
            reason = ""
            if layout.result_reason_header:
                reason = row.get(
                    self._import_normalize_header(layout.result_reason_header), ""
                )
            return {"line": line, "kind": kind, "date": date, "reason": reason}

        def apply(line_number, values):
            line = values["line"]
            if line.state != "open":
                return None  # already imported: nothing twice
            if values["kind"] == "success":
                line._register_success(values["date"], journal)
            else:
                line._register_failure(values["date"], values["reason"])
            return values["kind"]

        results = self._import_validated(rows, validate, apply)
        checksum = hashlib.sha256(base64.b64decode(self.import_file)).hexdigest()
        batch.result_checksums = "\n".join(
            filter(None, [batch.result_checksums, checksum])
        )
        batch._update_state_from_lines()
        paid = results.count("success")
        failed = results.count("failure")
        skipped = results.count(None)
        batch.message_post(
            body=self._pcs_in_company_lang().env._(
                "Bank result %(file)s imported: %(paid)s debited, %(failed)s failed, "
                "%(skipped)s already imported.",
                file=self.import_filename or "",
                paid=paid,
                failed=failed,
                skipped=skipped,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.debit.batch",
            "res_id": batch.id,
            "view_mode": "form",
        }

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_cs.report.spreadsheet import (
    csv_bytes,
    new_workbook,
    write_rows,
)

_logger = logging.getLogger(__name__)


class PropertyDebitBatch(models.Model):
    """A weekly list of amounts sent to one bank for auto-debit 银行代扣."""

    _name = "property.debit.batch"
    _description = "Bank Auto-Debit Batch"
    _inherit = ["property.sequence.mixin", "mail.thread"]
    _pcs_sequence_code = "property.debit.batch"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    layout_id = fields.Many2one(
        "property.bank.layout", string="Bank", required=True, readonly=True
    )
    date = fields.Date(
        string="Debit Date",
        required=True,
        readonly=True,
        default=fields.Date.context_today,
        help="Invoices due on or before this date are sent.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("exported", "Exported"),
            ("result_imported", "Result Imported"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many("property.debit.batch.line", "batch_id", readonly=True)
    line_count = fields.Integer(compute="_compute_totals", store=True)
    amount_total = fields.Monetary(compute="_compute_totals", store=True)
    amount_paid = fields.Monetary(
        string="Debited", compute="_compute_totals", store=True
    )
    amount_failed = fields.Monetary(
        string="Failed", compute="_compute_totals", store=True
    )
    xlsx_file = fields.Binary(string="XLSX File", attachment=True, readonly=True)
    xlsx_filename = fields.Char(readonly=True)
    csv_file = fields.Binary(string="CSV File", attachment=True, readonly=True)
    csv_filename = fields.Char(readonly=True)
    result_checksums = fields.Text(
        readonly=True, copy=False, help="Checksums of the result files imported."
    )

    @api.depends("line_ids.amount", "line_ids.state")
    def _compute_totals(self):
        for batch in self:
            lines = batch.line_ids
            batch.line_count = len(lines)
            batch.amount_total = sum(lines.mapped("amount"))
            batch.amount_paid = sum(
                lines.filtered(lambda li: li.state == "paid").mapped("amount")
            )
            batch.amount_failed = sum(
                lines.filtered(lambda li: li.state == "failed").mapped("amount")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_results(self):
        if self.line_ids.filtered(lambda li: li.state != "open"):
            raise UserError(
                self.env._("A batch with imported bank results cannot be deleted.")
            )

    # ------------------------------------------------------------------
    # Collecting what is due
    # ------------------------------------------------------------------
    @api.model
    def _due_invoices_by_mandate(self, company, layout, date):
        """Open posted property invoices due by ``date`` of the owners with an
        active mandate at ``layout``, not yet on an open or paid batch line."""
        mandates = self.env["property.debit.mandate"].search(
            [
                ("state", "=", "active"),
                ("layout_id", "=", layout.id),
                ("company_id", "=", company.id),
                ("date_signed", "<=", date),
            ]
        )
        if not mandates:
            return {}
        by_key = {
            (m.unit_id.id, m.partner_id.commercial_partner_id.id): m for m in mandates
        }
        invoices = self.env["account.move"].search(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("company_id", "=", company.id),
                ("payment_state", "in", ("not_paid", "partial")),
                ("amount_residual", ">", 0),
                ("invoice_date_due", "<=", date),
                ("pcs_unit_id", "in", mandates.unit_id.ids),
                ("pcs_debit_line_ids", "=", False),
                # Deposits are paid at the counter, not debited.
                ("pcs_billing_kind", "!=", "deposit"),
            ],
            order="pcs_unit_id, invoice_date_due, id",
        )
        result = {}
        for invoice in invoices:
            mandate = by_key.get(
                (invoice.pcs_unit_id.id, invoice.commercial_partner_id.id)
            )
            if mandate:
                result.setdefault(mandate, self.env["account.move"])
                result[mandate] |= invoice
        return result

    @api.model
    def _create_for(self, company, layout, date):
        """Create and export the batch of ``layout`` for ``date``; returns an
        empty recordset when nothing new is due (so a re-run adds nothing)."""
        due = self._due_invoices_by_mandate(company, layout, date)
        if not due:
            return self.browse()
        batch = self.create(
            {"company_id": company.id, "layout_id": layout.id, "date": date}
        )
        lines = []
        for seq, (mandate, invoices) in enumerate(
            sorted(due.items(), key=lambda item: item[0].unit_id.code or ""), start=1
        ):
            lines.append(
                {
                    "batch_id": batch.id,
                    "sequence": seq,
                    "reference": f"{batch.name}-{seq:04d}",
                    "mandate_id": mandate.id,
                    "partner_id": mandate.partner_id.id,
                    "unit_id": mandate.unit_id.id,
                    "invoice_ids": [fields.Command.set(invoices.ids)],
                    "amount": company.currency_id.round(
                        sum(invoices.mapped("amount_residual"))
                    ),
                }
            )
        self.env["property.debit.batch.line"].create(lines)
        batch.action_export()
        return batch

    @api.model
    def _cron_weekly_export(self, limit=1):
        """Export the batches of the (company, bank) pairs with invoices due,
        ``limit`` per call; the runner calls again until done."""
        today = fields.Date.context_today(self)

        def due(size):
            groups = self.env["property.debit.mandate"]._read_group(
                [("state", "=", "active")], ["company_id", "layout_id"]
            )
            todo = [
                (company, layout)
                for company, layout in groups
                if self._due_invoices_by_mandate(company, layout, today)
            ]
            return todo if size is None else todo[:size]

        def export(pairs):
            for company, layout in pairs:
                batch = self.with_company(company)._create_for(company, layout, today)
                _logger.info(
                    "Auto-debit export %s: %s lines", batch.name, len(batch.line_ids)
                )

        return self.env["ir.cron"]._pcs_run_batch(self, due, export, limit=limit)

    # ------------------------------------------------------------------
    # Files
    # ------------------------------------------------------------------
    def _export_rows(self):
        self.ensure_one()
        layout = self.layout_id
        columns = layout.column_ids
        date_text = self.date.strftime(layout.date_format)
        rows = [columns.mapped("header")]
        for line in self.line_ids.sorted("sequence"):
            mandate = line.mandate_id.sudo()
            values = {
                "reference": line.reference,
                "account_number": mandate.acc_number or "",
                "account_holder": mandate.account_holder or "",
                "amount": layout._format_amount(line.amount),
                "date": date_text,
                "partner_name": line.partner_id.name or "",
                "unit_code": line.unit_id.code or "",
                "mandate_reference": mandate.name or "",
                "currency": self.currency_id.name or "",
                "memo": " ".join(line.invoice_ids.mapped("name")),
            }
            rows.append([values[column.field_key] for column in columns])
        return rows

    def _export_csv(self, rows):
        """The bank's CSV: a text cell a spreadsheet would run as a formula
        (e.g. an account holder named ``=HYPERLINK(...)``) starts with ``'``;
        amounts, account numbers and dates are written as they are."""
        self.ensure_one()
        layout = self.layout_id
        return csv_bytes(
            rows,
            delimiter=layout.csv_delimiter or ",",
            encoding=layout.csv_encoding,
            errors="replace",
        )

    def _export_xlsx(self, rows):
        self.ensure_one()
        buffer = io.BytesIO()
        workbook = new_workbook(buffer)
        sheet = workbook.add_worksheet(self.layout_id.xlsx_sheet_name or "Sheet1")
        bold = workbook.add_format({"bold": True})
        # Text cells (every value is a string): account numbers and fen
        # amounts keep every digit, and no cell is ever a formula.
        write_rows(sheet, rows[:1], cell_format=bold)
        write_rows(sheet, rows[1:], row=1)
        workbook.close()
        return buffer.getvalue()

    def action_export(self):
        for batch in self:
            if not batch.line_ids:
                raise UserError(self.env._("Batch %s has no lines.", batch.name))
            if not batch.layout_id.column_ids:
                raise UserError(
                    self.env._(
                        "The bank layout %s has no export columns.",
                        batch.layout_id.name,
                    )
                )
            rows = batch._export_rows()
            stem = f"{batch.name}_{batch.date.strftime('%Y%m%d')}"
            batch.write(
                {
                    "xlsx_file": base64.b64encode(batch._export_xlsx(rows)),
                    "xlsx_filename": f"{stem}.xlsx",
                    "csv_file": base64.b64encode(batch._export_csv(rows)),
                    "csv_filename": f"{stem}.csv",
                    "state": "exported" if batch.state == "draft" else batch.state,
                }
            )
        return True

    def action_import_result(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_debit_result_wizard_action"
        )
        action["context"] = {"default_batch_id": self.id}
        return action

    def _update_state_from_lines(self):
        for batch in self:
            if all(line.state != "open" for line in batch.line_ids):
                batch.state = "done"
            elif any(line.state != "open" for line in batch.line_ids):
                batch.state = "result_imported"

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round

EXPORT_FIELDS = [
    ("reference", "Reference"),
    ("account_number", "Account Number"),
    ("account_holder", "Account Holder"),
    ("amount", "Amount"),
    ("date", "Debit Date"),
    ("partner_name", "Owner"),
    ("unit_code", "Unit"),
    ("mandate_reference", "Agreement Number"),
    ("currency", "Currency"),
    ("memo", "Memo"),
]


class PropertyBankLayout(models.Model):
    _name = "property.bank.layout"
    _description = "Bank Auto-Debit File Layout"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    bank_id = fields.Many2one("res.bank")
    company_id = fields.Many2one(
        "res.company", help="Empty: the layout is available to every company."
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Bank Journal",
        domain=[("type", "=", "bank")],
        check_company=True,
        help="Journal of the payments created from the bank's result file; the "
        "company's first bank journal when empty.",
    )
    column_ids = fields.One2many(
        "property.bank.layout.column", "layout_id", string="Export Columns", copy=True
    )
    date_format = fields.Char(
        required=True,
        default="%Y%m%d",
        help="Python strftime format of dates in both files, e.g. %Y%m%d or %Y-%m-%d.",
    )
    amount_format = fields.Selection(
        [("yuan", "Yuan with 2 decimals"), ("fen", "Fen (integer)")],
        required=True,
        default="yuan",
    )
    csv_encoding = fields.Selection(
        [("gbk", "GBK"), ("utf-8", "UTF-8")],
        string="CSV Encoding",
        required=True,
        default="gbk",
    )
    csv_delimiter = fields.Char(string="CSV Delimiter", default=",", size=1)
    xlsx_sheet_name = fields.Char(string="XLSX Sheet Name", default="Sheet1")
    result_reference_header = fields.Char(
        string="Result: Reference Column", required=True, default="Reference"
    )
    result_amount_header = fields.Char(
        string="Result: Amount Column", required=True, default="Amount"
    )
    result_date_header = fields.Char(
        string="Result: Date Column", required=True, default="Debit Date"
    )
    result_status_header = fields.Char(
        string="Result: Status Column", required=True, default="Status"
    )
    result_reason_header = fields.Char(string="Result: Reason Column", default="Reason")
    success_codes = fields.Char(
        required=True,
        default="0000",
        help="Comma-separated status values that mean the debit succeeded.",
    )
    failure_codes = fields.Char(
        required=True,
        default="1001,1002,1003,9999",
        help="Comma-separated status values that mean the debit failed. Any other "
        "value is an error in the file.",
    )

    @api.constrains("success_codes", "failure_codes")
    def _check_codes(self):
        for layout in self:
            if set(layout._split_codes(layout.success_codes)) & set(
                layout._split_codes(layout.failure_codes)
            ):
                raise ValidationError(
                    self.env._("A status value cannot mean success and failure.")
                )

    @api.constrains("date_format")
    def _check_date_format(self):
        for layout in self:
            if "%" not in (layout.date_format or ""):
                raise ValidationError(
                    self.env._("The date format needs strftime codes such as %Y.")
                )

    @staticmethod
    def _split_codes(codes):
        return [code.strip() for code in (codes or "").split(",") if code.strip()]

    def _status_kind(self, status):
        """'success', 'failure' or False for an unknown status value."""
        self.ensure_one()
        status = (status or "").strip()
        if status in self._split_codes(self.success_codes):
            return "success"
        if status in self._split_codes(self.failure_codes):
            return "failure"
        return False

    def _format_amount(self, amount):
        self.ensure_one()
        if self.amount_format == "fen":
            return str(int(float_round(amount * 100, precision_digits=0)))
        return f"{amount:.2f}"

    def _parse_amount(self, value):
        """Amount in yuan of a cell written in the layout's amount format."""
        self.ensure_one()
        number = float(str(value).replace(",", "").strip())
        if self.amount_format == "fen":
            if not float(number).is_integer():
                raise ValueError(value)
            return number / 100.0
        return number

    def _get_journal(self, company):
        self.ensure_one()
        if self.journal_id and self.journal_id.company_id == company:
            return self.journal_id
        return self.env["account.journal"].search(
            [
                ("type", "=", "bank"),
                *self.env["account.journal"]._check_company_domain(company),
            ],
            limit=1,
        )

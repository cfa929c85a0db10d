# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    pcs_billing_day = fields.Integer(
        string="Billing Day",
        default=28,
        help="From this day of the month on, the scheduled billing run bills "
        "the next period.",
    )
    pcs_due_day = fields.Integer(
        string="Due Day",
        default=7,
        help="Fees of a period are due on this day of the period's month.",
    )
    pcs_late_fee_rate = fields.Float(
        string="Late Fee Daily Rate",
        digits=(12, 6),
        default=0.0005,
        help="Late fee (滞纳金) per day on the overdue principal, "
        "e.g. 0.0005 = 0.05% per day.",
    )
    pcs_late_fee_grace_days = fields.Integer(
        string="Late Fee Grace Days",
        default=0,
        help="Days after the due date before late fees start to accrue.",
    )
    pcs_dunning_stage1_day = fields.Integer(string="Stage 1 From Day", default=8)
    pcs_dunning_stage2_day = fields.Integer(string="Stage 2 From Day", default=15)
    pcs_dunning_stage3_day = fields.Integer(string="Stage 3 From Day", default=22)
    pcs_dunning_sms_template = fields.Char(
        string="Dunning SMS Text",
        default="Dear owner, the property fees of unit {unit} are unpaid: "
        "{amount}. Please pay soon. Thank you.",
        help="Placeholders: {unit}, {amount}, {name}.",
    )
    pcs_deposit_account_id = fields.Many2one(
        "account.account",
        string="Deposits Account",
        check_company=True,
        help="Current liability account that holds the deposits received "
        "(e.g. renovation deposits) until they are refunded.",
    )

    def _pcs_deposit_account(self):
        """Return the company's deposits liability account, finding or creating
        it (code 224199, "Deposits Received") when none is configured."""
        self.ensure_one()
        if self.pcs_deposit_account_id:
            return self.pcs_deposit_account_id
        Account = self.env["account.account"].sudo().with_company(self)
        account = Account.search(
            [
                *Account._check_company_domain(self),
                ("code", "=", "224199"),
                ("account_type", "=", "liability_current"),
            ],
            limit=1,
        )
        if not account:
            account = Account.create(
                {
                    "name": self.env._("Deposits Received"),
                    "code": "224199",
                    "account_type": "liability_current",
                    "company_ids": [fields.Command.link(self.id)],
                }
            )
        self.sudo().pcs_deposit_account_id = account
        return account.sudo(False)

    def _pcs_create_fee_journals(self):
        """Create the fee journals of these companies that have a chart of
        accounts: the company's "Property Fees" journal and one per project
        (at install, upgrade and when a chart of accounts is loaded, so that
        billing runs never race to create them)."""
        Journal = self.env["account.journal"].sudo()
        for company in self:
            if not Journal.search_count(
                [("company_id", "=", company.id), ("type", "=", "sale")], limit=1
            ):
                continue
            company._pcs_fee_journal()
            self.env["property.project"].sudo().with_context(active_test=False).search(
                [("company_id", "=", company.id)]
            )._create_fee_journals()

    def _pcs_fee_journal(self):
        """Return the company's "Property Fees" sales journal (code PROP),
        creating it when missing, so that fee posting never holds the sequence
        lock of the other sales journals."""
        self.ensure_one()
        Journal = self.env["account.journal"].sudo()
        journal = Journal.with_context(active_test=False).search(
            [("company_id", "=", self.id), ("code", "=", "PROP")], limit=1
        )
        if journal:
            return journal.sudo(False)
        sale_journal = Journal.search(
            [("company_id", "=", self.id), ("type", "=", "sale")], limit=1
        )
        journal = Journal.with_context(mail_create_nolog=True).create(
            {
                "name": self.env._("Property Fees"),
                "code": "PROP",
                "type": "sale",
                "company_id": self.id,
                "default_account_id": sale_journal.default_account_id.id,
                "invoice_reference_type": "invoice",
            }
        )
        return journal.sudo(False)

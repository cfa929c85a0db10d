# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# Rates (%) of the price-included VAT a company gets when its taxes are set
# up; the company changes them by choosing other taxes in Settings → Property.
DEFAULT_VAT_RATES = {
    "service": 6.0,
    "water": 9.0,
    "electricity": 13.0,
    "gas": 9.0,
    "goods": 13.0,
    "repair": 13.0,
}
VAT_TAX_DOMAIN = (
    "[('type_tax_use', '=', 'sale'), ('price_include', '=', True), "
    "('company_id', '=', id)]"
)


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
    pcs_dunning_stage3_end_day = fields.Integer(
        string="Stage 3 Until Day",
        default=27,
        help="Last day of the month on which the dunning job proposes the "
        "lawyer's-letter list.",
    )
    pcs_lawyer_firm = fields.Char(
        string="Law Firm", help="Printed on the lawyer's letters (律师函)."
    )
    pcs_lawyer_name = fields.Char(
        string="Signing Lawyer",
        help="Printed as the signatory of the lawyer's letters.",
    )
    pcs_lawyer_payment_days = fields.Integer(
        string="Letter Payment Term (days)",
        default=15,
        help="Days the lawyer's letter gives the owner to pay.",
    )
    pcs_dunning_sms_template = fields.Char(
        string="Dunning SMS Text",
        default="Dear owner, the property fees of unit {unit} are unpaid: "
        "{amount}. Please pay soon. Thank you.",
        help="Placeholders: {unit}, {amount}, {name}.",
    )
    # VAT included in prices (含税价), one sales tax per kind of fee item.
    pcs_tax_service_id = fields.Many2one(
        "account.tax",
        string="VAT on Property Services",
        domain=VAT_TAX_DOMAIN,
        help="Price-included sales tax of property service fees, parking, "
        "one-off services, renovation fees and late fees (6%).",
    )
    pcs_tax_water_id = fields.Many2one(
        "account.tax", string="VAT on Water", domain=VAT_TAX_DOMAIN
    )
    pcs_tax_electricity_id = fields.Many2one(
        "account.tax", string="VAT on Electricity", domain=VAT_TAX_DOMAIN
    )
    pcs_tax_gas_id = fields.Many2one(
        "account.tax", string="VAT on Gas", domain=VAT_TAX_DOMAIN
    )
    pcs_tax_goods_id = fields.Many2one(
        "account.tax",
        string="VAT on Goods",
        domain=VAT_TAX_DOMAIN,
        help="Price-included sales tax of goods sold, e.g. extra access cards.",
    )
    pcs_tax_repair_id = fields.Many2one(
        "account.tax",
        string="VAT on Repairs",
        domain=VAT_TAX_DOMAIN,
        help="Price-included sales tax of paid special repairs (labour and "
        "materials).",
    )
    pcs_deposit_account_id = fields.Many2one(
        "account.account",
        string="Deposits Account",
        check_company=True,
        help="Current liability account that holds the deposits received "
        "(e.g. renovation deposits) until they are refunded.",
    )

    # ------------------------------------------------------------------
    # VAT included in prices
    # ------------------------------------------------------------------
    def _pcs_vat_taxes(self):
        """{VAT kind: price-included sales tax} of the company."""
        self.ensure_one()
        return {
            kind: self[f"pcs_tax_{kind}_id"]
            for kind in DEFAULT_VAT_RATES
            if self[f"pcs_tax_{kind}_id"]
        }

    def write(self, vals):
        res = super().write(vals)
        if any(f"pcs_tax_{kind}_id" in vals for kind in DEFAULT_VAT_RATES):
            self.env["product.template"].sudo().search(
                [("pcs_vat_kind", "!=", False)]
            )._pcs_apply_fee_taxes(self)
        return res

    def _pcs_setup_fee_taxes(self):
        """Give each company a price-included sales tax per VAT kind (reusing
        one at the rate it already has, else a copy of its chart's sales tax
        made price-included) and put them on the fee items.

        Idempotent: taxes already chosen are kept, nothing is created twice.
        Called when a chart of accounts is loaded, at installation, by the
        upgrade to 18.0.1.2.0 and by *Set Up VAT* in Settings → Property.
        Companies without a sales tax (no chart) are left as they are."""
        for company in self.sudo():
            template = company._pcs_sale_tax_template()
            if not template:
                continue
            vals = {}
            for kind, rate in DEFAULT_VAT_RATES.items():
                if not company[f"pcs_tax_{kind}_id"]:
                    vals[f"pcs_tax_{kind}_id"] = company._pcs_included_tax(
                        rate, template
                    ).id
            if vals:
                company.write(vals)
            else:
                self.env["product.template"].sudo().search(
                    [("pcs_vat_kind", "!=", False)]
                )._pcs_apply_fee_taxes(company)
        return True

    def _pcs_sale_tax_template(self):
        """A percent sales tax of the company to copy accounts from."""
        self.ensure_one()
        Tax = self.env["account.tax"].sudo().with_context(active_test=False)
        default = self.account_sale_tax_id
        if default.amount_type == "percent" and default.company_id == self:
            return default
        return Tax.search(
            [
                ("company_id", "=", self.id),
                ("type_tax_use", "=", "sale"),
                ("amount_type", "=", "percent"),
                ("amount", ">", 0),
            ],
            order="sequence, id",
            limit=1,
        )

    def _pcs_included_tax(self, rate, template):
        """The company's price-included sales tax of ``rate`` %: an existing
        one, else a copy of its excluded tax of that rate (l10n_cn: 13%, 9%,
        6%), else of ``template`` with the rate changed."""
        self.ensure_one()
        Tax = self.env["account.tax"].sudo()
        domain = [
            ("company_id", "=", self.id),
            ("type_tax_use", "=", "sale"),
            ("amount_type", "=", "percent"),
            ("amount", "=", rate),
        ]
        tax = Tax.search(
            [*domain, ("price_include", "=", True)], order="sequence, id", limit=1
        )
        if tax:
            return tax
        source = Tax.search(domain, order="sequence, id", limit=1) or template
        names = self._pcs_vat_names(rate, "en_US")
        group = source.tax_group_id
        if source.amount != rate:
            group = group.copy({"name": names["group"]})
        tax = source.copy(
            {
                "name": names["name"],
                "invoice_label": names["invoice_label"],
                "amount": rate,
                "price_include_override": "tax_included",
                "include_base_amount": False,
                "tax_group_id": group.id,
                "sequence": source.sequence + 1,
            }
        )
        # The names in every installed language (增值税6%（含税）...).
        for lang, _name in self.env["res.lang"].get_installed():
            if lang == "en_US":
                continue
            words = self._pcs_vat_names(rate, lang)
            tax.update_field_translations("name", {lang: words["name"]})
            tax.update_field_translations(
                "invoice_label", {lang: words["invoice_label"]}
            )
            if group != source.tax_group_id:
                group.update_field_translations("name", {lang: words["group"]})
        return tax

    def _pcs_vat_names(self, rate, lang):
        """Names of a created price-included tax and its group in ``lang``."""
        env = self.with_context(lang=lang).env
        rate = f"{rate:g}"
        return {
            "name": env._("%(rate)s%% incl.", rate=rate),
            "invoice_label": env._("VAT %(rate)s%%", rate=rate),
            "group": env._("VAT %(rate)s%%", rate=rate),
        }

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

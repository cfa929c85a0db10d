# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models

FEE_TYPES = [
    ("area", "Per m² per Month × Unit Area"),
    ("fixed", "Fixed per Unit per Month"),
    ("parking", "Parking per Month"),
    ("water", "Water (Metered)"),
    ("electricity", "Electricity (Metered)"),
    ("gas", "Gas (Metered)"),
    ("one_off", "One-off Fee"),
    ("late_fee", "Late Fee"),
    ("deposit", "Deposit"),
    ("deposit_deduction", "Deposit Deduction"),
]
METERED_FEE_TYPES = ("water", "electricity", "gas")
MONTHLY_FEE_TYPES = ("area", "fixed", "parking")

# VAT treatment of a fee item: which of the company's price-included taxes
# (Settings → Property → VAT in prices) it carries, or none.
VAT_KINDS = [
    ("service", "Property Services"),
    ("water", "Water"),
    ("electricity", "Electricity"),
    ("gas", "Gas"),
    ("goods", "Goods"),
    ("repair", "Repairs"),
    ("none", "No VAT"),
]
# Default VAT treatment per fee type. Late fees (滞纳金) are charged with the
# property service and are VAT-able with it (价外费用); deposits are held
# and refunded, not sold.
FEE_TYPE_VAT_KIND = {
    "water": "water",
    "electricity": "electricity",
    "gas": "gas",
    "deposit": "none",
    "deposit_deduction": "none",
}


class ProductTemplate(models.Model):
    _inherit = "product.template"

    pcs_fee_type = fields.Selection(
        FEE_TYPES,
        string="Property Fee Type",
        index="btree_not_null",
        help="Set on the fee items (收费项目) billed by the property billing run.",
    )
    pcs_vat_kind = fields.Selection(
        VAT_KINDS,
        string="VAT in Price",
        compute="_compute_pcs_vat_kind",
        store=True,
        readonly=False,
        precompute=True,
        help="Prices of fee items include VAT (含税价): the owner pays the "
        "price, VAT is computed inside it. Each company gives the tax of each "
        "kind in Settings → Property (property services 6%, water, electricity, "
        "gas, goods and repairs at the rates it configures); the fee item gets "
        "that tax as its customer tax in every company. Deposits: no VAT.",
    )

    @api.depends("pcs_fee_type")
    def _compute_pcs_vat_kind(self):
        for template in self:
            template.pcs_vat_kind = template.pcs_fee_type and FEE_TYPE_VAT_KIND.get(
                template.pcs_fee_type, "service"
            )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        # Fee items get the taxes of their VAT kind in every company (change
        # them afterwards, or change the kind).
        templates.filtered("pcs_vat_kind")._pcs_apply_fee_taxes()
        return templates

    def write(self, vals):
        res = super().write(vals)
        if ("pcs_vat_kind" in vals or "pcs_fee_type" in vals) and (
            "taxes_id" not in vals
        ):
            self.filtered("pcs_vat_kind")._pcs_apply_fee_taxes()
        return res

    def _pcs_apply_fee_taxes(self, companies=None):
        """Set the customer taxes of the fee items ``self`` in ``companies``
        (default: every company whose VAT taxes are set up) to the company's
        price-included tax of their VAT kind, leaving the taxes of other
        companies alone. Idempotent."""
        templates = self.sudo().filtered("pcs_vat_kind")
        if companies is None:
            companies = (
                self.env["res.company"]
                .sudo()
                .search([("pcs_tax_service_id", "!=", False)])
            )
        for company in companies.sudo():
            taxes = company._pcs_vat_taxes()
            for template in templates:
                if template.company_id and template.company_id != company:
                    continue
                current = template.taxes_id.filtered(
                    lambda tax, company=company: tax.company_id == company
                )
                target = taxes.get(template.pcs_vat_kind) or current.browse()
                if current != target:
                    template.write(
                        {
                            "taxes_id": [Command.unlink(tax.id) for tax in current]
                            + [Command.link(tax.id) for tax in target]
                        }
                    )
        return True

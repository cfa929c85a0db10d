# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

TAX_DOMAIN = (
    "[('type_tax_use', '=', 'sale'), ('price_include', '=', True), "
    "('company_id', '=', company_id)]"
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pcs_billing_day = fields.Integer(
        related="company_id.pcs_billing_day", readonly=False
    )
    pcs_due_day = fields.Integer(related="company_id.pcs_due_day", readonly=False)
    pcs_late_fee_rate = fields.Float(
        related="company_id.pcs_late_fee_rate", readonly=False
    )
    pcs_late_fee_grace_days = fields.Integer(
        related="company_id.pcs_late_fee_grace_days", readonly=False
    )
    pcs_dunning_stage1_day = fields.Integer(
        related="company_id.pcs_dunning_stage1_day", readonly=False
    )
    pcs_dunning_stage2_day = fields.Integer(
        related="company_id.pcs_dunning_stage2_day", readonly=False
    )
    pcs_dunning_stage3_day = fields.Integer(
        related="company_id.pcs_dunning_stage3_day", readonly=False
    )
    pcs_dunning_stage3_end_day = fields.Integer(
        related="company_id.pcs_dunning_stage3_end_day", readonly=False
    )
    pcs_lawyer_firm = fields.Char(related="company_id.pcs_lawyer_firm", readonly=False)
    pcs_lawyer_name = fields.Char(related="company_id.pcs_lawyer_name", readonly=False)
    pcs_lawyer_payment_days = fields.Integer(
        related="company_id.pcs_lawyer_payment_days", readonly=False
    )
    pcs_tax_service_id = fields.Many2one(
        related="company_id.pcs_tax_service_id", readonly=False, domain=TAX_DOMAIN
    )
    pcs_tax_water_id = fields.Many2one(
        related="company_id.pcs_tax_water_id", readonly=False, domain=TAX_DOMAIN
    )
    pcs_tax_electricity_id = fields.Many2one(
        related="company_id.pcs_tax_electricity_id", readonly=False, domain=TAX_DOMAIN
    )
    pcs_tax_gas_id = fields.Many2one(
        related="company_id.pcs_tax_gas_id", readonly=False, domain=TAX_DOMAIN
    )
    pcs_tax_goods_id = fields.Many2one(
        related="company_id.pcs_tax_goods_id", readonly=False, domain=TAX_DOMAIN
    )
    pcs_tax_repair_id = fields.Many2one(
        related="company_id.pcs_tax_repair_id", readonly=False, domain=TAX_DOMAIN
    )
    pcs_dunning_sms_template = fields.Char(
        related="company_id.pcs_dunning_sms_template", readonly=False
    )
    pcs_deposit_account_id = fields.Many2one(
        related="company_id.pcs_deposit_account_id", readonly=False
    )

    def action_pcs_setup_fee_taxes(self):
        """Create the missing price-included taxes of the company and put the
        chosen ones on the fee items."""
        self.ensure_one()
        self.company_id._pcs_setup_fee_taxes()
        return {"type": "ir.actions.client", "tag": "reload"}

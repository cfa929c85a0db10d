# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
    pcs_dunning_sms_template = fields.Char(
        related="company_id.pcs_dunning_sms_template", readonly=False
    )
    pcs_deposit_account_id = fields.Many2one(
        related="company_id.pcs_deposit_account_id", readonly=False
    )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_billing_day = fields.Integer(
        related="company_id.property_billing_day", readonly=False
    )
    property_due_day = fields.Integer(
        related="company_id.property_due_day", readonly=False
    )
    property_late_fee_rate = fields.Float(
        related="company_id.property_late_fee_rate", readonly=False
    )
    property_late_fee_grace_days = fields.Integer(
        related="company_id.property_late_fee_grace_days", readonly=False
    )
    property_dunning_stage1_day = fields.Integer(
        related="company_id.property_dunning_stage1_day", readonly=False
    )
    property_dunning_stage2_day = fields.Integer(
        related="company_id.property_dunning_stage2_day", readonly=False
    )
    property_dunning_stage3_day = fields.Integer(
        related="company_id.property_dunning_stage3_day", readonly=False
    )
    property_dunning_sms_template = fields.Char(
        related="company_id.property_dunning_sms_template", readonly=False
    )
    property_deposit_account_id = fields.Many2one(
        related="company_id.property_deposit_account_id", readonly=False
    )

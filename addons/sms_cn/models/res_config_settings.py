# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sms_cn_gateway_id = fields.Many2one(
        related="company_id.sms_cn_gateway_id", readonly=True
    )
    sms_cn_gateway_state = fields.Selection(
        related="company_id.sms_cn_gateway_id.state", readonly=True
    )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pcs_renovation_fee_rate_residential = fields.Float(
        related="company_id.pcs_renovation_fee_rate_residential", readonly=False
    )
    pcs_renovation_fee_rate_non_residential = fields.Float(
        related="company_id.pcs_renovation_fee_rate_non_residential", readonly=False
    )
    pcs_renovation_deposit_residential = fields.Float(
        related="company_id.pcs_renovation_deposit_residential", readonly=False
    )
    pcs_renovation_deposit_non_residential = fields.Float(
        related="company_id.pcs_renovation_deposit_non_residential", readonly=False
    )
    pcs_renovation_review_days = fields.Integer(
        related="company_id.pcs_renovation_review_days", readonly=False
    )
    pcs_renovation_review_working_days = fields.Boolean(
        related="company_id.pcs_renovation_review_working_days", readonly=False
    )
    pcs_renovation_reinspection_months = fields.Integer(
        related="company_id.pcs_renovation_reinspection_months", readonly=False
    )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pcs_archive_retention_years = fields.Integer(
        related="company_id.pcs_archive_retention_years", readonly=False
    )
    pcs_access_request_hours = fields.Integer(
        related="company_id.pcs_access_request_hours", readonly=False
    )
    pcs_handover_prepayment_months = fields.Integer(
        related="company_id.pcs_handover_prepayment_months", readonly=False
    )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pcs_pii_retention_years = fields.Integer(
        related="company_id.pcs_pii_retention_years", readonly=False
    )

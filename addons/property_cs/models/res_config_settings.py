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
    pcs_card_free_per_household = fields.Integer(
        related="company_id.pcs_card_free_per_household", readonly=False
    )
    pcs_card_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Card Fee Currency"
    )
    pcs_card_fee = fields.Monetary(
        related="company_id.pcs_card_fee",
        readonly=False,
        currency_field="pcs_card_currency_id",
    )

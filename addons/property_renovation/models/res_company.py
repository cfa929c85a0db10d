# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    pcs_renovation_fee_rate_residential = fields.Float(
        string="Renovation Fee per m² (Residential)",
        default=5.0,
        help="Renovation management fee per m² of building area.",
    )
    pcs_renovation_fee_rate_non_residential = fields.Float(
        string="Renovation Fee per m² (Non-residential)", default=10.0
    )
    pcs_renovation_deposit_residential = fields.Float(
        string="Renovation Deposit (Residential)", default=3000.0
    )
    pcs_renovation_deposit_non_residential = fields.Float(
        string="Renovation Deposit (Non-residential)", default=10000.0
    )

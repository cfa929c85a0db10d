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
    pcs_renovation_review_days = fields.Integer(
        string="Renovation Review (days)",
        default=3,
        help="Engineering reviews a renovation application within this many days.",
    )
    pcs_renovation_review_working_days = fields.Boolean(
        string="Review Days Are Working Days",
        default=True,
        help="Count the review days on the company's working calendar, public "
        "holidays excluded (a Friday submission is due on Wednesday); "
        "otherwise calendar days.",
    )
    pcs_renovation_reinspection_months = fields.Integer(
        string="Re-inspection After (months)",
        default=1,
        help="The re-inspection of a renovated unit is scheduled this many months "
        "after the initial completion inspection.",
    )

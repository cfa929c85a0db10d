# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    pcs_pii_retention_years = fields.Integer(
        string="Personal Data Retention (years)",
        default=3,
        help="Former owners and residents are anonymised this many years after "
        "their ownership ended or they moved out (0 disables the clean-up).",
    )

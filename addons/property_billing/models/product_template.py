# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

FEE_TYPES = [
    ("area", "Per m² per Month × Unit Area"),
    ("fixed", "Fixed per Unit per Month"),
    ("parking", "Parking per Month"),
    ("water", "Water (Metered)"),
    ("electricity", "Electricity (Metered)"),
    ("gas", "Gas (Metered)"),
    ("one_off", "One-off Fee"),
    ("late_fee", "Late Fee"),
    ("deposit", "Deposit"),
    ("deposit_deduction", "Deposit Deduction"),
]
METERED_FEE_TYPES = ("water", "electricity", "gas")
MONTHLY_FEE_TYPES = ("area", "fixed", "parking")


class ProductTemplate(models.Model):
    _inherit = "product.template"

    pcs_fee_type = fields.Selection(
        FEE_TYPES,
        string="Property Fee Type",
        index="btree_not_null",
        help="Set on the fee items (收费项目) billed by the property billing run.",
    )

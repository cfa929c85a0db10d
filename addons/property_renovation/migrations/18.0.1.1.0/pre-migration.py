# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the renovation settings of the company carry the product
prefix ``pcs_``."""

from odoo.addons.property_billing.field_rename import rename_fields

RENAMES = [
    (model, f"renovation_{name}", f"pcs_renovation_{name}")
    for model in ("res.company", "res.config.settings")
    for name in (
        "fee_rate_residential",
        "fee_rate_non_residential",
        "deposit_residential",
        "deposit_non_residential",
    )
]


def migrate(cr, version):
    rename_fields(cr, RENAMES)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: fields added to models the product does not own carry the
product prefix ``pcs_`` (they were ``property_*``, next to core's
company-dependent ``property_account_*`` fields)."""

from odoo.addons.property_billing.field_rename import (
    rename_fields,
    rename_index,
    rename_methods,
)

SETTINGS = [
    "billing_day",
    "due_day",
    "late_fee_rate",
    "late_fee_grace_days",
    "dunning_stage1_day",
    "dunning_stage2_day",
    "dunning_stage3_day",
    "dunning_sms_template",
    "deposit_account_id",
]
RENAMES = [
    *(
        ("account.move", f"property_{name}", f"pcs_{name}")
        for name in (
            "unit_id",
            "project_id",
            "building_id",
            "period",
            "billing_kind",
            "late_fee_closed",
            "dispatch_order_id",
            "debit_line_ids",
        )
    ),
    ("account.move.line", "property_meter_reading_id", "pcs_meter_reading_id"),
    ("account.payment", "property_prepayment", "pcs_prepayment"),
    ("account.payment", "property_prepayment_unit_id", "pcs_prepayment_unit_id"),
    ("product.template", "property_fee_type", "pcs_fee_type"),
    *(("res.company", f"property_{name}", f"pcs_{name}") for name in SETTINGS),
    *(("res.config.settings", f"property_{name}", f"pcs_{name}") for name in SETTINGS),
    *(
        ("res.partner", f"property_{name}", f"pcs_{name}")
        for name in (
            "dunning_line_ids",
            "dunning_count",
            "debit_mandate_ids",
            "prepayment_balance",
        )
    ),
]


def migrate(cr, version):
    rename_fields(cr, RENAMES)
    rename_methods(
        cr,
        "res.partner",
        [
            ("action_view_property_dunning", "action_pcs_view_dunning"),
            ("action_property_prepayment", "action_pcs_prepayment"),
        ],
    )
    # The unique index of init() named after the paid repair, not a column.
    rename_index(
        cr, "account_move_property_repair_uniq", "account_move_pcs_repair_uniq"
    )

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

    pcs_pii_retention_years = fields.Integer(
        related="company_id.pcs_pii_retention_years", readonly=False
    )
    pcs_phone_lookup_limit = fields.Integer(
        related="company_id.pcs_phone_lookup_limit", readonly=False
    )
    pcs_phone_lookup_window = fields.Integer(
        related="company_id.pcs_phone_lookup_window", readonly=False
    )

    pcs_first_reply_minutes = fields.Integer(
        related="company_id.pcs_first_reply_minutes", readonly=False
    )
    pcs_dispatch_urgent_minutes = fields.Integer(
        related="company_id.pcs_dispatch_urgent_minutes", readonly=False
    )
    pcs_dispatch_normal_minutes = fields.Integer(
        related="company_id.pcs_dispatch_normal_minutes", readonly=False
    )
    pcs_on_site_minutes = fields.Integer(
        related="company_id.pcs_on_site_minutes", readonly=False
    )
    pcs_general_complaint_days = fields.Integer(
        related="company_id.pcs_general_complaint_days", readonly=False
    )
    pcs_important_complaint_minutes = fields.Integer(
        related="company_id.pcs_important_complaint_minutes", readonly=False
    )
    pcs_complaint_upgrade_months = fields.Integer(
        related="company_id.pcs_complaint_upgrade_months", readonly=False
    )
    pcs_callback_paid_repair_rate = fields.Integer(
        related="company_id.pcs_callback_paid_repair_rate", readonly=False
    )
    pcs_callback_other_rate = fields.Integer(
        related="company_id.pcs_callback_other_rate", readonly=False
    )
    pcs_callback_complaint_days = fields.Integer(
        related="company_id.pcs_callback_complaint_days", readonly=False
    )
    pcs_callback_complaint_due_days = fields.Integer(
        related="company_id.pcs_callback_complaint_due_days", readonly=False
    )
    pcs_finding_fix_days = fields.Integer(
        related="company_id.pcs_finding_fix_days", readonly=False
    )
    pcs_vacant_inspection_day = fields.Integer(
        related="company_id.pcs_vacant_inspection_day", readonly=False
    )
    pcs_resource_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id",
        string="Working Calendar",
        readonly=False,
    )
    pcs_callback_spot_check_rate = fields.Integer(
        related="company_id.pcs_callback_spot_check_rate", readonly=False
    )

    pcs_urge_interval_minutes = fields.Integer(
        related="company_id.pcs_urge_interval_minutes", readonly=False
    )
    pcs_urge_repeat_count = fields.Integer(
        related="company_id.pcs_urge_repeat_count", readonly=False
    )

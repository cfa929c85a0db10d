# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    pcs_archive_retention_years = fields.Integer(
        string="Closed Archive Retention (years)",
        default=3,
        help="Closed owner archives are proposed for purge after this many years.",
    )
    pcs_access_request_hours = fields.Integer(
        string="Archive Access Validity (hours)",
        default=24,
        help="An approved archive access request expires after this many hours.",
    )
    pcs_handover_prepayment_months = fields.Integer(
        string="Handover Prepayment (months)",
        default=3,
        help="Months of service fee collected in advance at handover.",
    )
    pcs_card_free_per_household = fields.Integer(
        string="Free Cards per Household",
        default=3,
        help="Owner and resident cards a household gets without a fee.",
    )
    pcs_card_fee = fields.Monetary(
        string="Fee per Extra Card",
        default=50.0,
        currency_field="currency_id",
        help="Fee recorded as due for each card beyond the free ones.",
    )

    pcs_pii_retention_years = fields.Integer(
        string="Personal Data Retention (years)",
        default=3,
        help="Former owners and residents are anonymised this many years after "
        "their ownership ended or they moved out (0 disables the clean-up).",
    )

    # Service-desk time limits and callback rates (DOMAIN.md defaults).
    pcs_first_reply_minutes = fields.Integer(
        string="First Reply (minutes)",
        default=15,
        help="Minutes from registration to the first reply to the owner.",
    )
    pcs_dispatch_urgent_minutes = fields.Integer(
        string="Dispatch, Urgent (minutes)",
        default=5,
        help="Minutes from registration to the dispatch order of an urgent request.",
    )
    pcs_dispatch_normal_minutes = fields.Integer(
        string="Dispatch, Normal (minutes)",
        default=15,
        help="Minutes from registration to the dispatch order of a normal request.",
    )
    pcs_on_site_minutes = fields.Integer(
        string="Crew On Site (minutes)",
        default=15,
        help="Minutes from dispatch until the crew is on site.",
    )
    pcs_general_complaint_days = fields.Integer(
        string="General Complaint Resolved (days)",
        default=2,
        help="Days to resolve a general complaint unless the owner asked for a "
        "different deadline.",
    )
    pcs_important_complaint_minutes = fields.Integer(
        string="Important Complaint to Director (minutes)",
        default=30,
        help="Minutes within which an important complaint reaches the director.",
    )
    pcs_complaint_upgrade_months = fields.Integer(
        string="Automatic Upgrade to Major (months)",
        default=1,
        help="A valid complaint still open after this many months becomes major.",
    )
    pcs_callback_paid_repair_rate = fields.Integer(
        string="Callback Rate, Paid Repairs (%)",
        default=85,
        help="Share of the day's completed paid special repairs that get a callback.",
    )
    pcs_callback_other_rate = fields.Integer(
        string="Callback Rate, Other Requests (%)",
        default=30,
        help="Share of the day's other completed requests that get a callback.",
    )
    pcs_callback_complaint_days = fields.Integer(
        string="Complaint Callback After (days)",
        default=3,
        help="A complaint is called back this many days after its resolution "
        "(due within 7 days).",
    )
    pcs_callback_spot_check_rate = fields.Integer(
        string="Callback Spot Check (%)",
        default=10,
        help="Share of the month's callbacks re-checked by a manager.",
    )

    # Urging a request (催单)
    pcs_urge_interval_minutes = fields.Integer(
        string="Minutes Between Urges",
        default=30,
        help="An owner can urge a request once within this many minutes "
        "(0: no limit).",
    )
    pcs_urge_repeat_count = fields.Integer(
        string="Repeated Urge From",
        default=2,
        help="From this urge of a request on, its priority is raised and the "
        "customer-service managers are told; such requests count as urged "
        "repeatedly in the statistics (0: never).",
    )

    _sql_constraints = [
        (
            "pcs_urge_settings_positive",
            "CHECK(pcs_urge_interval_minutes >= 0 AND pcs_urge_repeat_count >= 0)",
            "The minutes between urges and the repeated urge cannot be negative.",
        )
    ]

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

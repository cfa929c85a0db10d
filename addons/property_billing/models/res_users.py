# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Accountants of the company: Odoo's own accounting roles beyond "Invoicing"
# (Bookkeeper / Show Full Accounting Features, Administrator, Auditor).
ACCOUNTANT_GROUPS = (
    "account.group_account_user",
    "account.group_account_manager",
    "account.group_account_readonly",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    pcs_accounting_restricted = fields.Boolean(
        string="Accounting Limited to Projects",
        compute="_compute_pcs_accounting_restricted",
        compute_sudo=True,
        help="Property staff who are not accountants of the company (e.g. Finance "
        "/ Cashier, whose only accounting right is Invoicing) see the accounting "
        "documents of their projects only: invoices, journal items, payments and "
        "bank lines of another project's units and owners are hidden.",
    )

    @api.depends("groups_id")
    def _compute_pcs_accounting_restricted(self):
        for user in self:
            user.pcs_accounting_restricted = (
                not user.share
                and user.has_group("property_cs.group_property_user")
                and not user.has_group("property_cs.group_all_projects")
                and not any(user.has_group(group) for group in ACCOUNTANT_GROUPS)
            )

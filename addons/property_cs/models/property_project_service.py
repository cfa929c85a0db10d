# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# Limits a project may override; 0 means "use the company setting".
PROJECT_LIMITS = (
    "pcs_first_reply_minutes",
    "pcs_dispatch_urgent_minutes",
    "pcs_dispatch_normal_minutes",
    "pcs_on_site_minutes",
    "pcs_general_complaint_days",
    "pcs_important_complaint_minutes",
)


class PropertyProject(models.Model):
    _inherit = "property.project"

    pcs_first_reply_minutes = fields.Integer(
        string="First Reply (minutes)", help="0: use the company setting."
    )
    pcs_dispatch_urgent_minutes = fields.Integer(
        string="Dispatch, Urgent (minutes)", help="0: use the company setting."
    )
    pcs_dispatch_normal_minutes = fields.Integer(
        string="Dispatch, Normal (minutes)", help="0: use the company setting."
    )
    pcs_on_site_minutes = fields.Integer(
        string="Crew On Site (minutes)", help="0: use the company setting."
    )
    pcs_general_complaint_days = fields.Integer(
        string="General Complaint Resolved (days)", help="0: use the company setting."
    )
    pcs_important_complaint_minutes = fields.Integer(
        string="Important Complaint to Director (minutes)",
        help="0: use the company setting.",
    )
    ticket_ids = fields.One2many("helpdesk.ticket", "pcs_project_id", "Requests")

    def _pcs_limits(self, company):
        """Time limits of this project (may be empty), falling back on company."""
        project = self[:1]
        limits = {name: company[name] for name in PROJECT_LIMITS}
        if project:
            limits.update(
                {name: project[name] for name in PROJECT_LIMITS if project[name]}
            )
        limits["pcs_complaint_upgrade_months"] = company.pcs_complaint_upgrade_months
        return limits

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .property_finding import FINDING_CATEGORIES


class PropertyPatrolLine(models.Model):
    """A checklist item of a patrol."""

    _name = "property.patrol.line"
    _description = "Patrol Checklist Item"
    _order = "patrol_id, id"

    patrol_id = fields.Many2one("property.patrol", required=True, ondelete="cascade")
    project_id = fields.Many2one(
        related="patrol_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="patrol_id.company_id", store=True, index=True, precompute=True
    )
    category = fields.Selection(FINDING_CATEGORIES, string="Item", required=True)
    result = fields.Selection([("ok", "OK"), ("issue", "Issue"), ("na", "N/A")])
    note = fields.Char()

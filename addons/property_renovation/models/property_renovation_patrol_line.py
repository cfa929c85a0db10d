# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyRenovationPatrolLine(models.Model):
    _name = "property.renovation.patrol.line"
    _description = "Renovation Patrol Checklist Line"
    _order = "patrol_id, sequence, id"

    patrol_id = fields.Many2one(
        "property.renovation.patrol", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="patrol_id.project_id", store=True)
    company_id = fields.Many2one(related="patrol_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    result = fields.Selection(
        [("ok", "OK"), ("issue", "Issue"), ("na", "Not Applicable")], default="ok"
    )
    note = fields.Char()

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyPatrolPlanRound(models.Model):
    """A daily time window of a patrol plan, e.g. 9:00–12:00."""

    _name = "property.patrol.plan.round"
    _description = "Patrol Round Window"
    _order = "plan_id, hour_start"

    name = fields.Char(required=True)
    plan_id = fields.Many2one("property.patrol.plan", required=True, ondelete="cascade")
    project_id = fields.Many2one(
        related="plan_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    hour_start = fields.Float(string="From", required=True)
    hour_end = fields.Float(string="To", required=True)

    @api.constrains("hour_start", "hour_end")
    def _check_hours(self):
        for window in self:
            if not 0 <= window.hour_start < window.hour_end <= 24:
                raise ValidationError(
                    self.env._(
                        "A patrol round must start before it ends, within the day."
                    )
                )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyPatrolPlan(models.Model):
    """Patrol plan of a zone manager over a set of buildings (巡查计划)."""

    _name = "property.patrol.plan"
    _description = "Patrol Plan"
    _inherit = ["mail.thread"]
    _order = "project_id, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Zone Manager",
        required=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        tracking=True,
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        domain="[('project_id', '=', project_id)]",
        check_company=True,
    )
    round_ids = fields.One2many(
        "property.patrol.plan.round",
        "plan_id",
        string="Daily Rounds",
        copy=True,
        default=lambda self: self._default_round_ids(),
    )
    patrol_ids = fields.One2many("property.patrol", "plan_id")

    @api.model
    def _default_round_ids(self):
        return [
            fields.Command.create(
                {"name": self.env._("Morning"), "hour_start": 9.0, "hour_end": 12.0}
            ),
            fields.Command.create(
                {"name": self.env._("Afternoon"), "hour_start": 16.0, "hour_end": 18.0}
            ),
        ]

    def action_view_patrols(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_patrol_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        return action

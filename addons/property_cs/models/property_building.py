# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyBuilding(models.Model):
    _name = "property.building"
    _description = "Building"
    _inherit = ["mail.thread"]
    _order = "project_id, sequence, code"
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char(required=True, help="Code used in unit codes, e.g. A.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    zone_manager_id = fields.Many2one(
        "res.users",
        string="Zone Customer Manager",
        tracking=True,
        domain=[("share", "=", False)],
        help="The customer manager (管家) who owns this building.",
    )
    floor_count = fields.Integer(string="Floors")
    unit_ids = fields.One2many("property.unit", "building_id")
    unit_count = fields.Integer(compute="_compute_unit_count")

    _sql_constraints = [
        (
            "code_project_uniq",
            "unique(code, project_id)",
            "The building code must be unique within a project.",
        )
    ]

    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.unit_count = counts.get(building, 0)

    @api.depends("name", "project_id.name")
    def _compute_display_name(self):
        for building in self:
            building.display_name = (
                f"{building.project_id.name} / {building.name}"
                if building.project_id
                else building.name
            )

    def action_view_units(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_unit_action"
        )
        action["domain"] = [("building_id", "in", self.ids)]
        action["context"] = {
            "default_building_id": self[:1].id,
            "default_project_id": self[:1].project_id.id,
        }
        return action

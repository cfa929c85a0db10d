# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

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
    _name = "property.project"
    _description = "Property Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, tracking=True, translate=False)
    code = fields.Char(required=True, tracking=True, help="Short code, e.g. SG.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Address",
        help="Address of the service centre of this project.",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Service-Centre Director",
        tracking=True,
        domain=[("share", "=", False)],
    )
    user_ids = fields.Many2many(
        "res.users",
        "property_project_res_users_rel",
        "project_id",
        "user_id",
        string="Assigned Staff",
        domain=[("share", "=", False)],
        help="Staff who see this project's units, owners and requests.",
    )
    building_ids = fields.One2many("property.building", "project_id")
    unit_ids = fields.One2many("property.unit", "project_id")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    occupied_count = fields.Integer(compute="_compute_counts")
    vacant_count = fields.Integer(compute="_compute_counts")
    note = fields.Html()
    # Service-desk time limits of the project (0: the company's).
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

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The project code must be unique per company.",
        )
    ]

    def _compute_counts(self):
        units = self.env["property.unit"]._read_group(
            [("project_id", "in", self.ids)], ["project_id", "state"], ["__count"]
        )
        buildings = dict(
            self.env["property.building"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        per_state = {}
        for project, state, count in units:
            per_state.setdefault(project, {})[state] = count
        for project in self:
            states = per_state.get(project, {})
            project.building_count = buildings.get(project, 0)
            project.unit_count = sum(states.values())
            project.occupied_count = states.get("occupied", 0) + states.get("rented", 0)
            project.vacant_count = states.get("unsold", 0) + states.get(
                "sold_vacant", 0
            )

    def _pcs_visibility_changed(self):
        """Record rules read the users' visible projects: recompute them."""
        self.env.registry.clear_cache()
        self.env["res.users"].invalidate_model(["pcs_allowed_project_ids"])

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        self._pcs_visibility_changed()
        return projects

    def write(self, vals):
        res = super().write(vals)
        if {"user_ids", "company_id", "active"} & set(vals):
            self._pcs_visibility_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._pcs_visibility_changed()
        return res

    def _action_open(self, xmlid, extra_domain=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("project_id", "in", self.ids)] + (extra_domain or [])
        action["context"] = {"default_project_id": self[:1].id}
        return action

    def action_view_buildings(self):
        return self._action_open("property_cs.property_building_action")

    def action_view_units(self):
        return self._action_open("property_cs.property_unit_action")

    def action_view_vacant_units(self):
        return self._action_open(
            "property_cs.property_unit_action",
            [("state", "in", ("unsold", "sold_vacant"))],
        )

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

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

UNIT_TYPES = [
    ("residence", "Residence"),
    ("shop", "Shop"),
    ("parking", "Parking Space"),
    ("other", "Other"),
]
UNIT_STATES = [
    ("unsold", "Unsold Vacant"),
    ("sold_vacant", "Sold, Not Moved In"),
    ("occupied", "Occupied"),
    ("rented", "Rented"),
]


class PropertyUnit(models.Model):
    _name = "property.unit"
    _description = "Unit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, building_id, floor, code"
    _rec_name = "code"
    _rec_names_search = ["code", "current_owner_ids.name"]
    _check_company_auto = True

    code = fields.Char(
        required=True,
        index="trigram",
        tracking=True,
        help="Unit code unique in the project, e.g. A-1-0302.",
    )
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    building_id = fields.Many2one(
        "property.building",
        required=True,
        index=True,
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    floor = fields.Integer()
    room_number = fields.Char()
    area = fields.Float(string="Building Area (m²)", digits=(12, 2), tracking=True)
    unit_type = fields.Selection(
        UNIT_TYPES, string="Type", required=True, default="residence", tracking=True
    )
    state = fields.Selection(
        UNIT_STATES,
        string="Occupancy",
        required=True,
        default="unsold",
        index=True,
        tracking=True,
    )
    is_vacant = fields.Boolean(
        compute="_compute_is_vacant",
        search="_search_is_vacant",
        help="Delivered but unsold, or sold and not yet moved in.",
    )
    archive_ids = fields.One2many("property.archive", "unit_id", string="Archives")
    archive_id = fields.Many2one(
        "property.archive",
        string="Current Archive",
        compute="_compute_archive_id",
        store=True,
    )
    current_owner_ids = fields.Many2many(
        "res.partner",
        "property_unit_current_owner_rel",
        "unit_id",
        "partner_id",
        string="Owners",
        compute="_compute_archive_id",
        store=True,
    )
    owner_names = fields.Char(compute="_compute_owner_names")
    handover_ids = fields.One2many("property.handover", "unit_id")
    handover_count = fields.Integer(compute="_compute_handover_count")
    ticket_ids = fields.One2many("helpdesk.ticket", "pcs_unit_id", string="Requests")
    ticket_count = fields.Integer(
        string="Number of Requests", compute="_compute_ticket_count"
    )
    open_ticket_count = fields.Integer(
        string="Open Requests", compute="_compute_ticket_count"
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "code_project_uniq",
            "unique(code, project_id)",
            "A unit code must be unique within its project.",
        ),
        (
            "area_positive",
            "CHECK(area >= 0)",
            "The building area cannot be negative.",
        ),
    ]

    @api.depends("state")
    def _compute_is_vacant(self):
        for unit in self:
            unit.is_vacant = unit.state in ("unsold", "sold_vacant")

    def _search_is_vacant(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        positive = (operator == "=") == bool(value)
        return [("state", "in" if positive else "not in", ("unsold", "sold_vacant"))]

    @api.depends(
        "archive_ids.state",
        "archive_ids.ownership_ids.partner_id",
        "archive_ids.ownership_ids.date_end",
    )
    def _compute_archive_id(self):
        for unit in self:
            archive = unit.archive_ids.filtered(lambda a: a.state == "open")[:1]
            unit.archive_id = archive
            unit.current_owner_ids = archive.ownership_ids.filtered(
                lambda o: not o.date_end
            ).partner_id

    @api.depends("current_owner_ids.name")
    def _compute_owner_names(self):
        for unit in self:
            unit.owner_names = ", ".join(unit.current_owner_ids.mapped("name"))

    def _compute_handover_count(self):
        counts = dict(
            self.env["property.handover"]._read_group(
                [("unit_id", "in", self.ids)], ["unit_id"], ["__count"]
            )
        )
        for unit in self:
            unit.handover_count = counts.get(unit, 0)

    def _compute_ticket_count(self):
        Ticket = self.env["helpdesk.ticket"]
        counts = {}
        for unit, stage, count in Ticket._read_group(
            [("pcs_unit_id", "in", self.ids)], ["pcs_unit_id", "stage_id"], ["__count"]
        ):
            key = (unit, bool(stage.closed))
            counts[key] = counts.get(key, 0) + count
        for unit in self:
            unit.open_ticket_count = counts.get((unit, False), 0)
            unit.ticket_count = unit.open_ticket_count + counts.get((unit, True), 0)

    @api.constrains("building_id", "project_id")
    def _check_building_project(self):
        for unit in self:
            if unit.building_id.project_id != unit.project_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s: building %(building)s belongs to another "
                        "project.",
                        unit=unit.code,
                        building=unit.building_id.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_access_log(self):
        """The access log is evidence: what it is about stays."""
        self.env["property.archive.access.log"]._pcs_check_evidence(self)

    @api.onchange("building_id")
    def _onchange_building_id(self):
        if self.building_id:
            self.project_id = self.building_id.project_id

    def action_view_archive(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_archive_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id, "active_test": False}
        if self.archive_id:
            action.update(
                res_id=self.archive_id.id, view_mode="form", views=[(False, "form")]
            )
        return action

    def action_change_ownership(self):
        """Open the ownership change wizard on this unit."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_ownership_change_wizard_action"
        )
        action["context"] = {"active_model": self._name, "active_id": self.id}
        return action

    def action_view_owners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.res_partner_owner_action"
        )
        action["domain"] = [("id", "in", self.current_owner_ids.ids)]
        return action

    def action_view_handovers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_handover_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id}
        return action

    def action_view_tickets(self):
        """The unit's requests and complaints, the open ones first."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.helpdesk_ticket_property_action"
        )
        action["domain"] = [("pcs_unit_id", "=", self.id)]
        action["context"] = {
            "default_pcs_unit_id": self.id,
            "search_default_open": 1,
        }
        action["display_name"] = self.env._("Requests of %s", self.code)
        return action

    def action_new_ticket(self):
        """Register a request for this unit: the form opens with the unit and
        its owner filled in."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.helpdesk_ticket_property_action"
        )
        owner = self.current_owner_ids[:1]
        action.update(
            {
                "views": [(False, "form")],
                "view_mode": "form",
                "target": "current",
                "context": {
                    "default_pcs_unit_id": self.id,
                    "default_partner_id": owner.id,
                },
                "display_name": self.env._("New Request for %s", self.code),
            }
        )
        return action

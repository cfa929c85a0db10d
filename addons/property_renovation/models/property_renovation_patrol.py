# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

PATROL_KIND_LABELS = [("engineering", "Engineering"), ("security", "Security")]


class PropertyRenovationPatrol(models.Model):
    """Daily patrol of a renovation site (巡查), one per day and kind."""

    _name = "property.renovation.patrol"
    _description = "Renovation Patrol"
    _inherit = ["property.renovation.attachment.mixin", "mail.thread"]
    _order = "date desc, renovation_id, kind"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    date = fields.Date(required=True, index=True)
    kind = fields.Selection(PATROL_KIND_LABELS, required=True)
    state = fields.Selection(
        [("due", "Due"), ("done", "Done")], default="due", required=True, tracking=True
    )
    user_id = fields.Many2one("res.users", string="Patrolled By")
    line_ids = fields.One2many("property.renovation.patrol.line", "patrol_id")
    photo_ids = fields.Many2many(
        "ir.attachment", "property_renovation_patrol_photo_rel", string="Photos"
    )
    note = fields.Text()
    issue_found = fields.Boolean(compute="_compute_issue_found", store=True)

    _sql_constraints = [
        (
            "renovation_date_kind_uniq",
            "unique(renovation_id, date, kind)",
            "One patrol per renovation, day and kind.",
        )
    ]

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for patrol in self:
            patrol.display_name = f"{patrol.renovation_id.name} {patrol.date} " + (
                kinds.get(patrol.kind) or ""
            )

    @api.depends("line_ids.result")
    def _compute_issue_found(self):
        for patrol in self:
            patrol.issue_found = any(line.result == "issue" for line in patrol.line_ids)

    def action_done(self):
        self.write({"state": "done", "user_id": self.env.uid})
        return True

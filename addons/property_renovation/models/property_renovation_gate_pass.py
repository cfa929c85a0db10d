# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyRenovationGatePass(models.Model):
    """Material gate pass (放行条) for materials or debris leaving or entering."""

    _name = "property.renovation.gate.pass"
    _description = "Renovation Material Gate Pass"
    _inherit = ["property.sequence.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _pcs_sequence_code = "property.renovation.gate.pass"

    name = fields.Char(string="Pass No.", required=True, readonly=True, default="/")
    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    direction = fields.Selection(
        [("in", "Materials In"), ("out", "Materials / Debris Out")],
        required=True,
        default="in",
    )
    materials = fields.Text(required=True)
    vehicle_plate = fields.Char()
    state = fields.Selection(
        [("issued", "Issued"), ("checked", "Checked at Gate"), ("returned", "Closed")],
        default="issued",
        required=True,
        tracking=True,
    )
    checked_by_id = fields.Many2one("res.users", readonly=True)

    def action_check(self):
        self.write({"state": "checked", "checked_by_id": self.env.uid})
        return True

    def action_print(self):
        return self.env.ref("property_renovation.report_gate_pass").report_action(self)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyRenovationHotWork(models.Model):
    """Hot-work permit (动火证) for welding, cutting or open flame on site."""

    _name = "property.renovation.hot.work"
    _description = "Hot-work Permit"
    _inherit = ["property.sequence.mixin", "mail.thread"]
    _order = "date_from desc, id desc"
    _pcs_sequence_code = "property.renovation.hot.work"

    name = fields.Char(string="Permit No.", required=True, readonly=True, default="/")
    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    work_description = fields.Char(string="Work", required=True)
    operator_name = fields.Char(string="Certified Operator")
    date_from = fields.Datetime(required=True)
    date_to = fields.Datetime(required=True)
    fire_measures = fields.Text(
        string="Fire Precautions",
        help="Extinguisher, fire watch, removal of combustibles.",
    )
    state = fields.Selection(
        [
            ("draft", "Requested"),
            ("approved", "Approved"),
            ("closed", "Closed"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for permit in self:
            if permit.date_to <= permit.date_from:
                raise ValidationError(
                    self.env._("A hot-work permit ends after it starts.")
                )

    def action_approve(self):
        if self.filtered(lambda p: p.renovation_id.state != "works"):
            raise UserError(
                self.env._("Hot work is permitted only while works are open.")
            )
        self.write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def action_reject(self):
        self.write({"state": "rejected"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_print(self):
        return self.env.ref("property_renovation.report_hot_work").report_action(self)

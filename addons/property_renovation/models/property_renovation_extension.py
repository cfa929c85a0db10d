# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyRenovationExtension(models.Model):
    """Extension request (延期申请): moves the planned end only when approved."""

    _name = "property.renovation.extension"
    _description = "Renovation Extension Request"
    _inherit = ["mail.thread"]
    _order = "id desc"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    current_date_end = fields.Date(related="renovation_id.date_end")
    date_end_old = fields.Date(string="Previous End", readonly=True)
    date_end_new = fields.Date(string="Requested End", required=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="requested",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)

    def _compute_display_name(self):
        for extension in self:
            extension.display_name = self.env._(
                "%(renovation)s until %(date)s",
                renovation=extension.renovation_id.name,
                date=extension.date_end_new,
            )

    @api.constrains("date_end_new")
    def _check_date_end_new(self):
        for extension in self:
            end = extension.renovation_id.date_end
            if end and extension.state == "requested" and extension.date_end_new <= end:
                raise ValidationError(
                    self.env._("The requested end is after the planned end.")
                )

    def action_approve(self):
        for extension in self:
            if extension.state != "requested":
                raise UserError(self.env._("The request is already decided."))
            extension.write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.uid,
                    "date_end_old": extension.renovation_id.date_end,
                }
            )
            extension.renovation_id.date_end = extension.date_end_new
        return True

    def action_reject(self):
        if self.filtered(lambda e: e.state != "requested"):
            raise UserError(self.env._("The request is already decided."))
        self.write({"state": "rejected"})
        return True

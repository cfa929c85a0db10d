# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_cs import pii

PERSONAL_DATA_GROUP = "property_cs.group_personal_data"


class PropertyRenovationWorker(models.Model):
    _name = "property.renovation.worker"
    _description = "Renovation Worker"
    _order = "renovation_id, id"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    name = fields.Char(required=True)
    trade = fields.Char(help="e.g. electrician, plumber, tiler")
    id_number = fields.Char(string="ID Number", groups=PERSONAL_DATA_GROUP, copy=False)
    id_number_masked = fields.Char(
        string="ID Number (masked)",
        compute="_compute_masked",
        store=True,
        compute_sudo=True,
    )
    phone = fields.Char(groups=PERSONAL_DATA_GROUP, copy=False)
    phone_masked = fields.Char(
        string="Phone (masked)",
        compute="_compute_masked",
        store=True,
        compute_sudo=True,
    )
    photo = fields.Image(max_width=512, max_height=512)
    pass_no = fields.Char(string="Pass No.", readonly=True, copy=False)
    pass_state = fields.Selection(
        [("none", "Not Issued"), ("issued", "Issued"), ("returned", "Returned")],
        default="none",
        required=True,
        copy=False,
    )

    @api.depends("id_number", "phone")
    def _compute_masked(self):
        for worker in self:
            worker.id_number_masked = pii.mask_id_number(worker.id_number)
            worker.phone_masked = pii.mask_phone(worker.phone)

    @api.constrains("id_number")
    def _check_id_number(self):
        for worker in self.sudo():
            if not worker.id_number:
                continue
            try:
                pii.check_resident_id(worker.id_number)
            except ValueError as exc:
                raise ValidationError(
                    self.env._(
                        "The ID number of worker %(name)s is invalid (%(reason)s).",
                        name=worker.name,
                        reason=exc.args[0],
                    )
                ) from exc

    def _issue_pass(self):
        Sequence = self.env["ir.sequence"]
        for worker in self:
            worker.write(
                {
                    "pass_no": Sequence.next_by_code("property.renovation.pass"),
                    "pass_state": "issued",
                }
            )
        return True

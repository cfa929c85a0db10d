# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyVehicle(models.Model):
    _name = "property.vehicle"
    _description = "Vehicle"
    _inherit = ["property.archive.line.mixin"]
    _rec_name = "plate"

    plate = fields.Char(string="Plate Number", required=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Driver / Owner", index=True)
    model = fields.Char(string="Make and Model")
    color = fields.Char()
    parking_unit_id = fields.Many2one(
        "property.unit",
        string="Parking Space",
        domain="[('project_id', '=', project_id), ('unit_type', '=', 'parking')]",
    )

    _sql_constraints = [
        (
            "plate_archive_uniq",
            "unique(plate, archive_id)",
            "A vehicle is registered once per archive.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("plate"):
                vals["plate"] = vals["plate"].replace(" ", "").upper()
        return super().create(vals_list)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyArchivePurgeLine(models.Model):
    _name = "property.archive.purge.line"
    _description = "Archive Purge Line"
    _order = "archive_name"

    purge_id = fields.Many2one(
        "property.archive.purge", required=True, index=True, ondelete="cascade"
    )
    archive_id = fields.Many2one(
        "property.archive", index=True, ondelete="set null", readonly=True
    )
    archive_name = fields.Char(string="Archive No.", readonly=True)
    unit_code = fields.Char(string="Unit", readonly=True)
    owner_names = fields.Char(string="Former Owners", readonly=True)
    date_close = fields.Date(string="Closed On", readonly=True)
    approved = fields.Boolean(
        string="To Purge", help="Ticked by the director: this archive will be deleted."
    )
    purged = fields.Boolean(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        Archive = self.env["property.archive"]
        for vals in vals_list:
            archive = Archive.browse(vals.get("archive_id"))
            if archive:
                vals.setdefault("archive_name", archive.name)
                vals.setdefault("unit_code", archive.unit_id.code)
                vals.setdefault("owner_names", archive.owner_names)
                vals.setdefault("date_close", archive.date_close)
        return super().create(vals_list)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyArchiveLineMixin(models.AbstractModel):
    """Lines of an archive: frozen once the archive is closed.

    Lines about a person (``partner_id``: owners, residents, vehicle
    drivers) reveal the person's ID number or phone through the partner's
    logged reveal.
    """

    _name = "property.archive.line.mixin"
    _description = "Archive Line"

    archive_id = fields.Many2one(
        "property.archive", required=True, index=True, ondelete="cascade"
    )
    unit_id = fields.Many2one(
        related="archive_id.unit_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(
        related="archive_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="archive_id.company_id", store=True, index=True, precompute=True
    )

    def _pcs_check_archive_open(self, archives):
        if self.env.su or self.env.context.get("pcs_archive_close"):
            return
        closed = archives.filtered(lambda a: a.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "Archive %s is closed: its entries are kept read-only.",
                    ", ".join(closed.mapped("name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        archive_ids = {v["archive_id"] for v in vals_list if v.get("archive_id")}
        self._pcs_check_archive_open(self.env["property.archive"].browse(archive_ids))
        return super().create(vals_list)

    def write(self, vals):
        self._pcs_check_archive_open(self.archive_id)
        return super().write(vals)

    def unlink(self):
        self._pcs_check_archive_open(self.archive_id)
        return super().unlink()

    def action_pcs_reveal_id(self):
        self.ensure_one()
        return self.partner_id.action_pcs_reveal_id()

    def action_pcs_reveal_phone(self):
        self.ensure_one()
        return self.partner_id.action_pcs_reveal_phone()

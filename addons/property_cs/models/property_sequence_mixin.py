# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PropertySequenceMixin(models.AbstractModel):
    """Numbers ``name`` from the ``ir.sequence`` of ``_pcs_sequence_code``.

    A missing name, ``/`` or "New" is a placeholder replaced on creation.
    """

    _name = "property.sequence.mixin"
    _description = "Numbered Property Document"
    _pcs_sequence_code = None

    @api.model_create_multi
    def create(self, vals_list):
        new = self.env._("New")
        for vals in vals_list:
            if vals.get("name", new) in (new, "/"):
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code(self._pcs_sequence_code) or new
                )
        return super().create(vals_list)

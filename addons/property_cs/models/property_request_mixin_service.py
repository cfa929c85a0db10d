# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PropertyRequestMixin(models.AbstractModel):
    _inherit = "property.request.mixin"

    @api.model
    def _property_create_request(self, vals):
        """Findings become service-desk requests with unit, project and clocks."""
        vals = dict(vals)
        unit_id = vals.pop("unit_id", False)
        project_id = vals.pop("project_id", False)
        if unit_id:
            vals["pcs_unit_id"] = unit_id
        if project_id:
            vals["pcs_project_id"] = project_id
        vals.setdefault("pcs_channel", "internal")
        vals.setdefault("pcs_category", "rectification" if unit_id else "common_repair")
        vals.setdefault("pcs_accountable_user_id", self.env.user.id)
        return super()._property_create_request(vals)

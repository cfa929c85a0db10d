# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_unit_count" in counters:
            Unit = request.env["property.unit"]
            values["property_unit_count"] = (
                Unit.search_count([]) if Unit.has_access("read") else 0
            )
        return values

    @http.route(["/my/units"], type="http", auth="user", website=True)
    def portal_my_units(self, **kw):
        units = request.env["property.unit"].search([])
        values = self._prepare_portal_layout_values()
        values.update({"units": units, "page_name": "property_units"})
        return request.render("property_cs.portal_my_units", values)

    @http.route(["/my/units/<int:unit_id>"], type="http", auth="user", website=True)
    def portal_my_unit(self, unit_id, access_token=None, **kw):
        try:
            unit_sudo = self._document_check_access(
                "property.unit", unit_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        archive = unit_sudo.archive_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "unit": unit_sudo,
                "archive": archive,
                "documents": archive.document_ids,
                "page_name": "property_unit",
            }
        )
        return request.render("property_cs.portal_my_unit", values)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyPortal(CustomerPortal):
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        # Owners see their property entries on /my from the first day (a
        # first renovation or request starts there), not only once a record
        # of that kind exists.
        Unit = request.env["property.unit"]
        values["pcs_is_owner"] = bool(
            not request.env.user._is_public()
            and Unit.has_access("read")
            and Unit.search_count([], limit=1)
        )
        return values

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
        values = self._prepare_portal_layout_values()
        values.update(self._pcs_prepare_unit_page_values(unit_sudo))
        return request.render("property_cs.portal_my_unit", values)

    def _pcs_prepare_unit_page_values(self, unit_sudo):
        """Values of the owner's unit page; other addons add their sections
        (bills, renovations)."""
        archive = unit_sudo.archive_id
        return {
            "unit": unit_sudo,
            "archive": archive,
            "documents": archive.document_ids,
            "page_name": "property_unit",
            # the owner's own requests for this unit (searched with the
            # owner's rules, not sudo)
            "pcs_tickets": request.env["helpdesk.ticket"].search(
                [("pcs_unit_id", "=", unit_sudo.id)], limit=10
            ),
        }

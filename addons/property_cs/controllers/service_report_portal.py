# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyServiceReportPortal(CustomerPortal):
    """Published monthly service reports of the owner's projects."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_service_report_count" in counters:
            Report = request.env["property.service.report"]
            values["property_service_report_count"] = (
                Report.search_count([]) if Report.has_access("read") else 0
            )
        return values

    @http.route(["/my/service-reports"], type="http", auth="user", website=True)
    def portal_my_service_reports(self, **kw):
        Report = request.env["property.service.report"]
        reports = Report.search([]) if Report.has_access("read") else Report
        values = self._prepare_portal_layout_values()
        # Found with the owner's rules; shown with the project's name.
        values.update(
            {"reports": reports.sudo(), "page_name": "property_service_reports"}
        )
        return request.render("property_cs.portal_my_service_reports", values)

    @http.route(
        ["/my/service-reports/<int:report_id>"], type="http", auth="user", website=True
    )
    def portal_my_service_report(
        self, report_id, access_token=None, report_type=None, download=False, **kw
    ):
        try:
            report_sudo = self._document_check_access(
                "property.service.report", report_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_sudo.state != "published":
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=report_sudo,
                report_type=report_type,
                report_ref="property_cs.action_report_service_report",
                download=download,
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {"service_report": report_sudo, "page_name": "property_service_report"}
        )
        return request.render("property_cs.portal_my_service_report", values)

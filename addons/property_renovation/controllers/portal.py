# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from urllib.parse import urlencode

from odoo import Command, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

UPLOAD_FIELDS = {
    "drawing": "drawing_ids",
    "licence": "contractor_licence_ids",
    "design": "design_approval_ids",
    "government": "government_approval_ids",
    "attorney": "power_of_attorney_ids",
    "fire": "fire_approval_ids",
}


class RenovationPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "renovation_count" in counters:
            Renovation = request.env["property.renovation"]
            values["renovation_count"] = (
                Renovation.search_count([]) if Renovation.has_access("read") else 0
            )
        return values

    @http.route(["/my/renovations"], type="http", auth="user", website=True)
    def portal_my_renovations(self, **kw):
        renovations = request.env["property.renovation"].search([])
        values = self._prepare_portal_layout_values()
        values.update({"renovations": renovations, "page_name": "renovations"})
        return request.render("property_renovation.portal_my_renovations", values)

    @http.route(
        ["/my/renovations/<int:renovation_id>"], type="http", auth="user", website=True
    )
    def portal_my_renovation(self, renovation_id, access_token=None, **kw):
        try:
            renovation_sudo = self._document_check_access(
                "property.renovation", renovation_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "renovation": renovation_sudo,
                "page_name": "renovation",
                "message": kw.get("message"),
            }
        )
        return request.render("property_renovation.portal_my_renovation", values)

    @http.route(
        ["/my/renovations/<int:renovation_id>/upload"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_upload(self, renovation_id, kind="drawing", **kw):
        try:
            renovation_sudo = self._document_check_access(
                "property.renovation", renovation_id
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        upload = request.httprequest.files.get("document")
        field = UPLOAD_FIELDS.get(kind)
        if (
            upload
            and field
            and renovation_sudo.state in ("draft", "returned", "review")
        ):
            attachment = (
                request.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": upload.filename,
                        "datas": base64.b64encode(upload.read()),
                        "res_model": "property.renovation",
                        "res_id": renovation_sudo.id,
                    }
                )
            )
            renovation_sudo.write({field: [Command.link(attachment.id)]})
        return request.redirect(f"/my/renovations/{renovation_id}")

    @http.route(["/my/renovations/new"], type="http", auth="user", website=True)
    def portal_renovation_new(self, **kw):
        units = request.env["property.unit"].search([])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "units": units,
                "page_name": "renovation_new",
                "error": None,
                "unit_selected": kw.get("unit_id"),
            }
        )
        if request.httprequest.method != "POST":
            return request.render("property_renovation.portal_renovation_new", values)
        unit = units.filtered(lambda u: str(u.id) == kw.get("unit_id"))
        if not unit or not kw.get("contractor_name") or not kw.get("date_start"):
            values["error"] = request.env._(
                "Choose your unit, name the contractor and the planned dates."
            )
            return request.render("property_renovation.portal_renovation_new", values)
        partner = request.env.user.partner_id
        try:
            contractor = (
                request.env["property.renovation"]
                .sudo()
                ._find_or_create_contractor(
                    kw["contractor_name"],
                    kw.get("contractor_licence_no"),
                    unit.company_id,
                )
            )
            renovation = (
                request.env["property.renovation"]
                .sudo()
                .create(
                    {
                        "unit_id": unit.id,
                        "partner_id": partner.id,
                        "contractor_id": contractor.id,
                        "contractor_licence_no": request.env[
                            "property.renovation"
                        ]._normalize_licence_no(kw.get("contractor_licence_no"))
                        or False,
                        "principal_name": kw.get("principal_name"),
                        "description": kw.get("description"),
                        "structural_change": bool(kw.get("structural_change")),
                        "date_start": fields.Date.to_date(kw["date_start"]),
                        "date_end": fields.Date.to_date(kw.get("date_end") or None),
                    }
                )
            )
        except (ValidationError, ValueError) as exc:
            values["error"] = str(exc)
            return request.render("property_renovation.portal_renovation_new", values)
        return request.redirect(f"/my/renovations/{renovation.id}")

    @http.route(
        ["/my/renovations/<int:renovation_id>/submit"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_renovation_submit(self, renovation_id, **kw):
        try:
            renovation_sudo = self._document_check_access(
                "property.renovation", renovation_id
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if renovation_sudo.state in ("draft", "returned"):
            try:
                renovation_sudo.action_submit()
            except (UserError, ValidationError) as exc:
                query = urlencode({"message": exc.args[0]})
                return request.redirect(f"/my/renovations/{renovation_id}?{query}")
        return request.redirect(f"/my/renovations/{renovation_id}")

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hardened helpdesk_mgmt routes and the owner's side of the service desk.

helpdesk_mgmt 18.0.1.19.5 closes tickets on ``GET /ticket/close`` after a
``sudo()`` lookup of whatever id the caller sends: any portal user could close
any owner's ticket. Here every route checks access *as the user* first (like
portal's ``_document_check_access``), writes only through POST with the CSRF
token, and takes ids (category, team, unit) only among those the user may use.
"""

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

PORTAL_CATEGORIES = (
    "paid_repair",
    "common_repair",
    "warranty_defect",
    "neighbour_dispute",
    "complaint",
    "suggestion",
    "consultation",
)


def _to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _check_ticket_access(ticket_id, access_token=None):
    """The ticket, sudoed, once the current user may read it (else raise)."""
    ticket = request.env["helpdesk.ticket"].browse(_to_int(ticket_id))
    ticket_sudo = ticket.sudo().exists()
    if not ticket_sudo:
        raise MissingError(request.env._("This ticket does not exist."))
    try:
        ticket.check_access("read")
    except AccessError:
        if not (
            access_token
            and ticket_sudo.access_token
            and consteq(ticket_sudo.access_token, access_token)
        ):
            raise
    return ticket_sudo


def _owner_units():
    """Units of which the current user is a current owner."""
    partner = request.env.user.partner_id
    return request.env["property.unit"].search(
        [("current_owner_ids", "in", (partner | partner.commercial_partner_id).ids)]
    )


class PropertyHelpdeskTicketController(HelpdeskTicketController):
    @http.route(
        "/ticket/close",
        type="http",
        auth="user",
        methods=["POST"],
        csrf=True,
        website=True,
    )
    def support_ticket_close(self, ticket_id=None, stage_id=None, **kw):
        """Close a ticket the user may read, into a stage allowed from the
        portal, once the owner ticked the confirmation (a deliberate step)."""
        try:
            ticket_sudo = _check_ticket_access(ticket_id, kw.get("access_token"))
        except (AccessError, MissingError):
            return request.redirect("/my")
        if kw.get("confirm") != "1":
            return request.redirect(f"/my/ticket/{ticket_sudo.id}#pcs_close_ticket")
        stage = request.env["helpdesk.ticket.stage"].sudo().browse(_to_int(stage_id))
        allowed = (
            ticket_sudo.team_id.with_company(
                ticket_sudo.company_id
            )._get_applicable_stages()
        ).filtered(
            lambda s: s.close_from_portal
            and s.closed
            and (not s.company_id or s.company_id == ticket_sudo.company_id)
        )
        if stage in allowed and not ticket_sudo.closed:
            ticket_sudo.stage_id = stage
        return request.redirect(f"/my/ticket/{ticket_sudo.id}")

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        selection = dict(
            request.env["helpdesk.ticket"]
            ._fields["pcs_category"]
            ._description_selection(request.env)
        )
        values["pcs_units"] = _owner_units()
        values["pcs_categories"] = [(c, selection[c]) for c in PORTAL_CATEGORIES]
        # "Report a repair here" on a unit page opens the form on that unit.
        values["pcs_unit_selected"] = _to_int(kw.get("pcs_unit_id"))
        values["pcs_category_selected"] = kw.get("pcs_category")
        return values

    @http.route("/new/ticket", type="http", auth="user", website=True)
    def create_new_ticket(self, **kw):
        return super().create_new_ticket(**kw)

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        # helpdesk_mgmt browses the posted category id without any check.
        if (
            vals.get("category_id")
            and vals["category_id"] not in self._get_categories(**kw).ids
        ):
            vals["category_id"] = False
        unit_id = _to_int(kw.get("pcs_unit_id"))
        if unit_id:
            unit = _owner_units().filtered(lambda u: u.id == unit_id)
            if not unit:
                raise AccessError(request.env._("This is not one of your units."))
            vals["pcs_unit_id"] = unit.id
        category = kw.get("pcs_category")
        vals["pcs_category"] = (
            category if category in PORTAL_CATEGORIES else "consultation"
        )
        vals["pcs_channel"] = "portal"
        vals["pcs_accountable_user_id"] = False
        if vals["pcs_category"] == "complaint":
            vals["pcs_complaint_level"] = "general"
        return vals

    @http.route(
        "/submitted/ticket",
        type="http",
        auth="user",
        methods=["POST"],
        csrf=True,
        website=True,
    )
    def submit_ticket(self, **kw):
        # Two file inputs share the name "attachment" (the camera's and the
        # files'); helpdesk_mgmt looks at the first one only to decide.
        if not kw.get("attachment") and any(
            upload.filename
            for upload in request.httprequest.files.getlist("attachment")
        ):
            kw["attachment"] = True
        return super().submit_ticket(**kw)


class PropertyCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    @http.route(
        "/my/ticket/<int:ticket_id>/callback",
        type="http",
        auth="user",
        methods=["POST"],
        csrf=True,
        website=True,
    )
    def portal_ticket_callback(self, ticket_id, callback_id=None, **kw):
        """The owner answers the callback of one of their tickets."""
        try:
            ticket_sudo = _check_ticket_access(ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        callback = ticket_sudo.pcs_callback_ids.filtered(
            lambda c: c.id == _to_int(callback_id) and c.state == "todo"
        )
        satisfaction = kw.get("satisfaction")
        if callback and satisfaction in ("satisfied", "basic", "unsatisfied"):
            score = kw.get("score")
            callback.write(
                {
                    "method": "portal",
                    "satisfaction": satisfaction,
                    "score": score if score in ("1", "2", "3", "4", "5") else False,
                    "remarks": (kw.get("remarks") or "")[:2000],
                }
            )
            callback.action_done()
        return request.redirect(f"/my/ticket/{ticket_sudo.id}")

    @http.route(
        "/my/ticket/<int:ticket_id>/urge",
        type="http",
        auth="user",
        methods=["POST"],
        csrf=True,
        website=True,
    )
    def portal_ticket_urge(self, ticket_id, **kw):
        """The owner urges one of their open requests (催单)."""
        try:
            ticket_sudo = _check_ticket_access(ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            ticket_sudo._pcs_urge("portal", partner=request.env.user.partner_id)
        except UserError:
            # Closed meanwhile, or urged a moment ago: the page says which.
            return request.redirect(f"/my/ticket/{ticket_sudo.id}?urge=refused")
        return request.redirect(f"/my/ticket/{ticket_sudo.id}?urge=done")

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        next_at = ticket.sudo()._pcs_urge_next_allowed()
        values.update(
            {
                "pcs_urge_result": kwargs.get("urge"),
                "pcs_urge_next": next_at and ticket.sudo()._pcs_local_time(next_at),
            }
        )
        return values

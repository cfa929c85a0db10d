# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.res_partner import NOTICE_CHANNELS


def _to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class PropertyNoticePortal(CustomerPortal):
    """The owner's notices: current ones only, read receipts on first view."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_notice_count" in counters:
            Notice = request.env["property.notice"]
            values["property_notice_count"] = (
                Notice.search_count(Notice._pcs_portal_domain())
                if Notice.has_access("read")
                else 0
            )
        return values

    def _pcs_partners(self):
        partner = request.env.user.partner_id
        return partner | partner.commercial_partner_id

    @http.route(["/my/notices"], type="http", auth="user", website=True)
    def portal_my_notices(self, **kw):
        Notice = request.env["property.notice"]
        # Found with the owner's record rules: only notices addressed to them.
        notices = (
            Notice.search(Notice._pcs_portal_domain())
            if Notice.has_access("read")
            else Notice
        )
        read = (
            request.env["property.notice.recipient"]
            .sudo()
            .search(
                [
                    ("notice_id", "in", notices.ids),
                    ("partner_id", "in", self._pcs_partners().ids),
                    ("read_at", "!=", False),
                ]
            )
        )
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "notices": notices.sudo(),
                "read_notice_ids": set(read.notice_id.ids),
                "page_name": "property_notices",
                "notice_channel": partner.pcs_notice_channel,
                "notice_channels": [
                    (key, label)
                    for key, label in request.env["res.partner"]
                    ._fields["pcs_notice_channel"]
                    ._description_selection(request.env)
                ],
                "preference_saved": kw.get("preference_saved"),
            }
        )
        return request.render("property_notice.portal_my_notices", values)

    @http.route(["/my/notices/<int:notice_id>"], type="http", auth="user", website=True)
    def portal_my_notice(self, notice_id, report_type=None, download=False, **kw):
        notice = request.env["property.notice"].browse(_to_int(notice_id))
        notice_sudo = notice.sudo().exists()
        if not notice_sudo:
            return request.redirect("/my")
        try:
            notice.check_access("read")
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not notice_sudo.filtered_domain(notice_sudo._pcs_portal_domain()):
            # Not started yet, expired or withdrawn.
            return request.redirect("/my/notices")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=notice_sudo,
                report_type=report_type,
                report_ref="property_notice.action_report_property_notice",
                download=download,
            )
        notice_sudo._pcs_mark_read(request.env.user.partner_id)
        values = self._prepare_portal_layout_values()
        values.update({"notice": notice_sudo, "page_name": "property_notice"})
        return request.render("property_notice.portal_my_notice", values)

    @http.route(
        "/my/notices/preference",
        type="http",
        auth="user",
        methods=["POST"],
        csrf=True,
        website=True,
    )
    def portal_notice_preference(self, channel=None, **kw):
        """The owner chooses how notices reach them (their own contact only)."""
        if channel in dict(NOTICE_CHANNELS):
            request.env.user.partner_id.sudo().pcs_notice_channel = channel
            return request.redirect("/my/notices?preference_saved=1")
        return request.redirect("/my/notices")

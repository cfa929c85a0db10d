# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.auth_signup.controllers.main import AuthSignupHome


class PropertyLoginHome(AuthSignupHome):
    @http.route()
    def web_login(self, *args, **kw):
        """After a login, the portal speaks the user's language.

        The login page is rendered in the default language and leaves it in
        the ``frontend_lang`` cookie, which the portal (http_routing) prefers
        to the user's own language: an owner whose language is 中文 landed on
        an English ``/my``. The cookie follows the user who logged in.
        """
        response = super().web_login(*args, **kw)
        uid = request.session.uid
        if uid and request.httprequest.method == "POST":
            lang = request.env["res.users"].sudo().browse(uid).lang
            if lang and lang in request.env["res.lang"]._get_frontend():
                response.set_cookie("frontend_lang", lang)
        return response

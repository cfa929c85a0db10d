# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _match(cls, path):
        rule_args = super()._match(path)
        cls._pcs_user_lang_after_login(path)
        return rule_args

    @classmethod
    def _pcs_user_lang_after_login(cls, path):
        """The first portal page after logging in is in the user's language.

        Odoo picks a portal page's language from the URL, else the
        ``frontend_lang`` cookie, else the user's language. Any public page
        seen before logging in (the invitation's sign-up page, a password
        reset, a 404) leaves that cookie in the browser's language, so an
        owner whose language is 中文 landed on an English ``/my``. Once per
        login, the user's own language wins over such a cookie (not over a
        language chosen in the URL); the cookie is then rewritten to it, and
        a language the owner picks later is kept.
        """
        session = request.session
        uid = session.uid
        if not uid or not getattr(request, "is_frontend", False):
            return
        if session.get("pcs_lang_uid") == uid:
            return
        session["pcs_lang_uid"] = uid
        user_lang = (session.context or {}).get("lang")
        current = getattr(request, "lang", None)
        if not user_lang or not current or current.code == user_lang:
            return
        url_code = path.split("/")[1] if path.count("/") > 1 else ""
        if url_code and url_code == current.url_code:
            return  # a language chosen in the URL
        lang_code = request.env["ir.http"].get_nearest_lang(user_lang)
        if lang_code:
            request.lang = request.env["res.lang"]._get_data(code=lang_code)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _message_sms_with_template(
        self, template=False, template_xmlid=False, template_fallback="", **kwargs
    ):
        """Remember the Odoo SMS template on the SMS it writes, so that a
        Chinese gateway sends them as the registered template linked to it."""
        if not template and template_xmlid:
            template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if template:
            self = self.with_context(sms_cn_sms_template_id=template.id)
        return super()._message_sms_with_template(
            template=template,
            template_xmlid=template_xmlid,
            template_fallback=template_fallback,
            **kwargs,
        )

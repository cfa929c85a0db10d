# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SmsComposer(models.TransientModel):
    _inherit = "sms.composer"

    def _action_send_sms(self):
        """Remember the Odoo SMS template on the SMS written (every mode)."""
        if self.template_id:
            self = self.with_context(sms_cn_sms_template_id=self.template_id.id)
        return super()._action_send_sms()

    def _prepare_mass_sms_values(self, records):
        """Mass mode: each SMS is sent by the gateway of its document's
        company."""
        result = super()._prepare_mass_sms_values(records)
        companies = records._mail_get_companies(default=self.env.company)
        for record_id, values in result.items():
            values["sms_cn_company_id"] = companies[record_id].id
        return result

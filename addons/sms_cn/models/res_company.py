# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sms_cn_gateway_id = fields.Many2one(
        "sms.cn.gateway",
        string="Chinese SMS Gateway",
        compute="_compute_sms_cn_gateway_id",
        help="The gateway (test mode or enabled) that sends the company's SMS; "
        "without one, SMS go through Odoo's IAP service.",
    )

    def _compute_sms_cn_gateway_id(self):
        gateways = self.env["sms.cn.gateway"]._sms_cn_gateway_for_companies(self.ids)
        for company in self:
            company.sms_cn_gateway_id = gateways.get(company.id, False)

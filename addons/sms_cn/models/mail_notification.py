# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailNotification(models.Model):
    _inherit = "mail.notification"

    failure_type = fields.Selection(
        selection_add=[
            ("sms_cn_no_template", "No Registered Template"),
            ("sms_cn_template", "Template Rejected"),
            ("sms_cn_signature", "Signature Rejected"),
            ("sms_cn_limit", "Sending Limit Reached"),
        ]
    )

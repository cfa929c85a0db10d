# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

NOTICE_CHANNELS = [
    ("sms", "SMS"),
    ("email", "E-mail"),
    ("both", "SMS and E-mail"),
    ("portal", "Portal Only"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    pcs_notice_channel = fields.Selection(
        NOTICE_CHANNELS,
        string="Notices By",
        default="sms",
        required=True,
        help="How the owner receives the notices of the property company. "
        "Every notice also appears on the owner's portal.\n"
        "SMS: by SMS, by e-mail when no mobile number is known.\n"
        "E-mail: by e-mail, by SMS when no e-mail address is known.\n"
        "Portal Only: nothing is sent, except emergency notices, which go by "
        "SMS to every owner with a mobile number.",
    )

    def _pcs_notice_number(self):
        """The mobile number notices are sent to (the personal phone the
        front desk recorded, else the contact's mobile or phone)."""
        self.ensure_one()
        partner = self.sudo()
        return partner.pcs_phone or partner.mobile or partner.phone or False

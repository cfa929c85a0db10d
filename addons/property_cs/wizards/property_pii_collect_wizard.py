# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError

from ..models.property_consent import CONSENT_SCOPES
from ..models.res_partner import ID_TYPES

PERSONAL_DATA_GROUP = "property_cs.group_personal_data"


class PropertyPiiCollectWizard(models.TransientModel):
    """Record or correct an ID number / phone together with the consent."""

    _name = "property.pii.collect.wizard"
    _description = "Record Personal Data with Consent"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True)
    id_type = fields.Selection(ID_TYPES, string="ID Type", default="resident_id")
    id_number = fields.Char(string="ID Number", groups=PERSONAL_DATA_GROUP)
    phone = fields.Char(string="Personal Phone", groups=PERSONAL_DATA_GROUP)
    has_consent = fields.Boolean(related="partner_id.pcs_has_consent")
    scope = fields.Selection(CONSENT_SCOPES, default="identity", required=True)
    purpose = fields.Char(
        default=lambda self: self.env._(
            "Property management: owner file, billing and service"
        )
    )
    channel = fields.Selection(
        lambda self: self.env["property.consent"]._fields["channel"].selection,
        default="paper",
        required=True,
    )
    attachment = fields.Binary(string="Signed Form")
    attachment_name = fields.Char()

    def action_save(self):
        self.ensure_one()
        if not self.env.user.has_group(PERSONAL_DATA_GROUP):
            raise AccessError(
                self.env._("Only users with the Personal Data right record it.")
            )
        # The Personal Data right is what allows editing these two fields.
        self.partner_id.check_access("read")
        partner = self.partner_id.sudo()
        wizard = self.sudo()
        vals = {"pcs_id_type": self.id_type}
        if wizard.id_number:
            vals["pcs_id_number"] = wizard.id_number
        if wizard.phone:
            vals["pcs_phone"] = wizard.phone
        if not self.has_consent or self.attachment:
            consent = (
                self.env["property.consent"]
                .sudo()
                .create(
                    {
                        "partner_id": partner.id,
                        "scope": self.scope,
                        "purpose": self.purpose,
                        "channel": self.channel,
                        "company_id": (partner.company_id or self.env.company).id,
                    }
                )
            )
            if self.attachment:
                # Attached to the consent, not to the partner: only those who
                # may read consents see the signed form.
                consent.attachment_id = (
                    self.env["ir.attachment"]
                    .sudo()
                    .create(
                        {
                            "name": self.attachment_name or "consent",
                            "datas": self.attachment,
                            "res_model": "property.consent",
                            "res_id": consent.id,
                        }
                    )
                )
        partner.write(vals)
        # Do not keep the values in the wizard's table until the vacuum.
        wizard.write({"id_number": False, "phone": False})
        return {"type": "ir.actions.act_window_close"}

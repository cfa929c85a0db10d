# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.property_archive_access_log import PII_PURPOSES

PERSONAL_DATA_GROUP = "property_cs.group_personal_data"


def check_purpose(env, purpose, reason):
    if not env.user.has_group(PERSONAL_DATA_GROUP):
        raise AccessError(
            env._("Only users with the Personal Data right see full personal data.")
        )
    if not purpose or len((reason or "").strip()) < 4:
        raise UserError(env._("Choose a purpose and explain it in a few words."))


class PropertyPiiRevealWizard(models.TransientModel):
    """Show a full ID number or phone once a purpose is stated; the value is
    never stored in the wizard (computed from the partner on display)."""

    _name = "property.pii.reveal.wizard"
    _description = "Reveal Personal Data"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True)
    field = fields.Selection(
        [("id_number", "ID Number"), ("phone", "Personal Phone")],
        required=True,
        readonly=True,
        default="id_number",
    )
    purpose = fields.Selection(PII_PURPOSES)
    reason = fields.Text(string="Explanation")
    state = fields.Selection(
        [("draft", "Purpose"), ("revealed", "Revealed")],
        default="draft",
        readonly=True,
    )
    masked_value = fields.Char(compute="_compute_values", string="Masked")
    value = fields.Char(compute="_compute_values", string="Full Value")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop("state", None)  # revealed only by action_reveal (logged)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get("pcs_reveal_logged"):
            vals.pop("state", None)
            if {"partner_id", "field"} & set(vals) and any(
                w.state == "revealed" for w in self
            ):
                raise UserError(
                    self.env._("Start a new reveal for another person or value.")
                )
        return super().write(vals)

    @api.depends("state", "partner_id", "field")
    def _compute_values(self):
        allowed = self.env.user.has_group(PERSONAL_DATA_GROUP)
        for wizard in self:
            partner = wizard.partner_id.sudo()
            is_id = wizard.field == "id_number"
            wizard.masked_value = (
                partner.pcs_id_number_masked if is_id else partner.pcs_phone_masked
            )
            wizard.value = (
                (partner.pcs_id_number if is_id else partner.pcs_phone)
                if allowed and wizard.state == "revealed"
                else False
            )

    def action_reveal(self):
        self.ensure_one()
        if self.state == "revealed":
            return self._reopen()
        check_purpose(self.env, self.purpose, self.reason)
        self.partner_id.check_access("read")
        action = "reveal_id" if self.field == "id_number" else "reveal_phone"
        self.env["property.archive.access.log"]._pcs_log_partner(
            self.partner_id, action, self.purpose, self.reason
        )
        self.with_context(pcs_reveal_logged=True).state = "revealed"
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Personal Data"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

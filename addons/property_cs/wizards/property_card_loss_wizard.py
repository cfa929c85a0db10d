# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyCardLossWizard(models.TransientModel):
    """Loss report (挂失): identity check, deactivation, optional reissue."""

    _name = "property.card.loss.wizard"
    _description = "Card Loss Report"

    card_id = fields.Many2one("property.access.card", required=True)
    holder_id = fields.Many2one(related="card_id.holder_id")
    identity_checked = fields.Boolean(
        string="Identity Verified",
        help="The holder's (or owner's) ID document was checked at the desk.",
    )
    note = fields.Text(string="Circumstances")
    reissue = fields.Boolean(string="Reissue a New Card")
    new_number = fields.Char(string="New Card Number")

    def action_confirm(self):
        self.ensure_one()
        card = self.card_id
        if not self.identity_checked:
            raise UserError(self.env._("Verify the holder's identity first."))
        if card.state != "active":
            raise UserError(self.env._("Only an active card can be reported lost."))
        card._report_lost(self.note)
        card.message_post(
            body=self._pcs_in_company_lang().env._(
                "Card reported lost; identity verified."
            )
        )
        if not self.reissue:
            return {"type": "ir.actions.act_window_close"}
        if not self.new_number:
            raise UserError(self.env._("Enter the number of the new card."))
        new_card = card.create(card._prepare_reissue_values(self.new_number))
        new_card.action_activate()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.access.card",
            "res_id": new_card.id,
            "view_mode": "form",
            "target": "current",
        }

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyTicketUrgeWizard(models.TransientModel):
    """The front desk records an owner's urge (催单) by phone or in person."""

    _name = "property.ticket.urge.wizard"
    _description = "Record an Urge"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Request", required=True
    )
    partner_id = fields.Many2one("res.partner", string="Owner")
    channel = fields.Selection(
        [("phone", "Phone"), ("visit", "In Person")], required=True, default="phone"
    )
    note = fields.Text(string="What the Owner Said")

    def action_confirm(self):
        self.ensure_one()
        # As the user: a request outside their projects is refused here.
        self.ticket_id.check_access("write")
        self.ticket_id._pcs_urge(
            self.channel, partner=self.partner_id, note=self.note or None
        )
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyHandoverDefect(models.Model):
    _inherit = "property.handover.defect"

    rectification_id = fields.Many2one(
        "property.rectification", readonly=True, copy=False
    )

    def action_create_rectification(self):
        Rectification = self.env["property.rectification"]
        Ticket = self.env["helpdesk.ticket"]
        for defect in self.filtered(lambda d: not d.rectification_id):
            handover = defect.handover_id
            ticket = Ticket.create(
                {
                    "name": defect.name,
                    "description": f"{defect.location}: {defect.name}",
                    "pcs_unit_id": handover.unit_id.id,
                    "partner_id": handover.partner_id.id,
                    "pcs_category": "warranty_defect",
                    "pcs_channel": "internal",
                }
            )
            defect.rectification_id = Rectification.create(
                {
                    "unit_id": handover.unit_id.id,
                    "partner_id": handover.partner_id.id,
                    "ticket_id": ticket.id,
                    "defect_id": defect.id,
                    "description": f"{defect.location}: {defect.name}",
                }
            )
        return True

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyHandoverDefect(models.Model):
    """A defect found at the joint inspection (楼宇遗漏记录)."""

    _name = "property.handover.defect"
    _description = "Handover Defect"
    _order = "id"

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    location = fields.Char(required=True, help="Room or part, e.g. kitchen.")
    name = fields.Char(string="Defect", required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_handover_defect_attachment_rel",
        "defect_id",
        "attachment_id",
        string="Photos",
    )
    rectification_id = fields.Many2one(
        "property.rectification", readonly=True, copy=False
    )

    def action_create_rectification(self):
        """A rectification sheet and its service request for each defect
        (once)."""
        Rectification = self.env["property.rectification"]
        Request = self.env["property.request.mixin"]
        for defect in self.filtered(lambda d: not d.rectification_id):
            handover = defect.handover_id
            ticket = Request._property_create_request(
                {
                    "name": defect.name,
                    "description": f"{defect.location}: {defect.name}",
                    "unit_id": handover.unit_id.id,
                    "partner_id": handover.partner_id.id,
                    "pcs_category": "warranty_defect",
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

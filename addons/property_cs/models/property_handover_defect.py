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

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyHandoverItem(models.Model):
    _name = "property.handover.item"
    _description = "Handover Checklist Line"
    _order = "sequence, id"

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    type_id = fields.Many2one(
        "property.handover.item.type", string="Item", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="type_id.sequence", store=True)
    stage = fields.Selection(related="type_id.stage", store=True)
    mandatory = fields.Boolean(related="type_id.mandatory")
    requires_attachment = fields.Boolean(related="type_id.requires_attachment")
    done = fields.Boolean()
    done_by_id = fields.Many2one("res.users", string="Checked By", readonly=True)
    date_done = fields.Datetime(string="Checked On", readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_handover_item_attachment_rel",
        "item_id",
        "attachment_id",
        string="Files",
    )
    note = fields.Char()
    is_missing = fields.Boolean(compute="_compute_is_missing")

    @api.depends("done", "attachment_ids", "type_id")
    def _compute_is_missing(self):
        for item in self:
            item.is_missing = item.mandatory and (
                not item.done or (item.requires_attachment and not item.attachment_ids)
            )

    def write(self, vals):
        if "done" in vals:
            vals.update(
                done_by_id=self.env.uid if vals["done"] else False,
                date_done=fields.Datetime.now() if vals["done"] else False,
            )
        return super().write(vals)

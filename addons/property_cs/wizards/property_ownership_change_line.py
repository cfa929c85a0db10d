# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyOwnershipChangeLine(models.TransientModel):
    _name = "property.ownership.change.line"
    _description = "Ownership Change: New Owner"

    wizard_id = fields.Many2one(
        "property.ownership.change.wizard", required=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="New Owner", required=True)
    share = fields.Float(string="Share (%)", digits=(5, 2), default=100.0)

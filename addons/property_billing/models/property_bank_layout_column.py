# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .property_bank_layout import EXPORT_FIELDS


class PropertyBankLayoutColumn(models.Model):
    _name = "property.bank.layout.column"
    _description = "Bank Auto-Debit File Column"
    _order = "layout_id, sequence, id"

    layout_id = fields.Many2one(
        "property.bank.layout", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    field_key = fields.Selection(EXPORT_FIELDS, string="Value", required=True)
    header = fields.Char(required=True, help="Column title in the exported file.")

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    property_debit_mandate_ids = fields.One2many(
        "property.debit.mandate", "unit_id", string="Auto-Debit Mandates"
    )

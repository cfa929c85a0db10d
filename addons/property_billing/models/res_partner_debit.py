# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_debit_mandate_ids = fields.One2many(
        "property.debit.mandate", "partner_id", string="Auto-Debit Mandates"
    )

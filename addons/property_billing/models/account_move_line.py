# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    pcs_meter_reading_id = fields.Many2one(
        "property.meter.reading",
        string="Property Meter Reading",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    property_debit_line_ids = fields.Many2many(
        "property.debit.batch.line",
        "property_debit_line_invoice_rel",
        "move_id",
        "line_id",
        string="Auto-Debit Lines",
        readonly=True,
        copy=False,
    )

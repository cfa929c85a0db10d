# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountPayment(models.Model):
    _inherit = "account.payment"

    property_prepayment = fields.Boolean(
        copy=False,
        help="Paid in advance (预收款): applied automatically to the owner's "
        "next property invoices when they are posted.",
    )
    property_prepayment_unit_id = fields.Many2one(
        "property.unit",
        string="Prepayment for Unit",
        index="btree_not_null",
        copy=False,
        help="When set, the prepayment is only applied to invoices of this unit.",
    )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

BILLING_KINDS = [
    ("fee", "Periodic Fees"),
    ("late_fee", "Late Fees"),
    ("one_off", "One-off Fee"),
    ("deposit", "Deposit"),
    ("deposit_refund", "Deposit Refund"),
]


class AccountMove(models.Model):
    _inherit = "account.move"

    property_unit_id = fields.Many2one(
        "property.unit", string="Unit", index="btree_not_null", copy=False
    )
    property_project_id = fields.Many2one(
        "property.project", string="Project", index="btree_not_null", copy=False
    )
    property_building_id = fields.Many2one(
        "property.building", string="Building", copy=False
    )
    property_period = fields.Date(
        string="Billing Period",
        copy=False,
        help="First day of the month the fees are billed for.",
    )
    property_billing_kind = fields.Selection(BILLING_KINDS, copy=False)
    property_late_fee_closed = fields.Boolean(
        copy=False,
        help="Technical: no more late fee can accrue on this invoice (paid in full "
        "and accrued up to the payment).",
    )

    def init(self):
        res = super().init()
        # One periodic invoice per unit, period and billed partner: guaranteed by
        # the database so that concurrent or repeated billing runs cannot bill
        # twice.  Cancelled invoices do not count, so a cancelled invoice can be
        # billed again.
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS account_move_property_period_uniq
                    ON account_move (property_unit_id, property_period, partner_id)
                 WHERE property_billing_kind = 'fee' AND state != 'cancel'
                """
            )
        )
        return res

    def _get_invoice_computed_reference(self):
        reference = super()._get_invoice_computed_reference()
        if self.property_unit_id and reference:
            # The unit code next to the invoice number: bank lines carry both.
            return f"{reference} {self.property_unit_id.code}"
        return reference

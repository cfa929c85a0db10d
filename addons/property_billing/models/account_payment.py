# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL


class AccountPayment(models.Model):
    _inherit = "account.payment"

    pcs_prepayment = fields.Boolean(
        string="Property Prepayment",
        copy=False,
        help="Paid in advance (预收款): applied automatically to the owner's "
        "next property invoices when they are posted.",
    )
    pcs_prepayment_unit_id = fields.Many2one(
        "property.unit",
        string="Prepayment for Unit",
        index="btree_not_null",
        copy=False,
        help="When set, the prepayment is only applied to invoices of this unit.",
    )

    @api.model
    def _pcs_prepayment_balances(self, group_by, ids):
        """Open (not yet applied) prepayment amounts, summed per unit
        (``group_by="unit"``) or per partner (``"partner"``): one query for
        the whole recordset."""
        if not ids:
            return {}
        key, restrict = {
            "unit": (
                SQL("p.pcs_prepayment_unit_id"),
                SQL("p.pcs_prepayment_unit_id = ANY(%s)", ids),
            ),
            "partner": (
                SQL("aml.partner_id"),
                SQL(
                    "aml.partner_id = ANY(%s) AND aml.company_id = ANY(%s)",
                    ids,
                    self.env.companies.ids,
                ),
            ),
        }[group_by]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT %s, -SUM(aml.amount_residual)
                  FROM account_payment p
                  JOIN account_move_line aml ON aml.move_id = p.move_id
                  JOIN account_account acc ON acc.id = aml.account_id
                 WHERE p.pcs_prepayment
                   AND %s
                   AND acc.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND NOT aml.reconciled
                 GROUP BY 1
                """,
                key,
                restrict,
            )
        )
        return dict(self.env.cr.fetchall())

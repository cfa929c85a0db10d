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

    pcs_unit_id = fields.Many2one(
        "property.unit", string="Unit", index="btree_not_null", copy=False
    )
    pcs_project_id = fields.Many2one(
        "property.project", string="Project", index="btree_not_null", copy=False
    )
    pcs_building_id = fields.Many2one(
        "property.building", string="Building", copy=False
    )
    pcs_period = fields.Date(
        string="Billing Period",
        copy=False,
        help="First day of the month the fees are billed for.",
    )
    pcs_billing_kind = fields.Selection(
        BILLING_KINDS, string="Property Billing Kind", copy=False
    )
    pcs_late_fee_closed = fields.Boolean(
        string="Property Late Fee Closed",
        copy=False,
        help="Technical: no more late fee can accrue on this invoice (paid in full "
        "and accrued up to the payment).",
    )
    pcs_dispatch_order_id = fields.Many2one(
        "property.dispatch.order",
        string="Paid Repair",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    pcs_debit_line_ids = fields.Many2many(
        "property.debit.batch.line",
        "property_debit_line_invoice_rel",
        "move_id",
        "line_id",
        string="Auto-Debit Lines",
        readonly=True,
        copy=False,
    )

    # Partial unique indexes created in init(): declared here so that a
    # violation reaches the user as this message, in their language.
    _sql_constraints = [
        (
            "pcs_period_uniq",
            "",
            "This unit is already billed for this period: one periodic invoice "
            "per unit, period and owner (cancel that invoice to bill it again).",
        ),
        (
            "pcs_repair_uniq",
            "",
            "This paid repair is already invoiced (cancel its invoice to invoice "
            "it again).",
        ),
    ]

    def init(self):
        res = super().init()
        # One periodic invoice per unit, period and billed partner: guaranteed by
        # the database so that concurrent or repeated billing runs cannot bill
        # twice.  Cancelled invoices do not count, so a cancelled invoice can be
        # billed again.
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS account_move_pcs_period_uniq
                    ON account_move (pcs_unit_id, pcs_period, partner_id)
                 WHERE pcs_billing_kind = 'fee' AND state != 'cancel'
                """
            )
        )
        # Where a billing run resumes: the last unit billed for a project and
        # period is one backward index scan (keyset walk of the units).
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS account_move_pcs_project_period_idx
                    ON account_move (pcs_project_id, pcs_period, pcs_unit_id)
                 WHERE pcs_billing_kind = 'fee' AND state != 'cancel'
                """
            )
        )
        # A paid repair is invoiced once: guaranteed by the database.
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS account_move_pcs_repair_uniq
                    ON account_move (pcs_dispatch_order_id)
                 WHERE pcs_dispatch_order_id IS NOT NULL AND state != 'cancel'
                """
            )
        )
        return res

    def _get_invoice_computed_reference(self):
        reference = super()._get_invoice_computed_reference()
        if self.pcs_unit_id and reference:
            # The unit code next to the invoice number: bank lines carry both.
            return f"{reference} {self.pcs_unit_id.code}"
        return reference

    # ------------------------------------------------------------------
    # Prepayments applied on posting
    # ------------------------------------------------------------------
    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        if not self.env.context.get("property_skip_prepayment"):
            posted._pcs_apply_prepayments()
        return posted

    def _pcs_prepayment_credit_lines(self, partners):
        """Outstanding credits of property prepayments of ``partners``: one
        query for a whole batch of invoices."""
        self.env["account.move.line"].flush_model(
            [
                "partner_id",
                "account_id",
                "amount_residual",
                "reconciled",
                "parent_state",
            ]
        )
        self.env["account.payment"].flush_model(
            ["move_id", "pcs_prepayment", "pcs_prepayment_unit_id"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT aml.id, p.pcs_prepayment_unit_id
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN account_payment p ON p.move_id = aml.move_id
                 WHERE p.pcs_prepayment
                   AND aml.partner_id = ANY(%s)
                   AND acc.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND NOT aml.reconciled
                   AND aml.amount_residual < 0
                 ORDER BY aml.date, aml.id
                """,
                partners.ids,
            )
        )
        return self.env.cr.fetchall()

    def _pcs_apply_prepayments(self):
        """Reconcile new property invoices with the outstanding prepayment
        credits of their partners (oldest credit first, oldest invoice first),
        as Odoo's "outstanding credits" widget does.

        The invoices whose credits no older invoice of the batch could use are
        reconciled together in one ``_reconcile_plan`` (what ``reconcile()``
        does for one group, done once for the whole batch); an invoice that
        shares a credit with an older one is reconciled after it, in turn, with
        what the older one left."""
        invoices = self.filtered(
            lambda m: m.move_type == "out_invoice"
            and m.pcs_unit_id
            and m.state == "posted"
        )
        if not invoices:
            return
        rows = self._pcs_prepayment_credit_lines(invoices.commercial_partner_id)
        if not rows:
            return
        credits = self.env["account.move.line"].sudo().browse([r[0] for r in rows])
        unit_of_credit = {row[0]: row[1] for row in rows}

        def group(invoice):
            """The invoice's open receivable and the credits it may use now."""
            receivable = invoice.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable"
                and not line.reconciled
            )
            usable = credits.filtered(
                lambda line: receivable
                and not line.reconciled
                and line.partner_id == invoice.commercial_partner_id
                and line.account_id == receivable[0].account_id
                and unit_of_credit[line.id] in (False, None, invoice.pcs_unit_id.id)
            )
            return receivable, usable

        plans, in_turn, claimed = [], [], set()
        for invoice in invoices.sorted(lambda m: (m.invoice_date or m.date, m.id)):
            receivable, usable = group(invoice)
            if not usable:
                continue
            if claimed.isdisjoint(usable.ids):
                plans.append(receivable | usable)
            else:
                in_turn.append(invoice)
            claimed.update(usable.ids)
        if plans:
            self.env["account.move.line"]._reconcile_plan(plans)
        for invoice in in_turn:
            receivable, usable = group(invoice)
            if usable:
                (receivable | usable).reconcile()

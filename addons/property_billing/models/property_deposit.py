# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

DEPOSIT_KINDS = [
    ("renovation", "Renovation Deposit"),
    ("decoration", "Decoration Deposit"),
    ("key", "Key Deposit"),
    ("other", "Other Deposit"),
]
DEPOSIT_STATES = [
    ("draft", "Draft"),
    ("invoiced", "Invoiced"),
    ("held", "Held"),
    ("refund_requested", "Refund Requested"),
    ("refunded", "Refunded"),
    ("cancelled", "Cancelled"),
]
PAID_STATES = ("paid", "in_payment")


class PropertyDeposit(models.Model):
    """A deposit collected from a partner and held as a liability until refunded.

    Collected by an invoice on the deposit product (credited to a current
    liability account); refunded by a credit note whose deduction lines are
    income and whose remainder is paid back by an outbound payment.
    """

    _name = "property.deposit"
    _inherit = ["property.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _description = "Deposit"
    _order = "id desc"
    _check_company_auto = True
    _pcs_sequence_code = "property.deposit"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    kind = fields.Selection(
        DEPOSIT_KINDS, required=True, default="other", tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Paid By", required=True, tracking=True, index=True
    )
    unit_id = fields.Many2one("property.unit", index="btree_not_null", tracking=True)
    project_id = fields.Many2one(
        "property.project",
        compute="_compute_project_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        required=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    origin = fields.Char(
        string="Source Document", help="The document the deposit secures."
    )
    # indexed: posting or paying any invoice recomputes the deposits that
    # point to it (a lookup by invoice)
    invoice_id = fields.Many2one(
        "account.move",
        string="Deposit Invoice",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    invoice_payment_state = fields.Selection(
        related="invoice_id.payment_state", string="Invoice Payment"
    )
    deduction_amount = fields.Monetary(
        string="Deductions",
        tracking=True,
        help="Kept as income when the deposit is refunded.",
    )
    deduction_note = fields.Text(string="Reason for Deductions")
    refund_amount = fields.Monetary(
        string="Amount to Refund", compute="_compute_refund_amount", store=True
    )
    refund_requested = fields.Boolean(readonly=True, copy=False)
    refund_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    refund_move_id = fields.Many2one(
        "account.move",
        string="Refund Credit Note",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    refund_payment_id = fields.Many2one("account.payment", readonly=True, copy=False)
    cancelled = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        DEPOSIT_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A deposit amount is positive."),
        (
            "deduction_range",
            "CHECK(deduction_amount >= 0 AND deduction_amount <= amount)",
            "Deductions are between zero and the deposit amount.",
        ),
    ]

    @api.depends("unit_id")
    def _compute_project_id(self):
        for deposit in self:
            if deposit.unit_id:
                deposit.project_id = deposit.unit_id.project_id

    @api.depends("amount", "deduction_amount")
    def _compute_refund_amount(self):
        for deposit in self:
            deposit.refund_amount = deposit.amount - deposit.deduction_amount

    @api.depends(
        "cancelled",
        "invoice_id.state",
        "invoice_id.payment_state",
        "refund_requested",
        "refund_move_id.state",
    )
    def _compute_state(self):
        for deposit in self:
            if deposit.cancelled:
                deposit.state = "cancelled"
            elif deposit.refund_move_id.state == "posted":
                deposit.state = "refunded"
            elif deposit.refund_requested:
                deposit.state = "refund_requested"
            elif (
                deposit.invoice_id.state == "posted"
                and deposit.invoice_id.payment_state in PAID_STATES
            ):
                deposit.state = "held"
            elif deposit.invoice_id and deposit.invoice_id.state != "cancel":
                deposit.state = "invoiced"
            else:
                deposit.state = "draft"

    @api.constrains("deduction_amount", "amount")
    def _check_deduction_amount(self):
        for deposit in self:
            if (
                deposit.deduction_amount < 0
                or deposit.deduction_amount > deposit.amount
            ):
                raise ValidationError(
                    self.env._("Deductions cannot exceed the deposit amount.")
                )

    # ------------------------------------------------------------------
    # Accounting helpers
    # ------------------------------------------------------------------
    def _deposit_journal(self):
        return self.company_id._pcs_fee_journal()

    def _prepare_invoice_values(self):
        self.ensure_one()
        product = self.env.ref("property_billing.product_deposit")
        account = self.company_id._pcs_deposit_account()
        return {
            "move_type": "out_invoice",
            "company_id": self.company_id.id,
            "journal_id": self._deposit_journal().id,
            "partner_id": self.partner_id.id,
            "invoice_date": fields.Date.context_today(self),
            "invoice_origin": self.origin or self.name,
            "pcs_unit_id": self.unit_id.id,
            "pcs_project_id": self.project_id.id,
            "pcs_building_id": self.unit_id.building_id.id,
            "pcs_billing_kind": "deposit",
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": self.env._(
                            "%(kind)s %(name)s",
                            kind=dict(
                                self._fields["kind"]._description_selection(self.env)
                            )[self.kind],
                            name=self.name,
                        ),
                        "quantity": 1.0,
                        "price_unit": self.amount,
                        "account_id": account.id,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    def _prepare_refund_values(self):
        self.ensure_one()
        deposit_product = self.env.ref("property_billing.product_deposit")
        deduction_product = self.env.ref("property_billing.product_deposit_deduction")
        account = self.company_id._pcs_deposit_account()
        lines = [
            Command.create(
                {
                    "product_id": deposit_product.id,
                    "name": self.env._("Refund of deposit %(name)s", name=self.name),
                    "quantity": 1.0,
                    "price_unit": self.amount,
                    "account_id": account.id,
                    "tax_ids": [Command.clear()],
                }
            )
        ]
        if self.deduction_amount:
            lines.append(
                Command.create(
                    {
                        "product_id": deduction_product.id,
                        "name": self.deduction_note
                        or self.env._(
                            "Deductions from deposit %(name)s", name=self.name
                        ),
                        "quantity": 1.0,
                        "price_unit": -self.deduction_amount,
                        "tax_ids": [Command.clear()],
                    }
                )
            )
        return {
            "move_type": "out_refund",
            "company_id": self.company_id.id,
            "journal_id": self._deposit_journal().id,
            "partner_id": self.partner_id.id,
            "invoice_date": fields.Date.context_today(self),
            "invoice_origin": self.name,
            "reversed_entry_id": self.invoice_id.id,
            "pcs_unit_id": self.unit_id.id,
            "pcs_project_id": self.project_id.id,
            "pcs_building_id": self.unit_id.building_id.id,
            "pcs_billing_kind": "deposit_refund",
            "invoice_line_ids": lines,
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_invoice(self):
        """Invoice the deposit (posted) to the partner."""
        for deposit in self:
            if deposit.state != "draft":
                raise UserError(
                    self.env._(
                        "Deposit %(name)s is already invoiced.", name=deposit.name
                    )
                )
            move = (
                self.env["account.move"]
                .sudo()
                .with_company(deposit.company_id)
                .create(deposit._prepare_invoice_values())
            )
            # Prepaid property fees are not spent on a deposit.
            move.with_context(property_skip_prepayment=True).action_post()
            deposit.sudo().invoice_id = move
        return True

    def action_request_refund(self):
        for deposit in self:
            if deposit.state != "held":
                raise UserError(
                    self.env._(
                        "Only a paid deposit can be refunded (%(name)s).",
                        name=deposit.name,
                    )
                )
            deposit.refund_requested = True
            director = deposit.project_id.manager_id
            if director:
                # The director reads it: in the director's language.
                deposit.activity_schedule(
                    "property_billing.mail_activity_deposit_refund",
                    user_id=director.id,
                    summary=deposit.with_context(
                        lang=director.lang or deposit._pcs_lang()
                    ).env._("Approve the deposit refund"),
                )
        return True

    def action_approve_refund(self):
        """Director's approval: post the credit note and pay the remainder back."""
        if not self.env.user.has_group("property_cs.group_director"):
            raise UserError(self.env._("Only a director approves deposit refunds."))
        for deposit in self:
            if deposit.state != "refund_requested":
                raise UserError(
                    self.env._(
                        "Deposit %(name)s has no refund request to approve.",
                        name=deposit.name,
                    )
                )
            deposit._refund_post()
            deposit.activity_feedback(["property_billing.mail_activity_deposit_refund"])
        return True

    def _refund_post(self):
        self.ensure_one()
        Move = self.env["account.move"].sudo().with_company(self.company_id)
        refund = Move.create(self._prepare_refund_values())
        refund.action_post()
        vals = {"refund_move_id": refund.id, "refund_approved_by_id": self.env.uid}
        if self.refund_amount:
            payments = (
                self.env["account.payment.register"]
                .sudo()
                .with_company(self.company_id)
                .with_context(active_model="account.move", active_ids=refund.ids)
                .create({"payment_date": fields.Date.context_today(self)})
                ._create_payments()
            )
            vals["refund_payment_id"] = payments[:1].id
        # The deposit line of the invoice and of the credit note offset each
        # other on the liability account.
        self.sudo().write(vals)
        return refund

    def action_cancel(self):
        for deposit in self:
            if deposit.state not in ("draft", "invoiced"):
                raise UserError(
                    self.env._("A paid deposit is refunded, not cancelled.")
                )
            if deposit.invoice_id.state == "posted":
                deposit.invoice_id.sudo().button_cancel()
            deposit.cancelled = True
        return True

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", (self.invoice_id | self.refund_move_id).ids)]
        action["context"] = {"create": False}
        return action

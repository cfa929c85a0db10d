# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyPrepaymentWizard(models.TransientModel):
    """Register a prepayment (预收款) of an owner, optionally for one unit."""

    _name = "property.prepayment.wizard"
    _description = "Register Property Prepayment"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_id = fields.Many2one(
        "property.unit", domain="[('company_id', '=', company_id)]"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        required=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
    )
    amount = fields.Monetary(required=True)
    journal_id = fields.Many2one(
        "account.journal",
        required=True,
        domain="[('company_id', '=', company_id), ('type', 'in', ('bank', 'cash'))]",
        default=lambda self: self.env["account.journal"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("type", "in", ("bank", "cash")),
            ],
            limit=1,
        ),
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    memo = fields.Char()

    @api.depends("unit_id")
    def _compute_partner_id(self):
        for wizard in self:
            wizard.partner_id = wizard.unit_id.billing_partner_id or wizard.partner_id

    def _prepare_payment_values(self):
        self.ensure_one()
        memo = self.memo or self.env._(
            "Prepayment %(unit)s", unit=self.unit_id.code or self.partner_id.name
        )
        return {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": self.partner_id.id,
            "amount": self.amount,
            "currency_id": self.currency_id.id,
            "journal_id": self.journal_id.id,
            "company_id": self.company_id.id,
            "date": self.date,
            "memo": memo,
            "pcs_prepayment": True,
            "pcs_prepayment_unit_id": self.unit_id.id,
        }

    def action_register(self):
        self.ensure_one()
        if self.currency_id.compare_amounts(self.amount, 0.0) <= 0:
            raise UserError(self.env._("The prepayment must be a positive amount."))
        payment = (
            self.env["account.payment"]
            .with_company(self.company_id)
            .create(self._prepare_payment_values())
        )
        payment.action_post()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "view_mode": "form",
            "res_id": payment.id,
        }

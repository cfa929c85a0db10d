# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class PropertyDebitBatchLine(models.Model):
    _name = "property.debit.batch.line"
    _description = "Bank Auto-Debit Batch Line"
    _order = "batch_id desc, sequence, id"
    _check_company_auto = True
    _rec_name = "reference"

    batch_id = fields.Many2one(
        "property.debit.batch", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    reference = fields.Char(required=True, readonly=True, copy=False, index=True)
    mandate_id = fields.Many2one(
        "property.debit.mandate", required=True, ondelete="restrict", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Owner", required=True)
    unit_id = fields.Many2one("property.unit", required=True, index=True)
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    company_id = fields.Many2one(
        related="batch_id.company_id", store=True, index=True, precompute=True
    )
    acc_number_masked = fields.Char(related="mandate_id.acc_number_masked")
    invoice_ids = fields.Many2many(
        "account.move",
        "property_debit_line_invoice_rel",
        "line_id",
        "move_id",
        string="Invoices",
        readonly=True,
        copy=False,
        help="Invoices collected by this line; an invoice is on one open or paid "
        "line at most (unique in the database).",
    )
    failed_invoice_ids = fields.Many2many(
        "account.move",
        "property_debit_line_failed_invoice_rel",
        "line_id",
        "move_id",
        string="Invoices Not Collected",
        readonly=True,
        copy=False,
    )
    currency_id = fields.Many2one(related="batch_id.currency_id")
    amount = fields.Monetary(required=True, readonly=True)
    state = fields.Selection(
        [("open", "Sent to Bank"), ("paid", "Debited"), ("failed", "Failed")],
        default="open",
        required=True,
        readonly=True,
        index=True,
    )
    payment_id = fields.Many2one("account.payment", readonly=True, copy=False)
    date_result = fields.Date(string="Debit Date", readonly=True, copy=False)
    failure_reason = fields.Char(readonly=True, copy=False)

    _sql_constraints = [
        ("reference_uniq", "UNIQUE (reference)", "A debit reference must be unique."),
    ]

    def init(self):
        # One open (or paid) batch line per invoice: the weekly export cannot
        # send an invoice twice, even when two exports run at the same time.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS "
            "property_debit_line_invoice_rel_move_uniq "
            "ON property_debit_line_invoice_rel (move_id)"
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # The relation insert skips a conflicting row silently (ON CONFLICT DO
        # NOTHING): re-read what the unique index let through.
        requested = {line: line.invoice_ids for line in lines}
        self.env.flush_all()
        lines.invalidate_recordset(["invoice_ids"])
        for line in lines:
            if line.invoice_ids != requested[line]:
                raise ValidationError(
                    self.env._(
                        "Invoice %s is already on an open or paid auto-debit line.",
                        ", ".join((requested[line] - line.invoice_ids).mapped("name")),
                    )
                )
        return lines

    # ------------------------------------------------------------------
    # Results
    # ------------------------------------------------------------------
    def _register_success(self, date, journal):
        self.ensure_one()
        invoices = self.invoice_ids.filtered(
            lambda m: m.state == "posted" and m.payment_state in ("not_paid", "partial")
        )
        if invoices:
            register = (
                self.env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=invoices.ids)
                .create(
                    {
                        "journal_id": journal.id,
                        "payment_date": date,
                        "amount": self.amount,
                        "group_payment": True,
                        "communication": self.reference,
                        "payment_difference_handling": "open",
                    }
                )
            )
            payment = register._create_payments()
        else:
            # Paid meanwhile (e.g. at the front desk): keep the money as an
            # outstanding credit of the owner.
            payment = self.env["account.payment"].create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": self.partner_id.id,
                    "amount": self.amount,
                    "date": date,
                    "journal_id": journal.id,
                    "memo": self.reference,
                }
            )
            payment.action_post()
        self.write({"state": "paid", "payment_id": payment.id, "date_result": date})
        return payment

    def _register_failure(self, date, reason):
        self.ensure_one()
        self.write(
            {
                "state": "failed",
                "date_result": date,
                "failure_reason": reason,
                "failed_invoice_ids": [Command.set(self.invoice_ids.ids)],
                # Released for the next weekly export.
                "invoice_ids": [Command.clear()],
            }
        )
        building = self.unit_id.building_id
        user = (
            building.zone_manager_id
            or self.unit_id.project_id.manager_id
            or self.env.user
        )
        # The zone manager reads it: in the zone manager's language.
        line = self.with_context(lang=user.lang or self._pcs_lang())
        return self.mandate_id.activity_schedule(
            "property_billing.mail_activity_debit_failure",
            date_deadline=fields.Date.context_today(self),
            user_id=user.id,
            summary=line.env._("Auto-debit failed: %s", reason or "-"),
            note=line.env._(
                "Unit %(unit)s, %(owner)s: the bank did not debit %(amount)s "
                "(%(reference)s). Reason: %(reason)s",
                unit=self.unit_id.code,
                owner=self.partner_id.name,
                amount=format(self.amount, ".2f"),
                reference=self.reference,
                reason=reason or "-",
            ),
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    billing_partner_mode = fields.Selection(
        [("owner", "Owner"), ("tenant", "Tenant")],
        string="Bill To",
        default="owner",
        required=True,
        tracking=True,
        help="The owner may ask that the fees be billed to the tenant.",
    )
    billing_tenant_id = fields.Many2one(
        "res.partner", string="Billed Tenant", tracking=True
    )
    billing_partner_id = fields.Many2one(
        "res.partner",
        string="Billed Partner",
        compute="_compute_billing_partner_id",
        store=True,
        index="btree_not_null",
    )
    billing_date_start = fields.Date(
        string="Billing Starts",
        compute="_compute_billing_date_start",
        store=True,
        readonly=False,
        tracking=True,
        help="Fees are billed from this date (the handover date by default); a "
        "first period starting later is prorated by days.",
    )
    billed_period = fields.Date(
        string="Last Billed Period",
        readonly=True,
        copy=False,
        help="First day of the last month the billing run billed this unit for.",
    )
    property_invoice_ids = fields.One2many(
        "account.move", "pcs_unit_id", string="Fee Invoices"
    )
    property_invoice_count = fields.Integer(compute="_compute_property_invoice_count")
    meter_reading_ids = fields.One2many("property.meter.reading", "unit_id")
    property_debit_mandate_ids = fields.One2many(
        "property.debit.mandate", "unit_id", string="Auto-Debit Mandates"
    )
    property_prepayment_balance = fields.Monetary(
        string="Prepayment Balance",
        compute="_compute_property_prepayment_balance",
        currency_field="property_currency_id",
        help="Prepayments (预收款) received for this unit and not applied yet.",
    )
    property_currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends(
        "billing_partner_mode",
        "billing_tenant_id",
        "archive_id.ownership_ids.partner_id",
        "archive_id.ownership_ids.date_end",
        "archive_id.ownership_ids.is_household_head",
    )
    def _compute_billing_partner_id(self):
        for unit in self:
            if unit.billing_partner_mode == "tenant" and unit.billing_tenant_id:
                unit.billing_partner_id = unit.billing_tenant_id
                continue
            owners = unit.archive_id.ownership_ids.filtered(lambda o: not o.date_end)
            head = owners.filtered("is_household_head")[:1] or owners[:1]
            unit.billing_partner_id = head.partner_id

    @api.depends("handover_ids.state", "handover_ids.date")
    def _compute_billing_date_start(self):
        for unit in self:
            done = unit.handover_ids.filtered(lambda h: h.state == "done")
            if done:
                unit.billing_date_start = min(done.mapped("date"))
            elif not unit.billing_date_start:
                unit.billing_date_start = False

    def _compute_property_invoice_count(self):
        counts = dict(
            self.env["account.move"]._read_group(
                [("pcs_unit_id", "in", self.ids)],
                ["pcs_unit_id"],
                ["__count"],
            )
        )
        for unit in self:
            unit.property_invoice_count = counts.get(unit, 0)

    def _compute_property_prepayment_balance(self):
        balances = self.env["account.payment"]._pcs_prepayment_balances(
            "unit", self.ids
        )
        for unit in self:
            unit.property_prepayment_balance = balances.get(unit.id, 0.0)

    def action_view_property_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("pcs_unit_id", "=", self.id)]
        action["context"] = {"default_pcs_unit_id": self.id, "create": False}
        return action

    def action_property_prepayment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_prepayment_wizard_action"
        )
        action["context"] = {
            "default_unit_id": self.id,
            "default_partner_id": self.billing_partner_id.id,
        }
        return action

    # ------------------------------------------------------------------
    # Statement (对账单)
    # ------------------------------------------------------------------
    def _pcs_statement(self, today=None):
        """Figures of the unit's statement for its billed partner.

        The statement covers the latest billed period: its charges (the lines
        of that period's invoices), the payments received since the previous
        statement (the issue date of the previous period's invoices), the
        previous balance and the amount due now, so that
        ``previous balance + charges - payments = amount due``. Amounts
        include VAT, as owners are told (含税价).
        """
        self.ensure_one()
        today = today or fields.Date.context_today(self)
        partner = self.billing_partner_id.commercial_partner_id
        moves = self.property_invoice_ids.filtered(
            lambda m: m.state == "posted"
            and m.move_type == "out_invoice"
            and m.commercial_partner_id == partner
        )
        periods = sorted({m.pcs_period for m in moves if m.pcs_period})
        period = periods[-1] if periods else False
        current = moves.filtered(lambda m: m.pcs_period == period) if period else moves
        earlier = moves - current
        since = max(earlier.mapped("invoice_date"), default=False)
        payments = []
        for move in moves:
            for partial in move.sudo()._get_all_reconciled_invoice_partials():
                line = partial["aml"]
                if partial.get("is_exchange") or (since and line.date <= since):
                    continue
                payments.append(
                    {
                        "date": line.date,
                        "ref": line.move_id.name,
                        "invoice": move.name,
                        "amount": partial["amount"],
                    }
                )
        payments.sort(key=lambda p: (p["date"], p["ref"]))
        charges = sum(current.mapped("amount_total"))
        paid = sum(p["amount"] for p in payments)
        due = sum(moves.mapped("amount_residual"))
        open_moves = moves.filtered(
            lambda m: m.payment_state in ("not_paid", "partial")
        )
        return {
            "date": today,
            "partner": self.billing_partner_id,
            "period": period,
            "invoices": current.sorted("name"),
            "charges": charges,
            "payments": payments,
            "paid": paid,
            "previous_balance": due - charges + paid,
            "due": due,
            "open_moves": open_moves.sorted("invoice_date_due"),
            "date_due": min(open_moves.mapped("invoice_date_due"), default=False),
        }

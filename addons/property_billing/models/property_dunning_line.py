# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyDunningLine(models.Model):
    """One owner and unit in a dunning run: the 催缴记录 entry (call, reason,
    promised date, SMS, lawyer's letter)."""

    _name = "property.dunning.line"
    _description = "Dunning Record"
    _inherit = ["mail.thread"]
    _order = "run_id desc, partner_id, unit_id"
    _rec_name = "partner_id"
    _check_company_auto = True

    run_id = fields.Many2one(
        "property.dunning.run", required=True, index=True, ondelete="cascade"
    )
    period = fields.Date(related="run_id.period", store=True)
    company_id = fields.Many2one(
        related="run_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True
    )
    unit_id = fields.Many2one("property.unit", required=True, index=True)
    project_id = fields.Many2one("property.project", required=True, index=True)
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    amount_due = fields.Monetary(string="Principal Due")
    late_fee_due = fields.Monetary()
    date_oldest_due = fields.Date()
    # Stage 1
    call_date = fields.Datetime(tracking=True)
    call_user_id = fields.Many2one("res.users", string="Called By")
    reason_id = fields.Many2one("property.dunning.reason", tracking=True)
    promised_date = fields.Date(tracking=True)
    note = fields.Text()
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Request", readonly=True
    )
    promise_state = fields.Selection(
        [
            ("none", "No Promise"),
            ("pending", "Pending"),
            ("kept", "Kept"),
            ("broken", "Broken"),
        ],
        compute="_compute_promise_state",
    )
    # Stage 2
    sms_id = fields.Many2one("sms.sms", string="SMS", readonly=True)
    paid_before_sms = fields.Boolean(readonly=True)
    # Stage 3
    letter_proposed = fields.Boolean(
        string="Proposed for Letter",
        readonly=True,
        copy=False,
        help="Set by the dunning job in week 4: still unpaid after the SMS.",
    )
    letter_selected = fields.Boolean(
        string="Wilful Defaulter: Letter",
        tracking=True,
        help="Confirmed by staff: this owner gets a lawyer's letter.",
    )
    letter_date = fields.Date(readonly=True)
    letter_amount_due = fields.Monetary(
        string="Letter Principal",
        readonly=True,
        help="Principal in arrears on the letter date, as printed.",
    )
    letter_late_fee = fields.Monetary(
        readonly=True,
        help="Late fee up to the letter date, as printed: open late-fee invoices "
        "plus the late fee accrued since the last invoiced accrual.",
    )

    @api.depends("promised_date", "partner_id", "unit_id")
    def _compute_promise_state(self):
        """Kept when the owner has no arrears any more (nothing due before
        today), broken when the promised day passed with arrears."""
        today = fields.Date.context_today(self)
        lines = self.filtered("promised_date")
        open_keys = set()
        if lines:
            groups = self.env["account.move"]._read_group(
                [
                    ("partner_id", "in", lines.partner_id.ids),
                    ("pcs_unit_id", "in", lines.unit_id.ids),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                ],
                ["partner_id", "pcs_unit_id"],
                ["invoice_date_due:min"],
            )
            for partner, unit, due in groups:
                open_keys.add((partner.id, unit.id, due))
        for line in self:
            if not line.promised_date:
                line.promise_state = "none"
                continue
            unpaid = any(
                p == line.partner_id.id and u == line.unit_id.id and due < today
                for p, u, due in open_keys
            )
            if not unpaid:
                line.promise_state = "kept"
            elif line.promised_date < today:
                line.promise_state = "broken"
            else:
                line.promise_state = "pending"

    def _set_letter_amounts(self, letter_date):
        """Fix the letter date and the amounts the letter shows: principal in
        arrears and the late fee up to that date (invoiced and still open, plus
        accrued since the last accrual, which the monthly late-fee run has not
        invoiced yet)."""
        LateFee = self.env["property.late.fee"]
        for run, lines in self.grouped("run_id").items():
            arrears = {}
            run.env.flush_all()
            self.env.cr.execute(run._arrears_sql(lines.partner_id.ids, letter_date))
            for row in self.env.cr.fetchall():
                arrears[(row[0], row[1])] = (row[3] or 0.0, row[4] or 0.0)
            sources = self.env["account.move"].search(
                [
                    ("company_id", "=", run.company_id.id),
                    ("partner_id", "in", lines.partner_id.ids),
                    ("pcs_unit_id", "in", lines.unit_id.ids),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("pcs_billing_kind", "=", "fee"),
                    ("pcs_late_fee_closed", "=", False),
                ]
            )
            accrued = LateFee._late_fee_accrued(run.company_id, sources, letter_date)
            for line in lines:
                principal, invoiced = arrears.get(
                    (line.partner_id.id, line.unit_id.id), (0.0, 0.0)
                )
                pending = sum(
                    accrued.get(move.id, 0.0)
                    for move in sources
                    if move.partner_id == line.partner_id
                    and move.pcs_unit_id == line.unit_id
                )
                line.write(
                    {
                        "letter_date": letter_date,
                        "letter_amount_due": principal,
                        "letter_late_fee": run.currency_id.round(invoiced + pending),
                    }
                )
        return True

    def action_confirm_letter(self):
        """Staff confirm the owner as a wilful defaulter: a letter is printed."""
        self.write({"letter_selected": True})
        return True

    def action_log_call(self):
        """Stage 1: record the call; a service-problem reason opens a service
        request for the reason's department."""
        for line in self:
            line.write(
                {
                    "call_date": fields.Datetime.now(),
                    "call_user_id": self.env.uid,
                }
            )
            if line.reason_id.is_service_problem and not line.ticket_id:
                line.ticket_id = line._create_service_request()
        return True

    def _create_service_request(self):
        """The owner named a service problem as the reason not to pay: a
        complaint of the unit's project for the reason's team, through the
        product's one entry point for generated requests."""
        self.ensure_one()
        # The request's subject is read by the whole service desk and printed
        # on the complaint form: in the company's language.
        local = self._pcs_in_company_lang()
        return self.env["property.request.mixin"]._property_create_request(
            {
                "name": local.env._(
                    "Service problem reported during fee collection: %(unit)s",
                    unit=self.unit_id.code,
                ),
                "description": self.note or self.reason_id.name,
                "partner_id": self.partner_id.id,
                "team_id": self.reason_id.team_id.id or False,
                "unit_id": self.unit_id.id,
                "project_id": self.project_id.id,
                "company_id": self.company_id.id,
                "pcs_category": "complaint",
                "pcs_channel": "phone",
            }
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .property_billing import month_start


class PropertyDunningRun(models.Model):
    """The monthly dunning run (催缴): stage 1 calls (from the 8th), stage 2
    bulk SMS (from the 15th), stage 3 lawyer's letters (from the 22nd); the
    days are configured on the company."""

    _name = "property.dunning.run"
    _description = "Dunning Run"
    _inherit = ["mail.thread"]
    _order = "period desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    period = fields.Date(
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self)),
        help="First day of the dunning month.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("calls", "Stage 1: Calls"),
            ("sms", "Stage 2: SMS Sent"),
            ("letters", "Stage 3: Letters"),
            ("done", "Closed"),
        ],
        default="calls",
        required=True,
        tracking=True,
    )
    stage2_date = fields.Date(compute="_compute_stage_dates")
    stage3_date = fields.Date(compute="_compute_stage_dates")
    line_ids = fields.One2many("property.dunning.line", "run_id")
    line_count = fields.Integer(compute="_compute_line_count")
    amount_due = fields.Monetary(compute="_compute_line_count")

    _sql_constraints = [
        (
            "period_company_uniq",
            "unique(period, company_id)",
            "There is already a dunning run for this month.",
        )
    ]

    @api.depends("period")
    def _compute_name(self):
        for run in self:
            run.name = self.env._(
                "Dunning %(month)s", month=run.period and run.period.strftime("%Y-%m")
            )

    @api.depends("period", "company_id")
    def _compute_stage_dates(self):
        for run in self:
            period = run.period or month_start(fields.Date.context_today(self))
            run.stage2_date = period.replace(day=run.company_id.pcs_dunning_stage2_day)
            run.stage3_date = period.replace(day=run.company_id.pcs_dunning_stage3_day)

    def _compute_line_count(self):
        data = {
            run: (count, amount)
            for run, count, amount in self.env["property.dunning.line"]._read_group(
                [("run_id", "in", self.ids)], ["run_id"], ["__count", "amount_due:sum"]
            )
        }
        for run in self:
            run.line_count, run.amount_due = data.get(run, (0, 0.0))

    # ------------------------------------------------------------------
    # Stage 1: the call list
    # ------------------------------------------------------------------
    def _arrears_sql(self, partner_ids=None):
        """Arrears per (partner, unit) on the run date: open posted property
        invoices due before the period, with the open late fees."""
        self.ensure_one()
        partner_filter = (
            SQL("AND m.partner_id = ANY(%s)", list(partner_ids))
            if partner_ids
            else SQL()
        )
        return SQL(
            """
            SELECT m.partner_id, m.pcs_unit_id, MIN(m.pcs_project_id),
                   SUM(m.amount_residual_signed)
                       FILTER (WHERE m.pcs_billing_kind != 'late_fee'),
                   COALESCE(SUM(m.amount_residual_signed)
                       FILTER (WHERE m.pcs_billing_kind = 'late_fee'), 0),
                   MIN(m.invoice_date_due)
              FROM account_move m
             WHERE m.company_id = %(company)s
               AND m.move_type = 'out_invoice'
               AND m.state = 'posted'
               AND m.pcs_unit_id IS NOT NULL
               AND m.payment_state IN ('not_paid', 'partial')
               AND m.invoice_date_due < %(date)s
               AND m.pcs_billing_kind IS DISTINCT FROM 'deposit'
               %(partner_filter)s
             GROUP BY m.partner_id, m.pcs_unit_id
            HAVING SUM(m.amount_residual_signed)
                       FILTER (WHERE m.pcs_billing_kind != 'late_fee') > 0
             ORDER BY m.partner_id, m.pcs_unit_id
            """,
            company=self.company_id.id,
            date=self.period,
            partner_filter=partner_filter,
        )

    def action_prepare_calls(self):
        """Stage 1: one call line per owner and unit with arrears (one query,
        one create)."""
        for run in self:
            # Read the lines first: reading them may query the database, and
            # a query between execute and fetchall replaces the result.
            existing = {(line.partner_id.id, line.unit_id.id) for line in run.line_ids}
            self.env.flush_all()
            self.env.cr.execute(run._arrears_sql())
            rows = self.env.cr.fetchall()
            self.env["property.dunning.line"].create(
                [
                    {
                        "run_id": run.id,
                        "partner_id": partner_id,
                        "unit_id": unit_id,
                        "project_id": project_id,
                        "amount_due": principal,
                        "late_fee_due": late_fee,
                        "date_oldest_due": oldest,
                    }
                    for (
                        partner_id,
                        unit_id,
                        project_id,
                        principal,
                        late_fee,
                        oldest,
                    ) in rows
                    if (partner_id, unit_id) not in existing
                ]
            )
        return True

    # ------------------------------------------------------------------
    # Stage 2: bulk SMS to those still unpaid
    # ------------------------------------------------------------------
    def _still_unpaid(self):
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(self._arrears_sql(self.line_ids.partner_id.ids))
        return {(row[0], row[1]): row[3] for row in self.env.cr.fetchall()}

    def action_send_sms(self):
        for run in self:
            unpaid = run._still_unpaid()
            lines = run.line_ids.filtered(
                lambda line, unpaid=unpaid: (line.partner_id.id, line.unit_id.id)
                in unpaid
                and not line.sms_id
            )
            template = run.company_id.pcs_dunning_sms_template or ""
            currency = run.currency_id
            sms_vals, targets = [], []
            for line in lines:
                number = (
                    line.partner_id.pcs_phone
                    or line.partner_id.mobile
                    or line.partner_id.phone
                )
                if not number:
                    continue
                amount = unpaid[(line.partner_id.id, line.unit_id.id)]
                sms_vals.append(
                    {
                        "number": number,
                        "partner_id": line.partner_id.id,
                        "body": template.format(
                            unit=line.unit_id.code,
                            name=line.partner_id.name,
                            amount=f"{currency.symbol}{amount:,.2f}",
                        ),
                        "state": "outgoing",
                    }
                )
                targets.append(line)
            sms = self.env["sms.sms"].sudo().create(sms_vals)
            for line, record in zip(targets, sms, strict=True):
                line.sms_id = record
            (run.line_ids - lines).filtered(lambda ln: not ln.sms_id).write(
                {"paid_before_sms": True}
            )
            run.state = "sms"
        return True

    # ------------------------------------------------------------------
    # Stage 3: lawyer's letters for the selected owners
    # ------------------------------------------------------------------
    def action_print_letters(self):
        self.ensure_one()
        lines = self.line_ids.filtered("letter_selected")
        if not lines:
            raise UserError(self.env._("Select the owners who get a lawyer's letter."))
        lines.write({"letter_date": fields.Date.context_today(self)})
        self.state = "letters"
        return self.env.ref(
            "property_billing.action_report_lawyer_letter"
        ).report_action(lines, config=False)

    def action_close(self):
        self.write({"state": "done"})

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_dunning_line_action"
        )
        action["domain"] = [("run_id", "=", self.id)]
        action["context"] = {"default_run_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Schedule
    # ------------------------------------------------------------------
    @api.model
    def _cron_dunning(self, today=None, limit=10):
        """Daily: from stage 1 day, open the month's run with its call list;
        from stage 2 day, send the SMS to those still unpaid (``limit``
        companies per call)."""
        today = today or fields.Date.context_today(self)
        period = month_start(today)

        def runs_due(size):
            runs = {
                run.company_id: run for run in self.search([("period", "=", period)])
            }
            companies = [
                company
                for company in self.env["property.billing"]._billing_companies()
                if today.day >= company.pcs_dunning_stage1_day
                and (
                    company not in runs
                    or runs[company].state == "calls"
                    and today.day >= company.pcs_dunning_stage2_day
                )
            ]
            return companies if size is None else companies[:size]

        def dun(companies):
            for company in companies:
                run = self.search(
                    [("company_id", "=", company.id), ("period", "=", period)],
                    limit=1,
                )
                if not run:
                    run = self.create({"company_id": company.id, "period": period})
                    run.action_prepare_calls()
                if run.state == "calls" and today.day >= company.pcs_dunning_stage2_day:
                    run.action_send_sms()

        return self.env["ir.cron"]._pcs_run_batch(self, runs_due, dun, limit=limit)

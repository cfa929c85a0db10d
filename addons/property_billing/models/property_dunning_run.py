# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from babel.dates import format_skeleton

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import babel_locale_parse

from .property_billing import month_start


class PropertyDunningRun(models.Model):
    """The monthly dunning run (催缴), on the handbook's calendar (days are
    company settings): fees are due on the 1st–7th; week 2 (from the 8th) the
    call list of every owner in arrears on the call date; week 3 (from the
    15th) a bulk SMS to those still unpaid, through the company's registered
    SMS template; week 4 (22nd–27th) the job proposes, each day, the owners
    still unpaid after the SMS for a lawyer's letter, staff confirm the wilful
    defaulters and print the letters."""

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
    stage3_end_date = fields.Date(
        string="Stage 3 Until", compute="_compute_stage_dates"
    )
    sms_date = fields.Date(
        string="SMS Sent On", readonly=True, copy=False, help="Stage 2 day."
    )
    letters_proposed_on = fields.Date(
        string="Letter List Proposed On",
        readonly=True,
        copy=False,
        help="Last day the job proposed the lawyer's-letter list (stage 3).",
    )
    letter_proposed_count = fields.Integer(
        string="Proposed for Letters", compute="_compute_line_count"
    )
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
            company = run.company_id or self.env.company
            run.stage2_date = period.replace(day=company.pcs_dunning_stage2_day)
            run.stage3_date = period.replace(day=company.pcs_dunning_stage3_day)
            run.stage3_end_date = period.replace(
                day=max(
                    company.pcs_dunning_stage3_end_day, company.pcs_dunning_stage3_day
                )
            )

    def _compute_line_count(self):
        Line = self.env["property.dunning.line"]
        data = {
            run: (count, amount)
            for run, count, amount in Line._read_group(
                [("run_id", "in", self.ids)], ["run_id"], ["__count", "amount_due:sum"]
            )
        }
        proposed = dict(
            Line._read_group(
                [("run_id", "in", self.ids), ("letter_proposed", "=", True)],
                ["run_id"],
                ["__count"],
            )
        )
        for run in self:
            run.line_count, run.amount_due = data.get(run, (0, 0.0))
            run.letter_proposed_count = proposed.get(run, 0)

    # ------------------------------------------------------------------
    # Stage 1: the call list
    # ------------------------------------------------------------------
    def _arrears_sql(self, partner_ids=None, as_of=None):
        """Arrears per (partner, unit) on the day ``as_of`` (default: today,
        the call date): open posted property invoices due before that day (on
        8 June the June bill due on 7 June is in arrears), with the open late
        fees."""
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
            date=as_of or fields.Date.context_today(self),
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
    def _still_unpaid(self, as_of=None):
        """{(partner id, unit id): principal in arrears on ``as_of``} of the
        owners of the run."""
        self.ensure_one()
        partner_ids = self.line_ids.partner_id.ids
        if not partner_ids:
            return {}
        self.env.flush_all()
        self.env.cr.execute(self._arrears_sql(partner_ids, as_of))
        return {(row[0], row[1]): row[3] for row in self.env.cr.fetchall()}

    def _sms_pay_by(self, partner):
        """The day the SMS asks to pay before (the first day of stage 3), as
        the owner reads dates (6月22日, Jun 22)."""
        self.ensure_one()
        lang = partner.lang or self.company_id.partner_id.lang or "en_US"
        return format_skeleton(
            "MMMd", self.stage3_date, locale=babel_locale_parse(lang)
        )

    def _prepare_sms_values(self, line, amount):
        """Values of the dunning SMS of one line: the registered template
        ``property_dunning_reminder`` (unit, amount, date) of the company's
        Chinese SMS gateway, or the company's text through Odoo's IAP."""
        self.ensure_one()
        currency = self.currency_id
        pay_by = self._sms_pay_by(line.partner_id)
        fallback = (self.company_id.pcs_dunning_sms_template or "").format(
            unit=line.unit_id.code,
            name=line.partner_id.name,
            amount=f"{currency.symbol}{amount:,.2f}",
            date=pay_by,
        )
        return self.env["sms.sms"]._sms_cn_template_values(
            "property_dunning_reminder",
            {"unit": line.unit_id.code, "amount": f"{amount:,.2f}", "date": pay_by},
            company=self.company_id,
            body=fallback,
        )

    def action_send_sms(self):
        for run in self:
            unpaid = run._still_unpaid()
            lines = run.line_ids.filtered(
                lambda line, unpaid=unpaid: (line.partner_id.id, line.unit_id.id)
                in unpaid
                and not line.sms_id
            )
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
                        **run._prepare_sms_values(line, amount),
                        "number": number,
                        "partner_id": line.partner_id.id,
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
            run.write({"state": "sms", "sms_date": fields.Date.context_today(self)})
        return True

    # ------------------------------------------------------------------
    # Stage 3: the lawyer's-letter list
    # ------------------------------------------------------------------
    def _propose_letters(self, as_of=None):
        """Propose for a lawyer's letter the owners still unpaid on ``as_of``
        after the SMS (owners without a mobile number too); withdraw the
        proposal of those who paid since. Letters already printed stay."""
        as_of = as_of or fields.Date.context_today(self)
        for run in self:
            unpaid = run._still_unpaid(as_of)
            candidates = run.line_ids.filtered(
                lambda ln: not ln.letter_date and not ln.paid_before_sms
            )
            proposed = candidates.filtered(
                lambda ln, unpaid=unpaid: (ln.partner_id.id, ln.unit_id.id) in unpaid
            )
            (candidates - proposed).filtered("letter_proposed").write(
                {"letter_proposed": False, "letter_selected": False}
            )
            proposed.filtered(lambda ln: not ln.letter_proposed).write(
                {"letter_proposed": True}
            )
            first = run.state != "letters"
            run.write({"state": "letters", "letters_proposed_on": as_of})
            if first:
                run.message_post(
                    body=self._pcs_in_company_lang().env._(
                        "Lawyer's-letter list proposed: %(count)s owners still "
                        "unpaid after the SMS. Confirm the wilful defaulters "
                        "(call log's reasons and promises on each line) and print "
                        "their letters.",
                        count=len(proposed),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    def action_view_letter_list(self):
        action = self.action_view_lines()
        action["context"] = dict(action["context"], search_default_letter_proposed=1)
        return action

    # ------------------------------------------------------------------
    # Stage 3: lawyer's letters for the selected owners
    # ------------------------------------------------------------------
    def action_print_letters(self):
        """Print the letters of the confirmed wilful defaulters: the letter
        date, principal and late fee (accrued up to the letter date) are fixed
        on the first print."""
        self.ensure_one()
        lines = self.line_ids.filtered("letter_selected")
        if not lines:
            raise UserError(self.env._("Select the owners who get a lawyer's letter."))
        lines.filtered(lambda ln: not ln.letter_date)._set_letter_amounts(
            fields.Date.context_today(self)
        )
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
        """Daily: from stage 1 day, open the month's run with its call list
        (owners in arrears that day); from stage 2 day, send the SMS to those
        still unpaid; on the days of stage 3, propose the lawyer's-letter list
        (``limit`` companies per call)."""
        today = today or fields.Date.context_today(self)
        period = month_start(today)

        def letters_due(run, company):
            return (
                run.state in ("sms", "letters")
                and company.pcs_dunning_stage3_day
                <= today.day
                <= max(
                    company.pcs_dunning_stage3_end_day, company.pcs_dunning_stage3_day
                )
                and run.sms_date
                and run.sms_date < today
                and run.letters_proposed_on != today
            )

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
                    or letters_due(runs[company], company)
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
                if letters_due(run, company):
                    run._propose_letters(today)

        return self.env["ir.cron"]._pcs_run_batch(self, runs_due, dun, limit=limit)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools
import logging
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .property_billing import BATCH_CONTEXT, CONFLICT_ERRORS, MAX_CONFLICTS

_logger = logging.getLogger(__name__)


class PropertyLateFee(models.Model):
    """One accrual of late fee (滞纳金) on one overdue invoice for a span of days.

    Unique per invoice and first accrued day: a late fee run repeated for the
    same days charges nothing twice (the database refuses it)."""

    _name = "property.late.fee"
    _description = "Late Fee Accrual"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    source_move_id = fields.Many2one(
        "account.move",
        string="Overdue Invoice",
        required=True,
        index=True,
        ondelete="cascade",
    )
    move_id = fields.Many2one(
        "account.move", string="Late Fee Invoice", index="btree_not_null", readonly=True
    )
    partner_id = fields.Many2one("res.partner", index=True, readonly=True)
    unit_id = fields.Many2one("property.unit", index=True, readonly=True)
    project_id = fields.Many2one("property.project", index=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
    days = fields.Integer(readonly=True)
    principal_days = fields.Monetary(
        string="Principal × Days",
        readonly=True,
        help="Sum over the accrued days of the principal still unpaid that day.",
    )
    rate = fields.Float(string="Daily Rate", digits=(12, 6), readonly=True)
    amount = fields.Monetary(readonly=True)

    _sql_constraints = [
        (
            "source_date_uniq",
            "unique(source_move_id, date_from)",
            "Late fees were already charged for these days.",
        ),
        ("dates_ordered", "CHECK(date_to >= date_from)", "Invalid accrual span."),
    ]

    def init(self):
        # Where the scheduled run resumes: the last invoice accrued up to a
        # day is one index scan.
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS property_late_fee_company_date_to_idx
                    ON property_late_fee (company_id, date_to, source_move_id)
                """
            )
        )

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _principal_days(self, total, payments, date_from, date_to):
        """Sum of the unpaid principal over the days ``date_from``..``date_to``.

        ``payments`` are (date, amount) pairs: a payment stops accrual on the
        amount paid from its date on (the payment day itself accrues nothing on
        it)."""
        result = 0.0
        day = date_from
        principal = total - sum(a for d, a in payments if d <= date_from)
        for pay_date, amount in sorted(p for p in payments if p[0] > date_from):
            if pay_date > date_to:
                break
            result += max(principal, 0.0) * (pay_date - day).days
            principal -= amount
            day = pay_date
        result += max(principal, 0.0) * ((date_to - day).days + 1)
        return result

    @api.model
    def _candidate_sql(self, company, until, limit, after_id=0, project_ids=None):
        """Overdue invoices of ``company`` (of ``project_ids`` if given) with
        late fees to accrue up to ``until``, in id order from ``after_id``
        (keyset), with the first day to accrue."""
        grace = company.pcs_late_fee_grace_days
        return SQL(
            """
            SELECT m.id,
                   COALESCE(MAX(f.date_to) + 1, m.invoice_date_due + %(grace)s + 1)
              FROM account_move m
              LEFT JOIN property_late_fee f ON f.source_move_id = m.id
             WHERE m.company_id = %(company)s
               AND m.id > %(after)s
               %(projects)s
               AND m.move_type = 'out_invoice'
               AND m.state = 'posted'
               AND m.pcs_billing_kind = 'fee'
               AND m.pcs_late_fee_closed IS NOT TRUE
               AND m.invoice_date_due + %(grace)s < %(until)s
             GROUP BY m.id
            HAVING COALESCE(MAX(f.date_to) + 1, m.invoice_date_due + %(grace)s + 1)
                   <= %(until)s
             ORDER BY m.id
             LIMIT %(limit)s
            """,
            company=company.id,
            grace=grace,
            until=until,
            limit=limit,
            after=after_id or 0,
            projects=SQL("AND m.pcs_project_id = ANY(%s)", list(project_ids))
            if project_ids
            else SQL(),
        )

    @api.model
    def _late_fee_run_batch(
        self, company, as_of, limit=500, after_id=0, project_ids=None
    ):
        """Accrue late fees up to the day before ``as_of`` on one batch of
        overdue invoices (ids above ``after_id``) and invoice them; return the
        ids of the invoices examined."""
        until = as_of - timedelta(days=1)
        starts = dict(
            self._late_fee_candidates(company, until, limit, after_id, project_ids)
        )
        self._late_fee_accrue(company, as_of, starts)
        return list(starts)

    @api.model
    def _late_fee_candidates(
        self, company, until, limit, after_id=None, project_ids=None
    ):
        """(overdue invoice id, first day to accrue) of the invoices with late
        fees to accrue up to ``until``: ``limit`` of them, or all (``None``).

        Without ``after_id`` (the scheduled job, one batch per transaction)
        the walk resumes after the last invoice accrued up to ``until`` (one
        index scan), and starts again from the lowest id when that leaves
        room (invoices skipped while a parallel run held them)."""
        self.env.flush_all()
        if after_id is not None:
            self.env.cr.execute(
                self._candidate_sql(
                    company, until, limit or 10**9, after_id, project_ids
                )
            )
            return self.env.cr.fetchall()
        if limit is None:
            self.env.cr.execute(self._candidate_sql(company, until, 10**9))
            return self.env.cr.fetchall()
        self.env.cr.execute(
            SQL(
                "SELECT MAX(source_move_id) FROM property_late_fee "
                "WHERE company_id = %s AND date_to = %s",
                company.id,
                until,
            )
        )
        last = self.env.cr.fetchone()[0] or 0
        self.env.cr.execute(self._candidate_sql(company, until, limit, last))
        rows = self.env.cr.fetchall()
        if last and len(rows) < limit:
            self.env.cr.execute(self._candidate_sql(company, until, limit - len(rows)))
            rows += [row for row in self.env.cr.fetchall() if row[0] <= last]
        return rows

    @api.model
    def _late_fee_accrue(self, company, as_of, starts):
        """Accrue and invoice the late fees of the invoices ``starts`` (id:
        first day) up to the day before ``as_of``; return how many invoices
        were examined."""
        until = as_of - timedelta(days=1)
        rate = company.pcs_late_fee_rate
        if not starts:
            return 0
        # Skip invoices locked by a concurrent run.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM account_move WHERE id = ANY(%s) "
                "FOR NO KEY UPDATE SKIP LOCKED",
                list(starts),
            ),
            log_exceptions=False,  # a conflict is handled by the run
        )
        sources = self.env["account.move"].browse(r[0] for r in self.env.cr.fetchall())
        sources.fetch(
            [
                "amount_total_signed",
                "amount_residual_signed",
                "partner_id",
                "pcs_unit_id",
                "pcs_project_id",
                "name",
            ]
        )
        partials = self.env["account.partial.reconcile"].search_read(
            [
                ("debit_move_id.move_id", "in", sources.ids),
                ("debit_move_id.account_type", "=", "asset_receivable"),
            ],
            ["debit_move_id", "amount", "max_date"],
        )
        line_move = dict(
            self.env["account.move.line"]
            .browse({p["debit_move_id"][0] for p in partials})
            .mapped(lambda line: (line.id, line.move_id.id))
        )
        payments = {}
        for partial in partials:
            move_id = line_move[partial["debit_move_id"][0]]
            payments.setdefault(move_id, []).append(
                (partial["max_date"], partial["amount"])
            )
        currency = company.currency_id
        accruals, closed = [], self.env["account.move"]
        for source in sources:
            date_from = starts[source.id]
            pays = payments.get(source.id, [])
            principal_days = self._principal_days(
                source.amount_total_signed, pays, date_from, until
            )
            amount = currency.round(principal_days * rate)
            if currency.is_zero(source.amount_residual_signed) and all(
                d <= until for d, _a in pays
            ):
                closed |= source
                if currency.is_zero(amount):
                    continue
            # A zero accrual (tiny principal) is recorded too: the next run
            # starts after it.
            accruals.append(
                {
                    "source_move_id": source.id,
                    "partner_id": source.partner_id.id,
                    "unit_id": source.pcs_unit_id.id,
                    "project_id": source.pcs_project_id.id,
                    "company_id": company.id,
                    "date_from": date_from,
                    "date_to": until,
                    "days": (until - date_from).days + 1,
                    "principal_days": principal_days,
                    "rate": rate,
                    "amount": amount,
                }
            )
        if closed:
            closed.write({"pcs_late_fee_closed": True})
        if accruals:
            self._invoice_accruals(company, accruals, as_of)
        return len(sources)

    @api.model
    def _invoice_accruals(self, company, accruals, as_of):
        product = self.env.ref("property_billing.product_late_fee")
        Project = self.env["property.project"]
        journals = {
            project.id: project._fee_journal()
            for project in Project.browse({a["project_id"] for a in accruals} - {False})
        }
        groups = {}
        for accrual in accruals:
            if company.currency_id.is_zero(accrual["amount"]):
                continue
            groups.setdefault((accrual["unit_id"], accrual["partner_id"]), []).append(
                accrual
            )
        sources = self.env["account.move"].browse(a["source_move_id"] for a in accruals)
        names = dict(sources.mapped(lambda m: (m.id, m.name)))
        vals_list = []
        for (unit_id, partner_id), items in groups.items():
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "company_id": company.id,
                    "journal_id": (
                        journals.get(items[0]["project_id"])
                        or company._pcs_fee_journal()
                    ).id,
                    "partner_id": partner_id,
                    "invoice_date": as_of,
                    "date": as_of,
                    "invoice_date_due": as_of,
                    "pcs_unit_id": unit_id,
                    "pcs_project_id": items[0]["project_id"],
                    "pcs_billing_kind": "late_fee",
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": self.env._(
                                    "Late fee on %(invoice)s, %(start)s to %(end)s "
                                    "(%(days)s days)",
                                    invoice=names[item["source_move_id"]],
                                    start=item["date_from"],
                                    end=item["date_to"],
                                    days=item["days"],
                                ),
                                "quantity": 1.0,
                                "price_unit": item["amount"],
                            }
                        )
                        for item in items
                    ],
                }
            )
        moves = (
            self.env["account.move"]
            .with_context(**BATCH_CONTEXT)
            .with_company(company)
            .create(vals_list)
        )
        moves.action_post()
        move_by_key = {(m.pcs_unit_id.id, m.partner_id.id): m.id for m in moves}
        for accrual in accruals:
            accrual["move_id"] = move_by_key.get(
                (accrual["unit_id"], accrual["partner_id"])
            )
        return self.sudo().create(accruals).sudo(False)

    @api.model
    def _late_fee_accrued(self, company, sources, until):
        """{invoice id: late fee accrued on it and not charged yet, from the
        day after its last accrual (or after its due date and grace days) up
        to ``until`` included}, for open or partly paid fee invoices
        ``sources`` (e.g. the late fee a lawyer's letter shows on its date)."""
        rate = company.pcs_late_fee_rate
        sources = sources.filtered(lambda m: m.state == "posted" and m.invoice_date_due)
        if not rate or not sources:
            return {}
        last = dict(
            self.sudo()._read_group(
                [("source_move_id", "in", sources.ids)],
                ["source_move_id"],
                ["date_to:max"],
            )
        )
        grace = timedelta(days=company.pcs_late_fee_grace_days)
        partials = (
            self.env["account.partial.reconcile"]
            .sudo()
            .search(
                [
                    ("debit_move_id.move_id", "in", sources.ids),
                    ("debit_move_id.account_type", "=", "asset_receivable"),
                ]
            )
        )
        payments = {}
        for partial in partials:
            payments.setdefault(partial.debit_move_id.move_id.id, []).append(
                (partial.max_date, partial.amount)
            )
        result = {}
        for source in sources:
            start = (
                last[source] + timedelta(days=1)
                if source in last
                else source.invoice_date_due + grace + timedelta(days=1)
            )
            if start > until:
                continue
            principal_days = self._principal_days(
                source.amount_total_signed, payments.get(source.id, []), start, until
            )
            result[source.id] = company.currency_id.round(principal_days * rate)
        return result

    @api.model
    def _late_fee_run(self, company, as_of, limit=500, commit=False, project_ids=None):
        """Accrue and invoice the late fees up to the day before ``as_of``,
        batch after batch in id order (keyset), each batch in a savepoint
        (committed when ``commit``); returns the number of invoices examined.

        A batch that collides with a parallel run (unique accrual, or a row
        changed after this transaction's snapshot) is rolled back: with
        ``commit`` the run goes on in a new transaction (at most
        ``MAX_CONFLICTS`` times in a row), otherwise it stops with a
        ``UserError``; it is never retried in the same snapshot."""
        total, after_id, conflicts = 0, 0, 0
        while True:
            try:
                with self.env.cr.savepoint():
                    examined = self._late_fee_run_batch(
                        company, as_of, limit, after_id, project_ids
                    )
            except CONFLICT_ERRORS as error:
                conflicts += 1
                _logger.warning(
                    "Property late fees %s, %s: a batch collided with another run "
                    "(%s)",
                    company.name,
                    as_of,
                    error.pgcode,
                )
                if not commit or conflicts > MAX_CONFLICTS:
                    raise UserError(
                        self.env._(
                            "Another late-fee run is accruing late fees of "
                            "%(company)s at the same time. This run examined "
                            "%(count)s overdue invoices and stopped; start it "
                            "again once the other has finished.",
                            company=company.name,
                            count=total,
                        )
                    ) from error
                self.env.cr.rollback()
                continue
            if not examined:
                return total
            conflicts = 0
            after_id = max(examined)
            total += len(examined)
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
                # The committed batch's records are not read again: a cache that
                # grows with every batch makes each next one slower (the cron
                # runner starts each call with an empty one).
                self.env.invalidate_all()

    @api.model
    def _cron_late_fee(self, as_of=None, limit=500):
        """Scheduled action (daily): accrue and invoice late fees, one batch
        per call; the runner calls again while work remains."""
        as_of = as_of or fields.Date.context_today(self)
        until = as_of - timedelta(days=1)
        todo = {
            company: functools.partial(self._late_fee_candidates, company, until)
            for company in self.env["property.billing"]._billing_companies()
            if company.pcs_late_fee_rate
        }

        def accrue(candidates, company):
            try:
                with self.env.cr.savepoint():
                    self.with_company(company)._late_fee_accrue(
                        company, as_of, dict(candidates)
                    )
            except CONFLICT_ERRORS as error:
                _logger.warning(
                    "Property late fees %s, %s: %s invoices collided with another "
                    "run (%s); the next call takes what is left",
                    company.name,
                    as_of,
                    len(candidates),
                    error.pgcode,
                )

        return self.env["ir.cron"]._pcs_run_batch(self, todo, accrue, limit=limit)

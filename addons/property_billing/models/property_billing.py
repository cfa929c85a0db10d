# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
import functools
import logging
from datetime import date, timedelta

from psycopg2 import errors

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round

from .product_template import METERED_FEE_TYPES, MONTHLY_FEE_TYPES

_logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# A batch that collides with another run is rolled back and tried again in a
# new transaction at most this many times in a row.
MAX_CONFLICTS = 3
CONFLICT_ERRORS = (errors.UniqueViolation, errors.SerializationFailure)
# Invoices are created with these keys: no chatter message per invoice, no
# field tracking (the billing run itself is the audit trail).
BATCH_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
}


def month_start(day):
    return day.replace(day=1)


def month_end(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def next_month(day):
    return month_end(day) + timedelta(days=1)


class PropertyBilling(models.AbstractModel):
    """The billing run: bills one period for the units of a company in batches.

    Each batch takes up to ``limit`` units that have no periodic invoice for
    the period yet, builds all invoice values from one read, creates them with
    one ``create`` and posts them with one ``action_post``; the caller commits
    after each batch and an interrupted run, started again, bills the units
    that are left.

    - **Journals**: each project numbers its fees in its own sales journal
      (``property.project.fee_journal_id``). A batch first takes a project
      whose journal no other transaction is posting in (its journal row is
      locked ``FOR NO KEY UPDATE SKIP LOCKED``), so that two runs bill two
      projects at the same time instead of waiting for one numbering lock.
    - **Units**: locked ``FOR NO KEY UPDATE SKIP LOCKED`` (a parallel run
      skips them) and walked in id order from the last unit billed for the
      project and period (keyset: no batch scans the units billed before
      it); the units below it that were skipped (locked by a run that then
      failed) are picked up in a last pass.
    - **Duplicates**: the partial unique index on ``account_move`` refuses a
      second periodic invoice of a unit for a period. Odoo's transactions are
      ``REPEATABLE READ``: a batch that collides with another run's commit
      cannot see that commit in its snapshot, so it is never retried in the
      same transaction; the run rolls the batch back and starts a new
      transaction (a few times at most), then says what happened.
    """

    _name = "property.billing"
    _description = "Property Billing Run"

    # ------------------------------------------------------------------
    # Selection
    # ------------------------------------------------------------------
    def _billing_units_sql(
        self,
        company,
        period,
        project_ids=None,
        count=False,
        after_id=None,
        upto_id=None,
        building_ids=None,
        exclude_ids=None,
    ):
        """Units of ``company`` to bill for ``period`` (SQL): optionally of
        some projects or buildings, with an id above ``after_id`` and up to
        ``upto_id`` (keyset bounds), not in ``exclude_ids``."""
        start, end = month_start(period), month_end(period)
        # A run for some buildings only (billing jobs, the wizard).
        building_ids = building_ids or self.env.context.get("pcs_billing_building_ids")
        filters = [SQL()]
        if project_ids:
            filters.append(SQL("AND u.project_id = ANY(%s)", list(project_ids)))
        if building_ids:
            filters.append(SQL("AND u.building_id = ANY(%s)", list(building_ids)))
        if after_id:
            filters.append(SQL("AND u.id > %s", after_id))
        if upto_id is not None:
            filters.append(SQL("AND u.id <= %s", upto_id))
        if exclude_ids:
            filters.append(SQL("AND NOT u.id = ANY(%s)", list(exclude_ids)))
        select = SQL("COUNT(*)") if count else SQL("u.id")
        return SQL(
            """
            SELECT %(select)s
              FROM property_unit u
             WHERE u.active
               AND u.company_id = %(company)s
               AND u.billing_partner_id IS NOT NULL
               AND u.billing_date_start <= %(end)s
               %(filters)s
               AND NOT EXISTS (
                    SELECT 1 FROM account_move m
                     WHERE m.pcs_unit_id = u.id
                       AND m.pcs_period = %(start)s
                       AND m.pcs_billing_kind = 'fee'
                       AND m.state != 'cancel')
               AND (
                    EXISTS (
                        SELECT 1 FROM property_tariff t
                         WHERE t.active
                           AND t.project_id = u.project_id
                           AND (t.unit_type IS NULL OR t.unit_type = u.unit_type)
                           AND t.fee_type IN %(monthly)s
                           AND (t.fee_type != 'area' OR u.area > 0)
                           AND t.date_from <= %(end)s
                           AND (t.date_to IS NULL OR t.date_to >= %(start)s))
                    OR EXISTS (
                        SELECT 1 FROM property_meter_reading r
                          JOIN property_tariff t ON t.product_id = r.product_id
                         WHERE r.unit_id = u.id
                           AND r.move_id IS NULL
                           AND r.consumption > 0
                           AND r.date < %(start)s
                           AND t.active
                           AND t.project_id = u.project_id
                           AND (t.unit_type IS NULL OR t.unit_type = u.unit_type)
                           AND t.fee_type IN %(metered)s
                           AND t.date_from <= %(end)s
                           AND (t.date_to IS NULL OR t.date_to >= %(start)s)))
            """,
            select=select,
            company=company.id,
            start=start,
            end=end,
            filters=SQL(" ").join(filters),
            monthly=MONTHLY_FEE_TYPES,
            metered=METERED_FEE_TYPES,
        )

    def _billing_remaining(self, company, period, project_ids=None, building_ids=None):
        """How many units are left to bill (an exact count, for the wizard)."""
        self.env.flush_all()
        self.env.cr.execute(
            self._billing_units_sql(
                company, period, project_ids, True, building_ids=building_ids
            )
        )
        return self.env.cr.fetchone()[0]

    def _billing_lock_units(
        self,
        company,
        period,
        project_ids,
        limit,
        after_id=None,
        upto_id=None,
        building_ids=None,
        exclude_ids=None,
    ):
        """Lock and return up to ``limit`` units to bill, in id order."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "%s ORDER BY u.id LIMIT %s FOR NO KEY UPDATE OF u SKIP LOCKED",
                self._billing_units_sql(
                    company,
                    period,
                    project_ids,
                    after_id=after_id,
                    upto_id=upto_id,
                    building_ids=building_ids,
                    exclude_ids=exclude_ids,
                ),
                limit,
            ),
            log_exceptions=False,  # a conflict is handled by the run
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _billing_projects(self, company, project_ids=None):
        """The projects of ``company`` to bill (all, or ``project_ids``), with
        their fee journals (created under a lock when missing)."""
        Project = self.env["property.project"].sudo().with_context(active_test=False)
        domain = [("company_id", "=", company.id)]
        if project_ids:
            domain.append(("id", "in", list(project_ids)))
        projects = Project.search(domain, order="id")
        projects._fee_journals_locked()
        return projects

    def _billing_last_units(self, projects, period):
        """{project id: highest unit id billed for ``period``} (one index
        scan per project): where the keyset walk of each project resumes."""
        self.env["account.move"].flush_model(
            ["pcs_project_id", "pcs_period", "pcs_unit_id", "pcs_billing_kind", "state"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, (SELECT MAX(m.pcs_unit_id) FROM account_move m
                               WHERE m.pcs_project_id = p.id
                                 AND m.pcs_period = %(period)s
                                 AND m.pcs_billing_kind = 'fee'
                                 AND m.state != 'cancel')
                  FROM unnest(%(projects)s) AS p(id)
                """,
                period=month_start(period),
                projects=projects.ids,
            )
        )
        return {project_id: last or 0 for project_id, last in self.env.cr.fetchall()}

    def _billing_next_project(self, projects):
        """The first of ``projects`` whose fee journal no other transaction
        is posting in; its journal row stays locked by this transaction until
        commit, so that a parallel run takes another project.  When every
        journal is busy, the first project (its posting will wait)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id
                  FROM property_project p
                  JOIN account_journal j ON j.id = p.fee_journal_id
                 WHERE p.id = ANY(%s)
                 ORDER BY p.id
                 LIMIT 1
                   FOR NO KEY UPDATE OF j SKIP LOCKED
                """,
                projects.ids,
            ),
            log_exceptions=False,
        )
        row = self.env.cr.fetchone()
        return projects.browse(row[0]) if row else projects[0]

    @api.model
    def _billing_due_units(
        self, company, period, limit, project_ids=None, building_ids=None, walked=None
    ):
        """Lock and return the next ``limit`` units to bill for ``period``.

        Projects whose journal is free come first; in each project the units
        are walked from the last one billed for the period (no rescan of the
        billed ones); when that leaves room, one pass over the lower ids
        picks up units skipped earlier.  ``walked`` ({project id: last unit
        id}, with the key ``None`` for the set of unit ids) is the walk of the
        caller's run so far: units it took and could not bill are not taken
        again.  With ``limit=None``, returns a sized sequence as long as the
        estimate of what is left (units above each project's last billed
        unit: no scan of the billed ones either)."""
        period = month_start(period)
        walked = walked if walked is not None else {None: set()}
        projects = self._billing_projects(company, project_ids)
        last = self._billing_last_units(projects, period)
        for project_id, unit_id in walked.items():
            if project_id in last:
                last[project_id] = max(last[project_id], unit_id)
        if limit is None:
            return range(self._billing_estimate(company, period, last, building_ids))
        unit_ids = []
        pending = projects
        while pending and len(unit_ids) < limit:
            project = self._billing_next_project(pending)
            pending -= project
            found = self._billing_lock_units(
                company,
                period,
                project.ids,
                limit - len(unit_ids),
                after_id=last[project.id],
                building_ids=building_ids,
            )
            if found:
                walked[project.id] = max(found)
            unit_ids += found
        if len(unit_ids) < limit and any(last.values()):
            # Last pass: units below the keyset position (skipped while
            # another run held them, or a cancelled invoice billed again).
            for project in projects.filtered(lambda p: last[p.id]):
                if len(unit_ids) >= limit:
                    break
                unit_ids += self._billing_lock_units(
                    company,
                    period,
                    project.ids,
                    limit - len(unit_ids),
                    upto_id=last[project.id],
                    building_ids=building_ids,
                    exclude_ids=walked[None] | set(unit_ids),
                )
        walked[None].update(unit_ids)
        return unit_ids

    def _billing_estimate(self, company, period, last, building_ids=None):
        """Units above each project's last billed unit that may be billed
        (a plain range count: tariffs and invoices are not looked up)."""
        if not last:
            return 0
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*)
                  FROM property_unit u
                  JOIN unnest(%(projects)s, %(last)s) AS k(project_id, last_id)
                    ON k.project_id = u.project_id
                 WHERE u.active
                   AND u.company_id = %(company)s
                   AND u.billing_partner_id IS NOT NULL
                   AND u.billing_date_start <= %(end)s
                   AND u.id > k.last_id
                   %(buildings)s
                """,
                projects=list(last),
                last=list(last.values()),
                company=company.id,
                end=month_end(period),
                buildings=SQL("AND u.building_id = ANY(%s)", list(building_ids))
                if building_ids
                else SQL(),
            )
        )
        return self.env.cr.fetchone()[0]

    # ------------------------------------------------------------------
    # Values
    # ------------------------------------------------------------------
    @api.model
    def _prorate_factor(self, unit, period):
        """Share of the period billed for a unit whose billing starts inside it."""
        start, end = month_start(period), month_end(period)
        if not unit.billing_date_start or unit.billing_date_start <= start:
            return 1.0
        days = (end - unit.billing_date_start).days + 1
        return days / ((end - start).days + 1)

    @api.model
    def _prepare_fee_line_values(self, unit, tariff, period, currency):
        product = tariff.product_id
        factor = self._prorate_factor(unit, period)
        base = unit.area if tariff.fee_type == "area" else 1.0
        if tariff.fee_type == "area" and not base:
            return None
        label = self.env._(
            "%(fee)s %(period)s", fee=product.name, period=period.strftime("%Y-%m")
        )
        if factor == 1.0:
            return {
                "product_id": product.id,
                "name": label,
                "quantity": base,
                "price_unit": tariff.price,
            }
        # Prorated first period: the amount is rounded to the cent once.
        days = round(factor * ((month_end(period) - month_start(period)).days + 1))
        amount = currency.round(base * tariff.price * factor)
        return {
            "product_id": product.id,
            "name": self.env._(
                "%(label)s (%(base)s × %(rate)s, %(days)s days)",
                label=label,
                base=float_round(base, 2),
                rate=tariff.price,
                days=days,
            ),
            "quantity": 1.0,
            "price_unit": amount,
        }

    @api.model
    def _prepare_reading_line_values(self, reading, tariff):
        return {
            "product_id": reading.product_id.id,
            "name": self.env._(
                "%(meter)s %(previous)s → %(current)s",
                meter=reading.product_id.name,
                previous=reading.previous_value,
                current=reading.current_value,
            ),
            "quantity": reading.consumption,
            "price_unit": tariff.price,
            "pcs_meter_reading_id": reading.id,
        }

    @api.model
    def _prepare_invoice_values(self, units, company, period):
        """Invoice values for ``units``, from one read of units, tariffs and
        readings (no query per unit)."""
        start, end = month_start(period), month_end(period)
        currency = company.currency_id
        due = start.replace(day=min(max(company.pcs_due_day, 1), 28))
        units.fetch(
            [
                "code",
                "area",
                "unit_type",
                "project_id",
                "building_id",
                "billing_partner_id",
                "billing_date_start",
            ]
        )
        tariffs = self.env["property.tariff"].search(
            [
                ("project_id", "in", units.project_id.ids),
                ("date_from", "<=", end),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", start),
            ]
        )
        tariffs.fetch(["project_id", "unit_type", "product_id", "fee_type", "price"])
        tariffs.product_id.fetch(["name", "pcs_fee_type"])
        readings = self.env["property.meter.reading"].search(
            [
                ("unit_id", "in", units.ids),
                ("move_id", "=", False),
                ("consumption", ">", 0),
                ("date", "<", start),
            ],
            order="date, id",
        )
        readings_by_unit = {}
        for reading in readings:
            readings_by_unit.setdefault(reading.unit_id.id, []).append(reading)
        tariffs_by_key = {}
        for tariff in tariffs.sorted(lambda t: (t.date_from, not t.unit_type)):
            key = (tariff.project_id.id, tariff.product_id.id, tariff.unit_type)
            tariffs_by_key[key] = tariff  # latest valid tariff wins

        def tariff_for(unit, product):
            return tariffs_by_key.get(
                (unit.project_id.id, product.id, unit.unit_type)
            ) or tariffs_by_key.get((unit.project_id.id, product.id, False))

        journals = {project.id: project._fee_journal() for project in units.project_id}
        monthly_products = tariffs.filtered(
            lambda t: t.fee_type in MONTHLY_FEE_TYPES
        ).product_id.sorted("id")
        vals_list = []
        for unit in units:
            lines = []
            for product in monthly_products:
                tariff = tariff_for(unit, product)
                if tariff:
                    line = self._prepare_fee_line_values(unit, tariff, period, currency)
                    if line:
                        lines.append(line)
            for reading in readings_by_unit.get(unit.id, []):
                tariff = tariff_for(unit, reading.product_id)
                if tariff and tariff.fee_type in METERED_FEE_TYPES:
                    lines.append(self._prepare_reading_line_values(reading, tariff))
            if not lines:
                continue
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "company_id": company.id,
                    "journal_id": journals[unit.project_id.id].id,
                    "partner_id": unit.billing_partner_id.id,
                    "invoice_date": start,
                    "date": start,
                    "invoice_date_due": due,
                    "currency_id": currency.id,
                    "pcs_unit_id": unit.id,
                    "pcs_project_id": unit.project_id.id,
                    "pcs_building_id": unit.building_id.id,
                    "pcs_period": start,
                    "pcs_billing_kind": "fee",
                    "invoice_line_ids": [Command.create(line) for line in lines],
                }
            )
        return vals_list

    # ------------------------------------------------------------------
    # Run
    # ------------------------------------------------------------------
    @api.model
    def _billing_invoice_units(self, company, period, unit_ids):
        """Create and post the period's invoices of the units ``unit_ids``
        (one ``create``, one ``action_post``)."""
        if not unit_ids:
            return self.env["account.move"]
        units = self.env["property.unit"].browse(unit_ids)
        vals_list = self._prepare_invoice_values(units, company, period)
        Move = self.env["account.move"].with_context(**BATCH_CONTEXT)
        moves = Move.with_company(company).create(vals_list)
        moves.action_post()
        # The units carry the period: a run whose snapshot is older than this
        # commit fails to lock them (a serialization error on its own lock
        # query, with no failed insert) and starts again on a fresh snapshot.
        self.env.cr.execute(
            SQL(
                "UPDATE property_unit SET billed_period = %s WHERE id = ANY(%s)",
                month_start(period),
                moves.pcs_unit_id.ids,
            )
        )
        units.invalidate_recordset(["billed_period"])
        _logger.info(
            "Property billing %s, %s: %s units, %s invoices",
            company.name,
            period,
            len(unit_ids),
            len(moves),
        )
        return moves

    @api.model
    def _billing_run(
        self,
        company,
        period,
        project_ids=None,
        limit=BATCH_SIZE,
        commit=False,
        building_ids=None,
    ):
        """Bill the period for the company, batch after batch, each batch in a
        savepoint (committed when ``commit``).  Returns the invoices created.

        A batch that collides with another run (unique index, or a row that
        run changed after this transaction's snapshot) is rolled back; with
        ``commit`` the run goes on in a new transaction, which sees what the
        other run committed (at most ``MAX_CONFLICTS`` times in a row);
        without it (inside a caller's transaction) the run stops at once.
        Either way the user gets a ``UserError`` saying what was billed."""
        period = month_start(period)
        moves = self.env["account.move"]
        conflicts = 0
        walked = {None: set()}
        while True:
            try:
                with self.env.cr.savepoint():
                    walk = {
                        key: set(v) if key is None else v for key, v in walked.items()
                    }
                    unit_ids = self._billing_due_units(
                        company, period, limit, project_ids, building_ids, walk
                    )
                    batch = self._billing_invoice_units(company, period, unit_ids)
            except CONFLICT_ERRORS as error:
                conflicts += 1
                _logger.warning(
                    "Property billing %s, %s: a batch collided with another "
                    "run (%s); %s",
                    company.name,
                    period,
                    error.pgcode,
                    "starting a new transaction"
                    if commit and conflicts <= MAX_CONFLICTS
                    else "stopping",
                )
                if not commit or conflicts > MAX_CONFLICTS:
                    raise UserError(
                        self.env._(
                            "Another billing run is billing %(period)s for "
                            "%(company)s at the same time. This run created "
                            "%(count)s invoices and stopped; the units left are "
                            "billed by the other run, or by this one when you "
                            "start it again once the other has finished.",
                            period=period.strftime("%Y-%m"),
                            company=company.name,
                            count=len(moves),
                        )
                    ) from error
                self.env.cr.rollback()
                continue
            if not unit_ids:
                break
            walked = walk
            conflicts = 0
            moves |= batch
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
                # The committed batch's records are not read again: a cache that
                # grows with every batch makes each next one slower (the cron
                # runner starts each call with an empty one).
                self.env.invalidate_all()
        return moves

    @api.model
    def _billing_companies(self):
        companies = self.env.context.get("property_billing_company_ids")
        if companies:
            return self.env["res.company"].browse(companies)
        return self.env["property.project"].sudo().search([]).company_id

    @api.model
    def _cron_billing_run(self, today=None, limit=BATCH_SIZE):
        """Scheduled action (daily): from the company's billing day on, bill the
        next period, one batch of units per call; the cron runner calls again
        while work remains and commits between calls.  A batch that collides
        with another run is rolled back and logged; the runner's next call
        (a new transaction) sees what the other run committed."""
        today = today or fields.Date.context_today(self)
        period = next_month(today)
        todo = {
            company: functools.partial(self._billing_due_units, company, period)
            for company in self._billing_companies()
            if today.day >= company.pcs_billing_day
        }

        def bill(unit_ids, company):
            try:
                with self.env.cr.savepoint():
                    self.with_company(company)._billing_invoice_units(
                        company, period, unit_ids
                    )
            except CONFLICT_ERRORS as error:
                _logger.warning(
                    "Property billing %s, %s: %s units collided with another run "
                    "(%s); the next call bills what is left",
                    company.name,
                    period,
                    len(unit_ids),
                    error.pgcode,
                )

        return self.env["ir.cron"]._pcs_run_batch(self, todo, bill, limit=limit)

    @api.model
    def _period_from_date(self, day):
        return date(day.year, day.month, 1)

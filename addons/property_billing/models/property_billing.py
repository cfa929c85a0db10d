# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
import functools
import logging
from datetime import date, timedelta

from psycopg2 import errors

from odoo import Command, api, fields, models
from odoo.tools import SQL, float_round

from .product_template import METERED_FEE_TYPES, MONTHLY_FEE_TYPES

_logger = logging.getLogger(__name__)

BATCH_SIZE = 200
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

    Each batch selects up to ``limit`` units that have no periodic invoice for
    the period yet (``FOR NO KEY UPDATE SKIP LOCKED``: a concurrent run skips
    them), builds all invoice values from one read, creates them with one
    ``create`` and posts them with one ``action_post``.  The caller commits
    after each batch; an interrupted run, started again, bills the units that
    are left.  The partial unique index on ``account_move`` guarantees that no
    unit is billed twice for a period.
    """

    _name = "property.billing"
    _description = "Property Billing Run"

    # ------------------------------------------------------------------
    # Selection
    # ------------------------------------------------------------------
    def _billing_units_sql(self, company, period, project_ids=None, count=False):
        start, end = month_start(period), month_end(period)
        project_filter = (
            SQL("AND u.project_id = ANY(%s)", list(project_ids))
            if project_ids
            else SQL()
        )
        # A run for some buildings only (billing jobs, the wizard).
        building_ids = self.env.context.get("pcs_billing_building_ids")
        if building_ids:
            project_filter = SQL(
                "%s AND u.building_id = ANY(%s)", project_filter, list(building_ids)
            )
        select = SQL("COUNT(*)") if count else SQL("u.id")
        return SQL(
            """
            SELECT %(select)s
              FROM property_unit u
             WHERE u.active
               AND u.company_id = %(company)s
               AND u.billing_partner_id IS NOT NULL
               AND u.billing_date_start <= %(end)s
               %(project_filter)s
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
                         WHERE r.unit_id = u.id
                           AND r.move_id IS NULL
                           AND r.consumption > 0
                           AND r.date < %(start)s))
            """,
            select=select,
            company=company.id,
            start=start,
            end=end,
            project_filter=project_filter,
            monthly=MONTHLY_FEE_TYPES,
        )

    def _billing_remaining(self, company, period, project_ids=None):
        self.env.flush_all()
        self.env.cr.execute(self._billing_units_sql(company, period, project_ids, True))
        return self.env.cr.fetchone()[0]

    def _billing_lock_units(self, company, period, project_ids, limit):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "%s ORDER BY u.id LIMIT %s FOR NO KEY UPDATE OF u SKIP LOCKED",
                self._billing_units_sql(company, period, project_ids),
                limit,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

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
        journal = company._pcs_fee_journal()
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
                    "journal_id": journal.id,
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
    def _billing_run_batch(self, company, period, project_ids=None, limit=BATCH_SIZE):
        """Bill one batch of units; return (units taken, invoices created)."""
        unit_ids = self._billing_lock_units(company, period, project_ids, limit)
        return len(unit_ids), self._billing_invoice_units(company, period, unit_ids)

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
        self, company, period, project_ids=None, limit=BATCH_SIZE, commit=False
    ):
        """Bill the period for the company, batch after batch, each batch in a
        savepoint (committed when ``commit``).  Returns the invoices created."""
        moves = self.env["account.move"]
        while True:
            try:
                with self.env.cr.savepoint():
                    taken, batch = self._billing_run_batch(
                        company, period, project_ids, limit
                    )
            except errors.UniqueViolation:
                # A concurrent run billed some of these units in the meantime.
                _logger.info("Property billing: concurrent run detected, retrying")
                continue
            if not taken:
                break
            moves |= batch
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
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
        while work remains and commits between calls."""
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
            except errors.UniqueViolation:
                # A concurrent run billed some of these units in the meantime.
                _logger.info("Property billing: concurrent run detected")

        return self.env["ir.cron"]._pcs_run_batch(self, todo, bill, limit=limit)

    @api.model
    def _billing_due_units(self, company, period, limit):
        """Units of ``company`` still to bill for ``period``: a batch of
        ``limit`` locked for this run, or all of them (``None``, to count)."""
        if limit is not None:
            return self._billing_lock_units(company, period, None, limit)
        self.env.flush_all()
        self.env.cr.execute(self._billing_units_sql(company, period))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _period_from_date(self, day):
        return date(day.year, day.month, 1)

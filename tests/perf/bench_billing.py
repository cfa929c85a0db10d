#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The billing run on one worker against plain batched Odoo invoicing.

One command from a clean database (see tests/perf/run.py):

    python3 tests/perf/run.py bench_billing.py [--units 1000] [--pairs 10] \
        [--batch 200] [--projects 2] [--once] [--profile A|B|C]

or on an existing database where property_billing is installed (it COMMITS
data into the company of the database):

    python3 tests/perf/bench_billing.py -c ODOO.conf -d DB [same options]

(A and C bill every project of the company: on such a database no other
unit may be billable for the periods 2031 onwards.)

Data: ``--units`` units over ``--projects`` projects with the realistic mix:
service fee per m² and a fixed fee on every unit, a parking fee on one unit in
ten (parking spaces), and before each measured run a water reading on three
units in ten (metered lines), a prorated first period on one unit in twenty
(billing starts on the 15th) and a prepayment on one owner in ten (applied on
posting).

Each round bills a new period three ways, in the order A B C, then C B A in
the next round, and so on:

- **A**: the billing run (``_billing_run``, what the wizard does: batches of
  ``--batch`` units, a commit after each);
- **C**: the scheduled action (``_cron_billing_run`` called again and again
  with a commit in between, as the cron runner does);
- **B**: plain batched Odoo invoicing of the same invoices: the same lines
  (computed beforehand, not timed), ``account.move.create`` of ``--batch``
  invoices, ``action_post``, the prepayment applied with Odoo's
  ``js_assign_outstanding_line``, a commit per batch; in a sales journal of
  its own per project, with the same context keys as the run.

The first round is a warm-up and is not counted. Printed: ratios A/B and C/B
per round (median and spread), invoices per second, SQL queries per invoice,
the time and queries of the run's first and last batches (flat: no rescan),
whether A's and B's invoices are the same (count, totals, amounts left to
pay), and the machine's load.  ``--once``: one round A then B (for large
sizes, e.g. ``--units 20000 --once``), no warm-up round.
"""

import argparse
import cProfile
import io
import pstats
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import odoo
from odoo import Command, api

sys.path.insert(0, str(Path(__file__).parent))
import benchlib  # noqa: E402

CONTEXT = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
FIRST_PERIOD = date(2031, 1, 1)


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=10, help="rounds counted")
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--projects", type=int, default=2)
    parser.add_argument("--once", action="store_true")
    parser.add_argument("--profile", choices=("A", "B", "C"))
    return parser.parse_args()


def add_month(day):
    """The next month of 31 days: every period has the same length, so that
    prorated amounts are the same in A, B and C."""
    while True:
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        if (date(day.year + day.month // 12, day.month % 12 + 1, 1) - day).days == 31:
            return day


# ----------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------
def setup(env, n, projects_count):
    company = env.ref("base.main_company")
    tag = f"{time.time_ns() % 10**7}"
    service = env.ref("property_billing.product_service_fee")
    parking = env.ref("property_billing.product_parking")
    water = env.ref("property_billing.product_water")
    fixed = env["product.product"].create(
        {"name": f"Garbage Fee {tag}", "type": "service", "pcs_fee_type": "fixed"}
    )
    projects = env["property.project"].create(
        [
            {
                "name": f"Bench {tag}-{p}",
                "code": f"B{tag[-2:]}{p}",
                "company_id": company.id,
            }
            for p in range(projects_count)
        ]
    )
    start = date(2030, 1, 1)
    Tariff = env["property.tariff"]
    unit_vals = []
    plain_journals = {}
    sale = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "sale")], limit=1
    )
    for index, project in enumerate(projects):
        building = env["property.building"].create(
            {"name": "Bench", "code": "BB", "project_id": project.id}
        )
        Tariff.create(
            [
                {
                    "project_id": project.id,
                    "product_id": service.id,
                    "unit_type": "residence",
                    "price": 2.35,
                    "date_from": start,
                },
                {
                    "project_id": project.id,
                    "product_id": fixed.id,
                    "unit_type": "residence",
                    "price": 15.0,
                    "date_from": start,
                },
                {
                    "project_id": project.id,
                    "product_id": parking.id,
                    "unit_type": "parking",
                    "price": 120.0,
                    "date_from": start,
                },
                {
                    "project_id": project.id,
                    "product_id": water.id,
                    "price": 3.45,
                    "date_from": start,
                },
            ]
        )
        share = n // projects_count + (n % projects_count if index == 0 else 0)
        for i in range(share):
            parking_space = (len(unit_vals) % 10) == 9
            unit_vals.append(
                {
                    "code": f"{'P' if parking_space else 'U'}-{len(unit_vals):06d}",
                    "project_id": project.id,
                    "building_id": building.id,
                    "area": 12.5 if parking_space else 60 + (i % 90) + 0.37,
                    "unit_type": "parking" if parking_space else "residence",
                    "state": "occupied",
                    "billing_date_start": start,
                }
            )
        plain_journals[project.id] = (
            env["account.journal"]
            .with_context(mail_create_nolog=True)
            .create(
                {
                    "name": f"Plain {project.code}",
                    "code": f"N{tag[-2:]}{index}",
                    "type": "sale",
                    "company_id": company.id,
                    "default_account_id": sale.default_account_id.id,
                }
            )
            .id
        )
    partners = env["res.partner"].create(
        [{"name": f"Bench Owner {tag}-{i}"} for i in range(len(unit_vals))]
    )
    units = env["property.unit"].create(unit_vals)
    env["property.archive"].create(
        [
            {
                "unit_id": unit.id,
                "date_open": start,
                "ownership_ids": [
                    Command.create({"partner_id": partner.id, "date_start": start})
                ],
            }
            for unit, partner in zip(units, partners, strict=True)
        ]
    )
    bank = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
    )
    return {
        "company": company,
        "units": units,
        "water": water,
        "plain_journals": plain_journals,
        "bank": bank,
    }


def prepare_period(env, data, period, round_index, variant):
    """The month's mix before a measured run: prorated units, readings and
    prepayments (pcs prepayments for the run, plain payments for Odoo)."""
    units = data["units"]
    n = len(units)
    prorated = units.filtered(lambda u: u.id % 20 == round_index % 20)
    units.filtered(
        lambda u: u.billing_date_start > date(2030, 1, 1) and u not in prorated
    ).write({"billing_date_start": date(2030, 1, 1)})
    prorated.write({"billing_date_start": period + timedelta(days=14)})
    metered = units.filtered(lambda u: u.unit_type == "residence" and u.id % 10 < 3)
    Reading = env["property.meter.reading"]
    readings = Reading.create(
        [
            {
                "unit_id": unit.id,
                "product_id": data["water"].id,
                "date": period - timedelta(days=3),
                "previous_value": 0.0,
                "current_value": 8.0 + unit.id % 13,
                "meter_replaced": True,
            }
            for unit in metered
        ]
    )
    prepaid = units.filtered(lambda u: u.id % 10 == 5)[: max(n // 10, 1)]
    Payment = env["account.payment"]
    payments = Payment.create(
        [
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": unit.billing_partner_id.id,
                "amount": 100.0,
                "journal_id": data["bank"].id,
                "date": period - timedelta(days=10),
                "pcs_prepayment": variant != "B",
                "pcs_prepayment_unit_id": unit.id if variant != "B" else False,
            }
            for unit in prepaid
        ]
    )
    payments.action_post()
    return readings, payments


def plain_values(env, data, period, readings, payments):
    """B's invoices: the run's values for the same units and period (not
    timed), as plain Odoo invoices in B's journals; the credit line of each
    plain payment by partner."""
    company = data["company"]
    Billing = env["property.billing"]
    env.flush_all()
    env.cr.execute(Billing._billing_units_sql(company, period))
    units = env["property.unit"].browse(sorted(r[0] for r in env.cr.fetchall()))
    vals_list = Billing._prepare_invoice_values(units, company, period)
    for vals in vals_list:
        vals["journal_id"] = data["plain_journals"][vals["pcs_project_id"]]
        for key in (
            "pcs_unit_id",
            "pcs_project_id",
            "pcs_building_id",
            "pcs_period",
            "pcs_billing_kind",
        ):
            vals.pop(key)
        for command in vals["invoice_line_ids"]:
            command[2].pop("pcs_meter_reading_id", None)
    readings.unlink()  # B's lines are computed: its readings must not reach A
    credits = {}
    for payment in payments:
        line = payment.move_id.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        )
        credits[payment.partner_id.id] = line.id
    return vals_list, credits


# ----------------------------------------------------------------------
# The three ways
# ----------------------------------------------------------------------
def run_a(env, data, period, batch):
    env["property.billing"]._billing_run(
        data["company"], period, limit=batch, commit=True
    )


def run_c(env, data, period, batch):
    Billing = env["property.billing"].with_context(
        property_billing_company_ids=data["company"].ids
    )
    today = period - timedelta(days=1)
    while True:
        done = Billing._cron_billing_run(today=today, limit=batch)
        env.cr.commit()
        env.invalidate_all()
        if done < batch:
            break


def run_b(env, data, vals_list, credits, batch):
    Move = env["account.move"].with_context(**CONTEXT).with_company(data["company"])
    for start in range(0, len(vals_list), batch):
        moves = Move.create(vals_list[start : start + batch])
        moves.action_post()
        for move in moves:
            credit = credits.get(move.partner_id.id)
            if credit:
                move.js_assign_outstanding_line(credit)
        env.cr.commit()
        env.invalidate_all()


def invoices_of(env, data, period, plain=False):
    domain = [
        ("invoice_date", "=", period),
        ("move_type", "=", "out_invoice"),
        ("partner_id", "in", data["units"].billing_partner_id.ids),
    ]
    if plain:
        domain.append(("journal_id", "in", list(data["plain_journals"].values())))
    else:
        domain += [("pcs_period", "=", period), ("pcs_billing_kind", "=", "fee")]
    moves = env["account.move"].search(domain)
    return (
        len(moves),
        round(sum(moves.mapped("amount_total")), 2),
        round(sum(moves.mapped("amount_residual")), 2),
        len(moves.invoice_line_ids),
    )


class BatchLog:
    """Time and queries of each batch of the billing run (batch start = a
    call of ``_billing_due_units``)."""

    def __init__(self, env):
        self.env = env
        self.marks = []

    def __enter__(self):
        Billing = type(self.env["property.billing"])
        self.original = Billing._billing_due_units
        log = self

        def due_units(billing, *args, **kwargs):
            log.marks.append((time.perf_counter(), billing.env.cr.sql_log_count))
            return log.original(billing, *args, **kwargs)

        Billing._billing_due_units = due_units
        return self

    def __exit__(self, *exc):
        type(self.env["property.billing"])._billing_due_units = self.original
        self.marks.append((time.perf_counter(), self.env.cr.sql_log_count))

    def batches(self):
        return [
            (b[0] - a[0], b[1] - a[1])
            for a, b in zip(self.marks, self.marks[1:], strict=False)
        ]


def main():
    args = parse()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        t0 = time.perf_counter()
        data = setup(env(context={"tracking_disable": True}), args.units, args.projects)
        cr.commit()
        units = len(data["units"])
        print(f"setup: {units} units in {time.perf_counter() - t0:.0f} s", flush=True)
        benchlib.header(
            "billing run (A), cron (C) vs plain batched Odoo (B)",
            units=units,
            projects=args.projects,
            batch=args.batch,
            rounds=1 if args.once else args.pairs,
        )
        period = FIRST_PERIOD
        ratios_a, ratios_c, rows = [], [], []
        rounds = 1 if args.once else args.pairs + 1
        for index in range(rounds):
            order = (
                ("A", "B")
                if args.once
                else (("A", "B", "C") if index % 2 == 0 else ("C", "B", "A"))
            )
            result = {}
            for variant in order:
                readings, payments = prepare_period(env, data, period, index, variant)
                if variant == "B":
                    vals_list, credits = plain_values(
                        env, data, period, readings, payments
                    )
                cr.commit()
                env.invalidate_all()
                profile = (
                    cProfile.Profile()
                    if args.profile == variant and index == 1
                    else None
                )
                log = BatchLog(env)
                with benchlib.Timer(cr) as timer, log:
                    if profile:
                        profile.enable()
                    if variant == "A":
                        run_a(env, data, period, args.batch)
                    elif variant == "C":
                        run_c(env, data, period, args.batch)
                    else:
                        run_b(env, data, vals_list, credits, args.batch)
                    if profile:
                        profile.disable()
                env.invalidate_all()
                count = invoices_of(env, data, period, plain=variant == "B")
                result[variant] = (timer.seconds, timer.queries, count, log.batches())
                if profile:
                    out = io.StringIO()
                    pstats.Stats(profile, stream=out).sort_stats(
                        "cumulative"
                    ).print_stats(30)
                    print(out.getvalue())
                period = add_month(period)
            a_s, a_q, a_count, a_batches = result["A"]
            b_s, b_q, b_count, _b = result["B"]
            warm = " (warm-up)" if index == 0 and not args.once else ""
            a_n, b_n = max(a_count[0], 1), max(b_count[0], 1)
            line = (
                f"round {index}{warm}: "
                f"A {a_s:.1f} s ({a_count[0] / a_s:.1f}/s, {a_q / a_n:.1f} q/inv)"
                f", B {b_s:.1f} s ({b_count[0] / b_s:.1f}/s, {b_q / b_n:.1f} q/inv)"
                f", A/B {a_s / b_s:.3f}"
            )
            if "C" in result:
                c_s, c_q, c_count, _c = result["C"]
                c_n = max(c_count[0], 1)
                line += f", C {c_s:.1f} s ({c_q / c_n:.1f} q/inv), C/B {c_s / b_s:.3f}"
            same = a_count == b_count
            line += (
                f"; same invoices: {'yes' if same else f'NO A {a_count} B {b_count}'}"
            )
            print(line, f"[{benchlib.load()}]", flush=True)
            if index or args.once:
                ratios_a.append(a_s / b_s)
                if "C" in result:
                    ratios_c.append(result["C"][0] / b_s)
                rows.append(result)
        print(benchlib.ratio_line("A/B billing run / plain Odoo", ratios_a))
        if ratios_c:
            print(benchlib.ratio_line("C/B scheduled action / plain Odoo", ratios_c))
        # without each run's first batch
        batches = [b for r in rows for b in r["A"][3][1:]]
        if batches:
            tenth = max(len(rows[-1]["A"][3]) // 10, 1)
            last_run = rows[-1]["A"][3]
            first, last = last_run[1 : 1 + tenth], last_run[-tenth - 1 : -1]
            print(
                f"run's batches (last round): first {len(first)}: "
                f"{sum(b[0] for b in first) / len(first):.2f} s and "
                f"{sum(b[1] for b in first) / len(first):.0f} queries each; "
                f"last {len(last)}: "
                f"{sum(b[0] for b in last) / max(len(last), 1):.2f} s "
                f"and {sum(b[1] for b in last) / max(len(last), 1):.0f} queries each"
            )
        print(f"end: {benchlib.load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

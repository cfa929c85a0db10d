#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dunning stage 1 and the late-fee run: time and SQL queries per overdue
invoice at two volumes (flat, or growing with the volume?).

One command from a clean database (see tests/perf/run.py):

    python3 tests/perf/run.py bench_dunning.py [--late-fees 200,1000] \
        [--dunning 1000,10000]

or on an existing database where property_billing is installed (it COMMITS
data into the main company):

    python3 tests/perf/bench_dunning.py -c ODOO.conf -d DB [options]

Data: one project per late-fee volume, one owner per unit, the units billed
for January 2025 with the billing run (real posted invoices, due in January
2025, nothing paid).

- **Late fees**: ``_late_fee_run`` (batches of 500, a commit after each, as
  the wizard runs it) accrues up to 1 March 2025 on the overdue invoices of
  one project, then of the other (``--late-fees`` volumes): it creates and
  posts one late-fee invoice per overdue invoice.
- **Dunning stage 1**: for each ``--dunning`` volume, the company holds that
  many overdue invoices of distinct owners and units: the real ones above,
  and more made by copying their rows in SQL (partner, unit and posted
  ``account_move`` rows with new ids, names and codes; their lines are not
  copied: the call list reads the invoices' residual amounts only).  Then
  **button**: a saved dunning run, committed, the cache emptied, then
  ``action_prepare_calls`` (what "Refresh Call List" does), and **cron**:
  ``_cron_dunning`` on stage-1 day of another month (the run is created
  and its call list prepared by the scheduled action).  Both must create one
  call line per owner and unit in arrears.

Printed: seconds, queries, queries per invoice and per call line, for each
volume; the machine's load.  No baseline: the figure that matters is
whether queries per invoice stay flat as the volume grows.
"""

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import odoo
from odoo import api

sys.path.insert(0, str(Path(__file__).parent))
import bench_billing_concurrency as race  # noqa: E402
import benchlib  # noqa: E402

PERIOD = date(2025, 1, 1)
LATE_FEE_DAY = date(2025, 3, 1)


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--late-fees", default="200,1000")
    parser.add_argument("--dunning", default="1000,10000")
    return parser.parse_args()


def month_after(day, months):
    year, month0 = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month0 + 1, 1)


def volumes(text):
    return [int(v) for v in text.split(",") if v]


def columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND column_name != 'id' ORDER BY ordinal_position",
        [table],
    )
    return [row[0] for row in cr.fetchall()]


def copy_rows(cr, table, ids, copies, overrides):
    """Insert ``copies`` copies of the rows ``ids`` of ``table`` (the column
    expressions of ``overrides`` may use ``t`` for the row copied and ``g``
    for the number of the copy, from 1)."""
    cols = columns(cr, table)
    select = ", ".join(overrides.get(col, f"t.{col}") for col in cols)
    cr.execute(
        f'INSERT INTO {table} ({", ".join(cols)}) '  # noqa: S608 - bench only
        f"SELECT {select} FROM {table} t, generate_series(1, %s) g "
        f"WHERE t.id = ANY(%s)",
        [copies, list(ids)],
    )


def grow(env, data, total):
    """Copy the billed units (partner, unit, invoice) until the company
    holds ``total`` overdue fee invoices of distinct units."""
    cr = env.cr
    env.flush_all()
    cr.execute(
        "SELECT count(*) FROM account_move WHERE company_id = %s AND "
        "pcs_billing_kind = 'fee' AND state = 'posted' AND pcs_period = %s",
        [data["company"], PERIOD],
    )
    have = cr.fetchone()[0]
    if have >= total:
        return
    template_units = data["units"]
    copies = -(-(total - have) // len(template_units))
    tag = data["tag"]
    copy_rows(
        cr,
        "res_partner",
        data["partners"],
        copies,
        {"ref": f"'{tag}:' || t.id || ':' || (g + {data['generation']})"},
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE ref LIKE %s",
        [f"{tag}:%"],
    )
    gen = data["generation"]
    # the partner copied from the template unit's owner, copy g
    partner_of = (
        f"(SELECT p.id FROM res_partner p WHERE p.ref = '{tag}:' || "
        f"t.billing_partner_id || ':' || (g + {gen}))"
    )
    copy_rows(
        cr,
        "property_unit",
        template_units,
        copies,
        {
            "code": f"t.code || '/' || (g + {gen})",
            "billing_partner_id": partner_of,
        },
    )
    cr.execute(
        "SELECT id FROM account_move WHERE pcs_unit_id = ANY(%s) "
        "AND pcs_billing_kind = 'fee' AND pcs_period = %s",
        [template_units, PERIOD],
    )
    moves = [row[0] for row in cr.fetchall()]
    unit_of = (
        "(SELECT u.id FROM property_unit u WHERE u.project_id = t.pcs_project_id "
        "AND u.code = "
        "(SELECT code FROM property_unit WHERE id = t.pcs_unit_id) || '/' || "
        f"(g + {gen}))"
    )
    move_partner = (
        f"(SELECT p.id FROM res_partner p WHERE p.ref = '{tag}:' || "
        f"t.partner_id || ':' || (g + {gen}))"
    )
    copy_rows(
        cr,
        "account_move",
        moves,
        copies,
        {
            "name": f"t.name || '/' || (g + {gen})",
            "partner_id": move_partner,
            "commercial_partner_id": move_partner,
            "pcs_unit_id": unit_of,
        },
    )
    data["generation"] += copies
    env.invalidate_all()


def overdue(env, company_id):
    env.cr.execute(
        "SELECT count(*) FROM account_move WHERE company_id = %s "
        "AND move_type = 'out_invoice' AND state = 'posted' "
        "AND payment_state IN ('not_paid', 'partial') "
        "AND pcs_unit_id IS NOT NULL AND invoice_date_due < CURRENT_DATE",
        [company_id],
    )
    return env.cr.fetchone()[0]


def main():
    args = parse()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    late_volumes, dunning_volumes = volumes(args.late_fees), volumes(args.dunning)
    started = time.monotonic()
    sets = []
    for size in late_volumes:
        data = race.setup(registry, size, 1)
        with registry.cursor() as cr:
            cr.execute(
                "UPDATE property_unit SET billing_date_start = %s WHERE id = ANY(%s)",
                [date(2024, 1, 1), data["units"]],
            )
            cr.execute(
                "UPDATE property_tariff SET date_from = %s WHERE project_id = ANY(%s)",
                [date(2024, 1, 1), data["projects"]],
            )
        sets.append(data)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].browse(sets[0]["company"])
        company.pcs_late_fee_rate = company.pcs_late_fee_rate or 0.0005
        for data in sets:
            env["property.billing"]._billing_run(
                company, PERIOD, project_ids=data["projects"], limit=500, commit=True
            )
        print(
            f"setup: {sum(len(d['units']) for d in sets)} units billed for "
            f"{PERIOD:%Y-%m} in {time.monotonic() - started:.0f} s",
            flush=True,
        )
        benchlib.header(
            "late-fee run and dunning stage 1",
            late_fee_volumes=late_volumes,
            dunning_volumes=dunning_volumes,
        )
        # ---- late fees
        LateFee = env["property.late.fee"]
        for size, data in zip(late_volumes, sets, strict=True):
            cr.commit()
            env.invalidate_all()
            with benchlib.Timer(cr) as timer:
                examined = LateFee._late_fee_run(
                    company,
                    LATE_FEE_DAY,
                    limit=500,
                    commit=True,
                    project_ids=data["projects"],
                )
            cr.execute(
                "SELECT count(*) FROM account_move WHERE pcs_unit_id = ANY(%s) "
                "AND pcs_billing_kind = 'late_fee' AND state = 'posted'",
                [data["units"]],
            )
            invoiced = cr.fetchone()[0]
            print(
                f"late fees, {size} overdue invoices: {examined} examined, "
                f"{invoiced} late-fee invoices posted, {timer.seconds:.1f} s "
                f"({examined / timer.seconds:.1f} invoices/s), "
                f"{timer.queries} queries, "
                f"{timer.queries / max(examined, 1):.2f} per invoice "
                f"[{benchlib.load()}]",
                flush=True,
            )
        # ---- dunning stage 1
        template = dict(sets[0], generation=0, tag=f"dun{sets[0]['projects'][0]}")
        Run = env["property.dunning.run"]
        cr.execute(
            "SELECT MAX(period) FROM property_dunning_run WHERE company_id = %s",
            [company.id],
        )
        last = cr.fetchone()[0] or date(2025, 12, 1)
        for index, size in enumerate(dunning_volumes):
            grow(env, template, size)
            cr.commit()
            invoices = overdue(env, company.id)
            button_period = month_after(last, 1 + 2 * index)
            run = Run.create({"company_id": company.id, "period": button_period})
            cr.commit()
            env.invalidate_all()
            env.registry.clear_cache()
            run = Run.browse(run.id)
            with benchlib.Timer(cr) as button:
                run.action_prepare_calls()
                env.flush_all()
            cr.commit()
            button_lines = len(run.line_ids)
            cron_day = month_after(last, 2 + 2 * index).replace(
                day=company.pcs_dunning_stage1_day
            )
            env.invalidate_all()
            with benchlib.Timer(cr) as cron:
                Run.with_context(
                    property_billing_company_ids=company.ids
                )._cron_dunning(today=cron_day)
                env.flush_all()
            cr.commit()
            cron_run = Run.search(
                [
                    ("company_id", "=", company.id),
                    ("period", "=", cron_day.replace(day=1)),
                ]
            )
            cron_lines = len(cron_run.line_ids)
            for name, timer, lines in (
                ("button", button, button_lines),
                ("cron", cron, cron_lines),
            ):
                print(
                    f"dunning stage 1, {name}, {invoices} overdue invoices: "
                    f"{lines} call lines, {timer.seconds:.1f} s, "
                    f"{timer.queries} queries, {timer.queries / invoices:.3f} per "
                    f"invoice, {timer.queries / max(lines, 1):.3f} per call line "
                    f"[{benchlib.load()}]",
                    flush=True,
                )
        print(f"end: {benchlib.load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

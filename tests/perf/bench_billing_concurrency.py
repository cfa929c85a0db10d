#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Billing runs that meet: two at once, a company's first billing, a run
whose snapshot is older than the other run's commit.

Usage (on a database where property_billing is installed; it COMMITS data and
removes it again at the end):

    python3 tests/perf/bench_billing_concurrency.py -c ODOO.conf -d DB \
        [-n 400] [--batch 50] [--projects 2] [--first-billing] [--stale]

Creates ``--projects`` projects with N billable units in all, then starts two
threads, each with its own cursor, that bill the same period with
``_billing_run(commit=True)`` (commit per batch) behind a barrier.  Checks
that every unit got exactly one invoice and that neither thread failed (no
deadlock, no duplicate error), prints who billed how many and the time
taken, and deletes what it created.

- ``--first-billing``: the projects have no fee journal yet (a company's
  first billing): both runs need it at the same moment.
- ``--stale``: run 1 opens its transaction (its snapshot) first, run 2 bills
  everything and commits, then run 1 bills: every unit it selects was billed
  after its snapshot.  It must end at once with nothing billed twice (the old
  loop retried in the same snapshot forever).

``tests/test_billing_concurrency.py`` runs these races with a few units.
"""

import argparse
import sys
import threading
import time
from collections import Counter
from datetime import date

import odoo
from odoo import Command, api

PERIOD = date(2031, 1, 1)
LATE_FEE_DAY = date(2031, 2, 1)


def setup(registry, units_count, projects_count=1, first_billing=False):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        company = env.ref("base.main_company")
        tag = f"{time.time_ns() % 10**8}"
        projects = env["property.project"].create(
            [
                {
                    "name": f"Race {tag}-{p}",
                    "code": f"R{tag[-3:]}{p}",
                    "company_id": company.id,
                }
                for p in range(projects_count)
            ]
        )
        if first_billing:
            # A company's first billing: the journals do not exist yet.
            journals = projects.fee_journal_id
            projects.fee_journal_id = False
            journals.unlink()
        unit_vals, partners_vals = [], []
        for project in projects:
            building = env["property.building"].create(
                {"name": "Race", "code": "RC", "project_id": project.id}
            )
            env["property.tariff"].create(
                {
                    "project_id": project.id,
                    "product_id": env.ref("property_billing.product_service_fee").id,
                    "unit_type": "residence",
                    "price": 2.0,
                    "date_from": date(2030, 1, 1),
                }
            )
            share = units_count // projects_count + (
                1 if project == projects[0] else 0
            ) * (units_count % projects_count)
            unit_vals += [
                {
                    "code": f"RC-{len(unit_vals) + i:05d}",
                    "project_id": project.id,
                    "building_id": building.id,
                    "area": 80.0,
                    "unit_type": "residence",
                    "state": "occupied",
                    "billing_date_start": date(2030, 1, 1),
                }
                for i in range(share)
            ]
        partners_vals = [
            {"name": f"Race owner {tag}-{i}"} for i in range(len(unit_vals))
        ]
        partners = env["res.partner"].create(partners_vals)
        units = env["property.unit"].create(unit_vals)
        env["property.archive"].create(
            [
                {
                    "unit_id": unit.id,
                    "date_open": date(2030, 1, 1),
                    "ownership_ids": [
                        Command.create(
                            {"partner_id": partner.id, "date_start": date(2030, 1, 1)}
                        )
                    ],
                }
                for unit, partner in zip(units, partners, strict=True)
            ]
        )
        return {
            "company": company.id,
            "projects": projects.ids,
            "units": units.ids,
            "partners": partners.ids,
        }


def _bill(env, data, batch, late_fees=False):
    company = env["res.company"].browse(data["company"])
    if late_fees:
        return env["property.late.fee"]._late_fee_run(
            company,
            LATE_FEE_DAY,
            limit=batch,
            commit=True,
            project_ids=data["projects"],
        )
    return len(
        env["property.billing"]._billing_run(
            company,
            PERIOD,
            project_ids=data["projects"],
            limit=batch,
            commit=True,
        )
    )


def race(registry, data, batch, stale=False, late_fees=False):
    """Two runs of the same period; returns {name: (count, seconds, error)}.

    ``stale``: run 1 takes its snapshot, run 2 runs to the end, then run 1
    runs.  ``late_fees``: the late-fee run instead of billing."""
    barrier = threading.Barrier(2)
    snapshot_taken, other_done = threading.Event(), threading.Event()
    results = {}

    def run(name):
        try:
            with registry.cursor() as cr:
                env = api.Environment(cr, odoo.SUPERUSER_ID, {})
                barrier.wait(timeout=60)
                if stale and name == "run 1":
                    cr.execute("SELECT 1")  # REPEATABLE READ: snapshot taken
                    snapshot_taken.set()
                    other_done.wait(timeout=600)
                elif stale:
                    snapshot_taken.wait(timeout=60)
                start = time.monotonic()
                try:
                    count = _bill(env, data, batch, late_fees)
                finally:
                    if stale and name == "run 2":
                        other_done.set()
                results[name] = (count, time.monotonic() - start, None)
        except Exception as exc:  # noqa: BLE001 - reported to the caller
            results[name] = (0, 0.0, repr(exc))

    threads = [threading.Thread(target=run, args=(n,)) for n in ("run 1", "run 2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return results


def invoices_per_unit(registry, data, kind="fee"):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        groups = env["account.move"]._read_group(
            [
                ("pcs_unit_id", "in", data["units"]),
                ("pcs_billing_kind", "=", kind),
                ("state", "!=", "cancel"),
            ],
            ["pcs_unit_id"],
            ["__count"],
        )
        return {unit.id: count for unit, count in groups}


def accruals_per_invoice(registry, data):
    with registry.cursor() as cr:
        cr.execute(
            """
            SELECT f.source_move_id, count(*)
              FROM property_late_fee f
              JOIN account_move m ON m.id = f.source_move_id
             WHERE m.pcs_unit_id = ANY(%s)
             GROUP BY f.source_move_id
            """,
            [data["units"]],
        )
        return dict(cr.fetchall())


def journals(registry, data):
    """Journal of each invoice of the units, counted."""
    with registry.cursor() as cr:
        cr.execute(
            "SELECT journal_id, count(*) FROM account_move "
            "WHERE pcs_unit_id = ANY(%s) GROUP BY journal_id",
            [data["units"]],
        )
        return Counter(dict(cr.fetchall()))


def cleanup(registry, data):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        env["property.late.fee"].search(
            [("unit_id", "in", data["units"])]
        ).sudo().unlink()
        moves = env["account.move"].search([("pcs_unit_id", "in", data["units"])])
        moves.filtered(lambda m: m.state == "posted").button_draft()
        moves.with_context(force_delete=True).unlink()
        projects = env["property.project"].browse(data["projects"])
        env["property.tariff"].with_context(active_test=False).search(
            [("project_id", "in", projects.ids)]
        ).unlink()
        archives = (
            env["property.archive"]
            .with_context(active_test=False)
            .search([("unit_id", "in", data["units"])])
        )
        archives.ownership_ids.unlink()
        archives.with_context(pcs_archive_close=True).unlink()
        env["property.unit"].browse(data["units"]).unlink()
        env["property.building"].search([("project_id", "in", projects.ids)]).unlink()
        fee_journals = projects.fee_journal_id
        projects.unlink()
        fee_journals.unlink()
        env["res.partner"].browse(data["partners"]).unlink()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--units", type=int, default=400)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--projects", type=int, default=2)
    parser.add_argument("--first-billing", action="store_true")
    parser.add_argument("--stale", action="store_true")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    data = setup(registry, args.units, args.projects, args.first_billing)
    try:
        started = time.monotonic()
        results = race(registry, data, args.batch, stale=args.stale)
        elapsed = time.monotonic() - started
        counts = invoices_per_unit(registry, data)
        per_journal = journals(registry, data)
    finally:
        cleanup(registry, data)
    for name, (moves, seconds, error) in sorted(results.items()):
        print(f"{name}: {moves} invoices in {seconds:.1f} s, error: {error}")
    duplicates = sum(1 for c in counts.values() if c > 1)
    missing = args.units - len(counts)
    print(
        f"{args.units} units in {args.projects} projects, batch {args.batch}"
        f"{', first billing' if args.first_billing else ''}"
        f"{', stale snapshot' if args.stale else ''}: "
        f"{sum(counts.values())} invoices in {len(per_journal)} journals, "
        f"{duplicates} duplicates, {missing} unbilled, {elapsed:.1f} s in all"
    )
    ok = not duplicates and not missing and not any(r[2] for r in results.values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

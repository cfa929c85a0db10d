#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two billing runs started at the same time for the same period.

Usage (on a database where property_billing is installed; it COMMITS data and
removes it again at the end):

    python3 tests/perf/bench_billing_concurrency.py -c ODOO.conf -d DB \
        [-n 400] [--batch 50]

Creates a project with N billable units, then starts two threads, each with
its own cursor, that bill the same period with ``_billing_run(commit=True)``
(commit per batch) behind a barrier.  Checks that every unit got exactly one
invoice, that neither thread failed (no deadlock, no duplicate error), prints
who billed how many and the time taken, and deletes what it created.
``tests/test_billing_concurrency.py`` runs the same race with a few units.
"""

import argparse
import sys
import threading
import time
from datetime import date

import odoo
from odoo import Command, api

PERIOD = date(2031, 1, 1)


def setup(registry, units_count):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        company = env.ref("base.main_company")
        # The "Property Fees" journal exists before the race (the first
        # billing of a company creates it; two first runs racing to create
        # it wait on each other: see README, known limits).
        company._pcs_fee_journal()
        tag = f"{time.time_ns() % 10**8}"
        project = env["property.project"].create(
            {"name": f"Race {tag}", "code": f"R{tag[-6:]}", "company_id": company.id}
        )
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
        partners = env["res.partner"].create(
            [{"name": f"Race owner {tag}-{i}"} for i in range(units_count)]
        )
        units = env["property.unit"].create(
            [
                {
                    "code": f"RC-{i:05d}",
                    "project_id": project.id,
                    "building_id": building.id,
                    "area": 80.0,
                    "unit_type": "residence",
                    "state": "occupied",
                    "billing_date_start": date(2030, 1, 1),
                }
                for i in range(units_count)
            ]
        )
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
            "project": project.id,
            "units": units.ids,
            "partners": partners.ids,
        }


def race(registry, data, batch):
    barrier = threading.Barrier(2)
    results = {}

    def run(name):
        try:
            with registry.cursor() as cr:
                env = api.Environment(cr, odoo.SUPERUSER_ID, {})
                company = env["res.company"].browse(data["company"])
                barrier.wait(timeout=60)
                start = time.monotonic()
                moves = env["property.billing"]._billing_run(
                    company,
                    PERIOD,
                    project_ids=[data["project"]],
                    limit=batch,
                    commit=True,
                )
                results[name] = (len(moves), time.monotonic() - start, None)
        except Exception as exc:  # noqa: BLE001 - reported to the caller
            results[name] = (0, 0.0, repr(exc))

    threads = [threading.Thread(target=run, args=(n,)) for n in ("run 1", "run 2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return results


def invoices_per_unit(registry, data):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        groups = env["account.move"]._read_group(
            [
                ("pcs_unit_id", "in", data["units"]),
                ("pcs_period", "=", PERIOD),
                ("pcs_billing_kind", "=", "fee"),
                ("state", "!=", "cancel"),
            ],
            ["pcs_unit_id"],
            ["__count"],
        )
        return {unit.id: count for unit, count in groups}


def cleanup(registry, data):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        moves = env["account.move"].search([("pcs_unit_id", "in", data["units"])])
        moves.filtered(lambda m: m.state == "posted").button_draft()
        moves.with_context(force_delete=True).unlink()
        project = env["property.project"].browse(data["project"])
        env["property.tariff"].with_context(active_test=False).search(
            [("project_id", "=", project.id)]
        ).unlink()
        archives = (
            env["property.archive"]
            .with_context(active_test=False)
            .search([("unit_id", "in", data["units"])])
        )
        archives.ownership_ids.unlink()
        archives.with_context(pcs_archive_close=True).unlink()
        env["property.unit"].browse(data["units"]).unlink()
        env["property.building"].search([("project_id", "=", project.id)]).unlink()
        project.unlink()
        env["res.partner"].browse(data["partners"]).unlink()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--units", type=int, default=400)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    data = setup(registry, args.units)
    try:
        started = time.monotonic()
        results = race(registry, data, args.batch)
        elapsed = time.monotonic() - started
        counts = invoices_per_unit(registry, data)
    finally:
        cleanup(registry, data)
    for name, (moves, seconds, error) in sorted(results.items()):
        print(f"{name}: {moves} invoices in {seconds:.1f} s, error: {error}")
    duplicates = sum(1 for c in counts.values() if c > 1)
    missing = args.units - len(counts)
    print(
        f"{args.units} units, batch {args.batch}: {sum(counts.values())} invoices, "
        f"{duplicates} duplicates, {missing} unbilled, {elapsed:.1f} s in all"
    )
    ok = not duplicates and not missing and not any(r[2] for r in results.values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

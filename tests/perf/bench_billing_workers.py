#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Throughput of two separate worker processes billing one period against one.

One command from a clean database (see tests/perf/run.py):

    python3 tests/perf/run.py bench_billing_workers.py [--units 400] \
        [--pairs 5] [--batch 50]

or on an existing database where property_billing is installed (it COMMITS
data and leaves the invoices):

    python3 tests/perf/bench_billing_workers.py -c ODOO.conf -d DB [options]

Data: two projects of ``--units``/2 billable units each (service fee per m²,
each project with its own fee journal, as created with the project).

Each round bills a new period in one of two ways, interleaved as
1 2 2 1 1 2 ... (the first pair is a warm-up and is not counted):

- **1**: one worker process runs ``_billing_run`` for both projects (the
  wizard's run: batches of ``--batch`` units, a commit after each);
- **2**: two worker processes, one project each, started at the same moment.

The worker processes load the registry and warm up first (they bill five
units of a far period and roll back, as a long-running cron worker is
warm), and are then released together (none of this is timed). While they
run, the parent samples ``pg_stat_activity`` every 20 ms: the share of the
samples of active worker backends that wait on a lock
(``wait_event_type = 'Lock'``) is printed. After every round, every unit
must have exactly one invoice for the period (0 duplicates, 0 missing), or
the benchmark fails. Printed: invoices per second of each round, the ratio
2 workers / 1 worker per pair (median and spread), the lock-wait share, and
the machine's load (2 processes need 2 free cores: on a shared machine the
ratio says as much about the other load as about the locks).
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import odoo
from odoo import api

sys.path.insert(0, str(Path(__file__).parent))
import bench_billing_concurrency as race  # noqa: E402
import benchlib  # noqa: E402

FIRST_PERIOD = date(2032, 1, 1)
WARM_PERIOD = date(2099, 1, 1)


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--units", type=int, default=400)
    parser.add_argument("--pairs", type=int, default=5, help="pairs counted")
    parser.add_argument("--batch", type=int, default=50)
    # internal: one worker process
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser.parse_args()


def month(index):
    year, month0 = divmod(FIRST_PERIOD.month - 1 + index, 12)
    return date(FIRST_PERIOD.year + year, month0 + 1, 1)


# ----------------------------------------------------------------------
# A worker process
# ----------------------------------------------------------------------
def worker(args):
    """Load the registry, say "ready", wait for "go" on stdin, bill, print
    the result as JSON."""
    job = json.loads(args.worker)
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].browse(job["company"])
        # Warm the process as a long-running cron worker is: bill a few
        # units of a far period and roll back (caches, templates).
        Billing = env["property.billing"]
        Billing._billing_invoice_units(
            company,
            WARM_PERIOD,
            Billing._billing_due_units(company, WARM_PERIOD, 5, job["projects"]),
        )
        cr.rollback()
        env.invalidate_all()
        print("ready", flush=True)
        sys.stdin.readline()
        start = time.monotonic()
        moves = env["property.billing"]._billing_run(
            company,
            date.fromisoformat(job["period"]),
            project_ids=job["projects"],
            limit=job["batch"],
            commit=True,
        )
        cr.commit()
        print(
            json.dumps({"invoices": len(moves), "seconds": time.monotonic() - start}),
            flush=True,
        )
    return 0


# ----------------------------------------------------------------------
# The parent
# ----------------------------------------------------------------------
class LockSampler(threading.Thread):
    """Samples the active backends of the worker processes."""

    def __init__(self, registry, database):
        super().__init__(daemon=True)
        self.registry, self.database = registry, database
        self.stop = threading.Event()
        self.active = self.waiting = 0
        self.kinds = Counter()  # every wait event type seen

    def run(self):
        with self.registry.cursor() as cr:
            cr._cnx.autocommit = True
            while not self.stop.is_set():
                cr.execute(
                    """
                    SELECT wait_event_type
                      FROM pg_stat_activity
                     WHERE datname = %s AND pid != pg_backend_pid()
                       AND backend_type = 'client backend' AND state = 'active'
                    """,
                    [self.database],
                )
                for (kind,) in cr.fetchall():
                    self.active += 1
                    self.waiting += kind == "Lock"
                    if kind:
                        self.kinds[kind] += 1
                time.sleep(0.02)

    def share(self):
        return self.waiting / self.active if self.active else 0.0


def run_round(args, data, period, groups):
    """Start one worker per group of projects, release them together;
    returns (invoices, wall seconds, lock-wait share)."""
    script = os.path.realpath(__file__)
    procs = []
    for projects in groups:
        job = {
            "company": data["company"],
            "projects": projects,
            "period": period.isoformat(),
            "batch": args.batch,
        }
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    script,
                    "-c",
                    args.config,
                    "-d",
                    args.database,
                    "--worker",
                    json.dumps(job),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        )
    for proc in procs:
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError("a worker failed to start")
    sampler = LockSampler(args.registry, args.database)
    sampler.start()
    start = time.monotonic()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        line = proc.stdout.readline()
        proc.wait()
        if proc.returncode or not line:
            raise RuntimeError(f"a worker failed (exit {proc.returncode})")
        results.append(json.loads(line))
    wall = time.monotonic() - start
    sampler.stop.set()
    sampler.join()
    waits = ", ".join(
        f"{kind} {count / sampler.active:.0%}"
        for kind, count in sampler.kinds.most_common()
    )
    return sum(r["invoices"] for r in results), wall, sampler.share(), waits


def check(registry, data, period):
    """(duplicates, missing) of the period's fee invoices of the units."""
    with registry.cursor() as cr:
        cr.execute(
            """
            SELECT u.id, count(m.id)
              FROM unnest(%s) AS u(id)
              LEFT JOIN account_move m
                ON m.pcs_unit_id = u.id AND m.pcs_period = %s
               AND m.pcs_billing_kind = 'fee' AND m.state != 'cancel'
             GROUP BY u.id
            """,
            [data["units"], period],
        )
        counts = [count for _unit, count in cr.fetchall()]
    return sum(1 for c in counts if c > 1), sum(1 for c in counts if not c)


def main():
    args = parse()
    if args.worker:
        return worker(args)
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    args.registry = registry = odoo.modules.registry.Registry(args.database)
    started = time.monotonic()
    data = race.setup(registry, args.units, 2)
    print(
        f"setup: {len(data['units'])} units in 2 projects in "
        f"{time.monotonic() - started:.0f} s",
        flush=True,
    )
    benchlib.header(
        "billing: 2 worker processes (one project each) vs 1 worker (both)",
        units=len(data["units"]),
        batch=args.batch,
        pairs=args.pairs,
    )
    one_project_each = [[project] for project in data["projects"]]
    ratios, shares, loads = [], {"1": [], "2": []}, []
    index = 0
    failed = False
    for pair in range(args.pairs + 1):
        throughput = {}
        for variant in ("1", "2") if pair % 2 == 0 else ("2", "1"):
            period = month(index)
            index += 1
            groups = [data["projects"]] if variant == "1" else one_project_each
            invoices, wall, share, waits = run_round(args, data, period, groups)
            duplicates, missing = check(registry, data, period)
            failed |= bool(duplicates or missing)
            throughput[variant] = invoices / wall
            print(
                f"pair {pair}{' (warm-up)' if not pair else ''} {variant} "
                f"worker{'s' if variant == '2' else ''}: {invoices} invoices in "
                f"{wall:.1f} s ({invoices / wall:.1f}/s), lock wait "
                f"{share:.0%} of active backend samples (waits: {waits or 'none'})"
                f", {duplicates} "
                f"duplicates, {missing} missing [{benchlib.load()}]",
                flush=True,
            )
            if pair:
                shares[variant].append(share)
        if pair:
            ratios.append(throughput["2"] / throughput["1"])
            loads.append(os.getloadavg()[0])
    print(benchlib.ratio_line("throughput 2 workers / 1 worker", ratios))
    for variant in ("1", "2"):
        median, low, high, label = benchlib.spread(shares[variant])
        print(
            f"lock-wait share, {variant} worker{'s' if variant == '2' else ''}: "
            f"median {median:.0%}, {label} {low:.0%}–{high:.0%}"
        )
    print(
        f"duplicates or missing invoices: {'YES' if failed else 'none'}; "
        f"1-min load during the pairs: {min(loads):.2f}–{max(loads):.2f}; "
        f"end: {benchlib.load()}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

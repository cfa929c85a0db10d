#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SQL queries per portal page for an owner with a short and a long history.

One command from a clean database (see tests/perf/run.py):

    python3 tests/perf/run.py bench_portal.py [--small 10] [--large 1000]

or on an existing database where the addons are installed (it COMMITS data):

    python3 tests/perf/bench_portal.py -c ODOO.conf -d DB [options]

Data: two portal owners; each owns ``--small`` (``--large``) units, each
unit billed once with the billing run (one posted invoice per unit), with
one service request (helpdesk ticket) and one renovation application.

Then Odoo runs as a server (``odoo-bin``, threaded, one process), each owner
logs in and asks every page twice: /my, /my/units, /my/tickets,
/my/invoices, /my/renovations, one unit's page, one request's page and one
renovation's page.  The SQL queries of the second request of each page are
read from the server's request log (the query count Odoo appends to every
werkzeug line).  Printed: a table of queries per page for both owners and
the pages whose count grows with the history (a count that grows means a
query per record: an N+1 in the controller or the template).
"""

import argparse
import os
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import odoo
from odoo import Command, api

sys.path.insert(0, str(Path(__file__).parent))
import bench_workers as server  # noqa: E402
import benchlib  # noqa: E402

PERIOD = date(2031, 1, 1)
PASSWORD = server.PASSWORD


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--large", type=int, default=1000)
    return parser.parse_args()


def setup_owner(env, size, tag):
    """A portal owner with ``size`` units, invoices, requests, renovations."""
    company = env.ref("base.main_company")
    project = env["property.project"].create(
        {"name": f"Portal {tag}-{size}", "code": f"Q{tag[-3:]}{size}"[:8]}
    )
    building = env["property.building"].create(
        {"name": "Portal", "code": "PT", "project_id": project.id}
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
    owner = env["res.partner"].create(
        {"name": f"Portal owner {tag}-{size}", "email": f"o{size}-{tag}@bench.test"}
    )
    login = f"portal-{tag}-{size}"
    env["res.users"].with_context(no_reset_password=True).create(
        {
            "login": login,
            "password": PASSWORD,
            "partner_id": owner.id,
            "groups_id": [Command.set(env.ref("base.group_portal").ids)],
        }
    )
    units = env["property.unit"].create(
        [
            {
                "code": f"PT-{i:05d}",
                "project_id": project.id,
                "building_id": building.id,
                "area": 80.0 + i % 40,
                "unit_type": "residence",
                "state": "occupied",
                "billing_date_start": date(2030, 1, 1),
            }
            for i in range(size)
        ]
    )
    env["property.archive"].create(
        [
            {
                "unit_id": unit.id,
                "date_open": date(2030, 1, 1),
                "ownership_ids": [
                    Command.create(
                        {"partner_id": owner.id, "date_start": date(2030, 1, 1)}
                    )
                ],
            }
            for unit in units
        ]
    )
    env["property.billing"]._billing_run(
        company, PERIOD, project_ids=project.ids, limit=500
    )
    tickets = env["helpdesk.ticket"].create(
        [
            {
                "name": f"Request {i}",
                "description": "The corridor light is broken.",
                "partner_id": owner.id,
                "pcs_unit_id": unit.id,
            }
            for i, unit in enumerate(units)
        ]
    )
    contractor = env["res.partner"].create(
        {"name": f"Decoration {tag}-{size}", "is_company": True}
    )
    renovations = env["property.renovation"].create(
        [
            {
                "unit_id": unit.id,
                "partner_id": owner.id,
                "contractor_id": contractor.id,
                "principal_name": "Zhang Jianguo",
                "date_start": date(2031, 3, 2),
                "date_end": date(2031, 4, 30),
            }
            for unit in units
        ]
    )
    return {
        "login": login,
        "size": size,
        "pages": {
            "/my": "/my",
            "/my/units": "/my/units",
            "/my/tickets": "/my/tickets",
            "/my/invoices": "/my/invoices",
            "/my/renovations": "/my/renovations",
            "a unit": f"/my/units/{units[0].id}",
            "a request": f"/my/ticket/{tickets[0].id}",
            "a renovation": f"/my/renovations/{renovations[0].id}",
        },
    }


def queries_of(log_path, path, seen):
    """The query count of the last logged request of ``path`` after line
    ``seen`` of the server log."""
    pattern = re.compile(
        rf'"GET {re.escape(path)} HTTP/[0-9.]+" (\d+) \S+ (\d+) [0-9.]+ [0-9.]+'
    )
    for _attempt in range(50):
        with open(log_path, encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()[seen:]
        for line in reversed(lines):
            match = pattern.search(line)
            if match:
                return int(match.group(1)), int(match.group(2))
        time.sleep(0.1)
    raise RuntimeError(f"no log line for {path} in {log_path}")


def main():
    args = parse()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    tag = f"{time.time_ns() % 10**6}"
    started = time.monotonic()
    owners = []
    with registry.cursor() as cr:
        env = api.Environment(
            cr,
            odoo.SUPERUSER_ID,
            {"tracking_disable": True, "mail_create_nolog": True},
        )
        for size in (args.small, args.large):
            owners.append(setup_owner(env, size, tag))
            cr.commit()
    print(f"setup: {time.monotonic() - started:.0f} s", flush=True)
    benchlib.header("queries per portal page", small=args.small, large=args.large)
    log_path = os.path.join(tempfile.gettempdir(), f"bench_portal_{tag}.log")
    args.workers = 0
    proc, log, base = server.start_server(
        args, server.free_port(), server.free_port(), log_path
    )
    table = {}
    try:
        for owner in owners:
            browser = server.Owner(base, owner["login"])
            browser.log_in()
            for name, path in owner["pages"].items():
                for _repeat in range(2):
                    with open(log_path, encoding="utf-8", errors="replace") as handle:
                        seen = len(handle.readlines())
                    status, _body = browser.get(path)
                    code, queries = queries_of(log_path, path, seen)
                if code != 200 or status != 200:
                    raise RuntimeError(f"{path}: HTTP {code}")
                table.setdefault(name, []).append(queries)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        log.close()
    width = max(len(name) for name in table)
    print(f"{'page':<{width}}  {args.small:>8}  {args.large:>8}  records")
    growing = []
    for name, (small, large) in table.items():
        flag = "" if large <= small else "  GROWS"
        if large > small:
            growing.append(name)
        print(f"{name:<{width}}  {small:>8}  {large:>8}{flag}")
    print(
        f"pages whose queries grow with the history: {', '.join(growing) or 'none'}"
        f"; end: {benchlib.load()}"
    )
    return 1 if growing else 0


if __name__ == "__main__":
    sys.exit(main())

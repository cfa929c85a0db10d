#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the request escalation job (property_cs).

Creates N open requests over several projects (default 20,000), then runs
``helpdesk.ticket._cron_pcs_escalate`` batch after batch (committing between
batches, as the cron runner does) until nothing remains, and prints:

- SQL queries per 1,000 tickets escalated;
- the ratio of the job's time to one plain ``search_read`` of the same
  tickets' deadline fields, measured in the same run;
- a second run of the job (must do nothing).

Usage (database with property_cs installed; it is modified):

    python3 tests/perf/bench_escalation.py -c ODOO_CONF -d DBNAME [--tickets 20000]
"""

import argparse
import sys
import time
from datetime import datetime, timedelta

BATCH = 500


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--tickets", type=int, default=20000)
    parser.add_argument("--projects", type=int, default=5)
    parser.add_argument("--odoo-path", default="/opt/odoo18")
    args = parser.parse_args()
    sys.path.insert(0, args.odoo_path)

    import odoo
    from odoo import api
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        ids = setup(env, args)
        cr.commit()

        Ticket = env["helpdesk.ticket"]
        fields_ = [
            "pcs_first_reply_deadline",
            "pcs_dispatch_deadline",
            "pcs_on_site_deadline",
            "pcs_resolve_deadline",
            "pcs_upgrade_deadline",
        ]
        env.invalidate_all()
        start = time.perf_counter()
        Ticket.search_read([("id", "in", ids)], fields_)
        plain = time.perf_counter() - start

        env.invalidate_all()
        queries_before = cr.sql_log_count
        start = time.perf_counter()
        done = batches = 0
        while True:
            count = Ticket._cron_pcs_escalate(limit=BATCH)
            cr.commit()
            env.invalidate_all()
            done += count
            batches += 1
            if count < BATCH:
                break
        job = time.perf_counter() - start
        queries = cr.sql_log_count - queries_before

        start = time.perf_counter()
        second = Ticket._cron_pcs_escalate(limit=BATCH)
        cr.commit()
        second_time = time.perf_counter() - start

    per_ticket = len(ids) / 1000.0
    print(f"tickets: {len(ids)} open over {args.projects} projects")
    print(f"escalations: {done} in {batches} batches of {BATCH}")
    print(
        f"job: {job:.1f} s; queries: {queries} = "
        f"{queries / per_ticket:.0f} per 1,000 tickets "
        f"({queries / max(done, 1) * 1000:.0f} per 1,000 escalations)"
    )
    print(
        f"plain search_read of the deadlines: {plain:.3f} s; "
        f"ratio job/search_read = {job / plain:.0f}"
    )
    print(f"second run: {second} escalations in {second_time:.2f} s")


def setup(env, args):
    """Projects, a unit each, and N open tickets with a mix of clocks."""
    company = env.company
    Project = env["property.project"]
    projects = Project.search([("code", "like", "BENCH%")])
    if not projects:
        projects = Project.create(
            [{"name": f"Bench {i}", "code": f"BENCH{i}"} for i in range(args.projects)]
        )
        for project in projects:
            building = env["property.building"].create(
                {"name": "B", "code": "B", "project_id": project.id}
            )
            env["property.unit"].create(
                {"code": "B-0101", "project_id": project.id, "building_id": building.id}
            )
    units = env["property.unit"].search([("project_id", "in", projects.ids)])
    front = env.ref("base.user_admin")
    now = datetime.now()
    mix = [
        # (category, level, registered minutes ago)
        ("consultation", False, 5),  # nothing due
        ("common_repair", False, 60),  # first reply + dispatch overdue
        ("complaint", "general", 3 * 24 * 60),  # resolve + first reply overdue
        ("complaint", "important", 10),  # director
        ("complaint", "major", 10),  # general manager
        ("complaint", "general", 40 * 24 * 60),  # auto upgrade to major
        ("paid_repair", False, 2),  # nothing due
        ("suggestion", False, 3),  # nothing due
    ]
    ids = []
    Ticket = env["helpdesk.ticket"].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    )
    chunk = 1000
    for start in range(0, args.tickets, chunk):
        vals_list = []
        for i in range(start, min(start + chunk, args.tickets)):
            category, level, ago = mix[i % len(mix)]
            unit = units[i % len(units)]
            vals_list.append(
                {
                    "name": f"Bench request {i}",
                    "description": "bench",
                    "pcs_unit_id": unit.id,
                    "pcs_category": category,
                    "pcs_complaint_level": level,
                    "pcs_registered_at": now - timedelta(minutes=ago),
                    "pcs_accountable_user_id": front.id,
                    "company_id": company.id,
                }
            )
        ids += Ticket.create(vals_list).ids
        env.cr.commit()
    return ids


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The request escalation job against its honest floor.

One command from a clean database (see tests/perf/run.py):

    python3 tests/perf/run.py bench_escalation.py [--tickets 20000] [--pairs 5]

or on an existing database with property_cs installed (it COMMITS data):

    python3 tests/perf/bench_escalation.py -c ODOO.conf -d DB [same options]

Creates ``--tickets`` open requests over ``--projects`` projects (each with
its director; one general manager), a stable mix (eight kinds in turn: a
consultation already answered, a common-area repair not yet dispatched, a
general complaint three days old, an important complaint, a major
complaint, a general complaint 40 days old, a paid repair and a suggestion,
all answered but the repair; no clock runs out while the bench runs, but
a slow set-up counts: at 20,000 requests it took 11 minutes on a loaded
machine and the paid repairs' dispatch clock ran out before the first
run: compare the kinds printed for each run), then
alternates (A B B A ...):

- **A**: the escalation job as the cron runner runs it: ``_cron_pcs_escalate``
  as the cron's user (superuser) with the cron's context (tracking on, a
  progress record), batches of ``--batch``, a commit after each call, until
  nothing is left;
- **B** (the floor): the same escalation marker rows and the same log notes
  written in batch (``create`` of the markers, ``_message_log_batch`` of the
  notes, ``--batch`` tickets per transaction, same context).

Between two runs the data is put back (markers, notes, digests, activities,
followers added, complaint levels; not timed).  The first pair is a warm-up
and is not counted.  Printed per run: time, escalations by kind (the same in
every run), queries per notified escalation (director and general manager)
and per escalation, digests sent and their recipients (one digest per
recipient per run); then the median A/B ratio and its spread,
and the machine's load.
"""

import argparse
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import odoo
from odoo import Command, api

sys.path.insert(0, str(Path(__file__).parent))
import benchlib  # noqa: E402

# (category, level, minutes since registration, answered)
MIX = [
    ("consultation", False, 5, True),
    ("common_repair", False, 60, True),  # dispatch overdue
    ("complaint", "general", 3 * 24 * 60, True),  # resolution overdue
    ("complaint", "important", 10, True),  # director
    ("complaint", "major", 10, True),  # general manager
    ("complaint", "general", 40 * 24 * 60, True),  # major after a month: GM, resolution
    ("paid_repair", False, 2, True),
    ("suggestion", False, 3, True),
]


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--tickets", type=int, default=20000)
    parser.add_argument("--projects", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=500)
    return parser.parse_args()


def setup(env, tickets_count, projects_count):
    tag = f"{time.time_ns() % 10**6}"
    company = env.company
    company.partner_id.tz = company.partner_id.tz or "Asia/Shanghai"
    users = env["res.users"].with_context(no_reset_password=True)
    staff = env.ref("base.group_user")

    def user(login, group, name):
        return users.create(
            {
                "login": f"{login}-{tag}",
                "name": name,
                "email": f"{login}-{tag}@bench.test",
                "groups_id": [Command.set([staff.id, env.ref(group).id])],
            }
        )

    manager = user("gm", "property_cs.group_general_manager", "Bench GM")
    accountable = [
        user(f"desk{p}", "property_cs.group_front_desk", f"Front desk {p}")
        for p in range(projects_count)
    ]
    projects = env["property.project"].create(
        [
            {
                "name": f"Bench {tag}-{p}",
                "code": f"E{tag[-3:]}{p}",
                "manager_id": user(
                    f"dir{p}", "property_cs.group_director", f"Director {p}"
                ).id,
                "user_ids": [Command.link(accountable[p].id)],
            }
            for p in range(projects_count)
        ]
    )
    units = env["property.unit"]
    for project in projects:
        building = env["property.building"].create(
            {"name": "B", "code": "B", "project_id": project.id}
        )
        units |= env["property.unit"].create(
            {"code": "B-0101", "project_id": project.id, "building_id": building.id}
        )
    now = datetime.now()
    Ticket = env["helpdesk.ticket"].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    )
    ids = []
    for start in range(0, tickets_count, 1000):
        vals_list = []
        for i in range(start, min(start + 1000, tickets_count)):
            category, level, ago, answered = MIX[i % len(MIX)]
            project_index = i % projects_count
            registered = now - timedelta(minutes=ago)
            vals_list.append(
                {
                    "name": f"Bench request {i}",
                    "description": "bench",
                    "pcs_unit_id": units[project_index].id,
                    "pcs_category": category,
                    "pcs_complaint_level": level,
                    "pcs_registered_at": registered,
                    "pcs_first_reply_at": registered + timedelta(minutes=1)
                    if answered
                    else False,
                    "pcs_accountable_user_id": accountable[project_index].id,
                    "company_id": company.id,
                }
            )
        ids += Ticket.create(vals_list).ids
        env.cr.commit()
    return ids, manager


def watermarks(cr):
    marks = {}
    for table in ("mail_message", "mail_activity", "mail_followers", "mail_mail"):
        cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608 - constant names
        marks[table] = cr.fetchone()[0]
    return marks


def reset(env, ids, marks, upgraded):
    """Put the data back as before the run (not timed)."""
    cr = env.cr
    cr.execute(
        "DELETE FROM property_ticket_escalation WHERE ticket_id = ANY(%s)", [ids]
    )
    for table, mark in marks.items():
        cr.execute(f"DELETE FROM {table} WHERE id > %s", [mark])  # noqa: S608
    if upgraded:
        cr.execute(
            "UPDATE helpdesk_ticket SET pcs_complaint_level = 'general', "
            "pcs_level_upgraded = FALSE WHERE id = ANY(%s)",
            [upgraded],
        )
        # The deadlines are stored computed fields of the level: the SQL
        # update above does not recompute them (the upgrade deadline would
        # stay empty and the next run would not upgrade these complaints).
        env.invalidate_all()
        tickets = env["helpdesk.ticket"].browse(upgraded)
        for name in ("pcs_escalation_deadline", "pcs_upgrade_deadline"):
            env.add_to_compute(tickets._fields[name], tickets)
        env.flush_all()
    env.invalidate_all()
    env.registry.clear_cache()
    cr.commit()


def run_job(env, batch):
    cron = env.ref("property_cs.ir_cron_ticket_escalate")
    calls = 0
    while True:
        progress = env["ir.cron.progress"].create({"cron_id": cron.id})
        Ticket = env["helpdesk.ticket"].with_context(
            lastcall=cron.lastcall, cron_id=cron.id, ir_cron_progress_id=progress.id
        )
        Ticket._cron_pcs_escalate(limit=batch)
        env.cr.commit()
        env.invalidate_all()
        calls += 1
        if not progress.remaining:
            return calls


def run_floor(env, rows, notes, batch):
    """The markers and the notes of the job, written in batch."""
    Escalation = env["property.ticket.escalation"]
    Ticket = env["helpdesk.ticket"]
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        Escalation.create(
            [
                {"ticket_id": ticket_id, "kind": kind, "digest_pending": False}
                for ticket_id, kind in chunk
            ]
        )
        for kind in {kind for _t, kind in chunk}:
            bodies = {t: notes[t, k] for t, k in chunk if k == kind and (t, k) in notes}
            if bodies:
                Ticket.browse(list(bodies))._message_log_batch(bodies)
        env.cr.commit()
        env.invalidate_all()


def main():
    args = parse()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        t0 = time.perf_counter()
        ids, _manager = setup(env, args.tickets, args.projects)
        cr.commit()
        print(
            f"setup: {len(ids)} tickets in {time.perf_counter() - t0:.0f} s", flush=True
        )
        benchlib.header(
            "escalation job (A) vs markers and notes in batch (B)",
            tickets=len(ids),
            projects=args.projects,
            batch=args.batch,
            pairs=args.pairs,
        )
        upgraded = [i for n, i in enumerate(ids) if MIX[n % len(MIX)][2] > 30 * 24 * 60]
        rows, notes, ratios = None, {}, []
        for index, (first, second) in enumerate(benchlib.order(args.pairs + 1)):
            times = {}
            for variant in (first, second):
                if variant == "B" and rows is None:
                    variant_order = ("A",)  # the floor needs the job's rows first
                else:
                    variant_order = (variant,)
                for run in variant_order:
                    marks = watermarks(cr)
                    with benchlib.Timer(cr) as timer:
                        if run == "A":
                            calls = run_job(env, args.batch)
                        else:
                            run_floor(env, rows, notes, args.batch)
                    cr.execute(
                        "SELECT kind, count(*) FROM property_ticket_escalation "
                        "WHERE ticket_id = ANY(%s) GROUP BY kind ORDER BY kind",
                        [ids],
                    )
                    kinds = dict(cr.fetchall())
                    if run == "A":
                        cr.execute(
                            "SELECT count(*) FROM mail_message WHERE id > %s "
                            "AND model IS NULL AND message_type = 'user_notification'",
                            [marks["mail_message"]],
                        )
                        digests = cr.fetchone()[0]
                        cr.execute(
                            "SELECT count(DISTINCT rel.res_partner_id) "
                            "FROM mail_message m JOIN mail_message_res_partner_rel "
                            "rel ON rel.mail_message_id = m.id WHERE m.id > %s "
                            "AND m.model IS NULL "
                            "AND m.message_type = 'user_notification'",
                            [marks["mail_message"]],
                        )
                        recipients = cr.fetchone()[0]
                        if rows is None:
                            cr.execute(
                                "SELECT ticket_id, kind "
                                "FROM property_ticket_escalation "
                                "WHERE ticket_id = ANY(%s) ORDER BY id",
                                [ids],
                            )
                            rows = cr.fetchall()
                            cr.execute(
                                "SELECT res_id, body FROM mail_message WHERE id > %s "
                                "AND model = 'helpdesk.ticket' ORDER BY id",
                                [marks["mail_message"]],
                            )
                            by_ticket = {}
                            for res_id, body in cr.fetchall():
                                by_ticket.setdefault(res_id, []).append(body)
                            for ticket_id, kind in rows:
                                if kind in (
                                    "auto_major",
                                    "director",
                                    "general_manager",
                                ):
                                    notes[ticket_id, kind] = by_ticket[ticket_id].pop(0)
                    notified = kinds.get("director", 0) + kinds.get(
                        "general_manager", 0
                    )
                    total = sum(kinds.values())
                    line = (
                        f"pair {index}{' (warm-up)' if index == 0 else ''} {run}: "
                        f"{timer.seconds:.1f} s, {total} escalations {kinds}, "
                        f"{timer.queries} queries = "
                        f"{timer.queries / max(total, 1):.2f} "
                        f"per escalation"
                    )
                    if run == "A":
                        line += (
                            f", {timer.queries / max(notified, 1):.2f} per notified "
                            f"escalation, {digests} digests to {recipients} "
                            f"recipients, {calls} calls"
                        )
                    print(line, f"[{benchlib.load()}]", flush=True)
                    times[run] = timer.seconds
                    reset(env, ids, marks, upgraded)
            if index and "A" in times and "B" in times:
                ratios.append(times["A"] / times["B"])
        print(benchlib.ratio_line("A/B escalation job / floor", ratios))
        print(f"end: {benchlib.load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

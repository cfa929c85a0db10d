#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the property billing run against plain batched account.move.

Usage (on a database where property_billing is installed; it COMMITS data):

    python3 tests/perf/bench_billing.py -c ODOO.conf -d DB [-n 10000] [--batch 200]

1. creates N units (billed to a partner each) with two monthly fees
   (service fee per m² and a fixed fee);
2. bills one period with the billing run (batches, commit per batch);
3. creates and posts N comparable two-line invoices with plain batched
   ``account.move`` create + ``action_post`` (same batch size, commit per batch);
4. runs stage 1 of a dunning run over the N (overdue) invoices.
Prints invoices/s for both, their ratio and SQL queries per 1,000 units.
"""

import argparse
import sys
import time
from datetime import date

import odoo
from odoo import Command, api


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--units", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=200)
    return parser.parse_args()


def main():
    args = parse()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    n, batch = args.units, args.batch
    period = date(2025, 1, 1)
    ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, ctx)
        company = env.ref("base.main_company")
        tag = str(int(time.time()))
        project = env["property.project"].create(
            {"name": f"Bench {tag}", "code": f"B{tag[-5:]}", "company_id": company.id}
        )
        building = env["property.building"].create(
            {"name": "Bench", "code": "BB", "project_id": project.id}
        )
        service = env.ref("property_billing.product_service_fee")
        fixed = env["product.product"].create(
            {"name": "Garbage Fee", "type": "service", "pcs_fee_type": "fixed"}
        )
        env["property.tariff"].create(
            [
                {
                    "project_id": project.id,
                    "product_id": service.id,
                    "price": 2.35,
                    "date_from": date(2024, 1, 1),
                },
                {
                    "project_id": project.id,
                    "product_id": fixed.id,
                    "price": 15.0,
                    "date_from": date(2024, 1, 1),
                },
            ]
        )
        t0 = time.time()
        partners = env["res.partner"].create(
            [{"name": f"Bench Owner {tag}-{i}"} for i in range(n)]
        )
        units = env["property.unit"].create(
            [
                {
                    "code": f"BU-{i:05d}",
                    "project_id": project.id,
                    "building_id": building.id,
                    "area": 60 + (i % 90) + 0.37,
                    "state": "occupied",
                    "billing_date_start": date(2024, 1, 1),
                    "billing_partner_mode": "tenant",
                    "billing_tenant_id": partner.id,
                }
                for i, partner in enumerate(partners)
            ]
        )
        cr.commit()
        print(f"setup: {n} partners and units in {time.time() - t0:.1f} s", flush=True)

        # --- billing run -------------------------------------------------
        Billing = env["property.billing"]
        q0, t0 = cr.sql_log_count, time.time()
        moves = Billing._billing_run(
            company, period, project_ids=project.ids, limit=batch, commit=True
        )
        run_s, run_q = time.time() - t0, cr.sql_log_count - q0
        billed = len(moves)
        assert billed == n, (billed, n)
        env.invalidate_all()

        # --- plain Odoo ----------------------------------------------------
        journal = env["account.journal"].search(
            [
                ("company_id", "=", company.id),
                ("type", "=", "sale"),
                ("code", "!=", "PROP"),
            ],
            limit=1,
        )
        Move = env["account.move"].with_context(**ctx)
        q0, t0 = cr.sql_log_count, time.time()
        plain = 0
        units.fetch(["area", "billing_partner_id"])
        for start in range(0, n, batch):
            chunk = units[start : start + batch]
            vals_list = [
                {
                    "move_type": "out_invoice",
                    "journal_id": journal.id,
                    "partner_id": unit.billing_partner_id.id,
                    "invoice_date": period,
                    "invoice_date_due": date(2025, 1, 7),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": service.id,
                                "quantity": unit.area,
                                "price_unit": 2.35,
                            }
                        ),
                        Command.create(
                            {
                                "product_id": fixed.id,
                                "quantity": 1.0,
                                "price_unit": 15.0,
                            }
                        ),
                    ],
                }
                for unit in chunk
            ]
            created = Move.create(vals_list)
            created.action_post()
            plain += len(created)
            cr.commit()
            env.invalidate_all()
        plain_s, plain_q = time.time() - t0, cr.sql_log_count - q0

        # --- dunning stage 1 over the overdue invoices -----------------------
        run = env["property.dunning.run"].search(
            [("company_id", "=", company.id), ("period", "=", date(2025, 2, 1))]
        ) or env["property.dunning.run"].create(
            {"company_id": company.id, "period": date(2025, 2, 1)}
        )
        q0, t0 = cr.sql_log_count, time.time()
        run.action_prepare_calls()
        env.flush_all()
        dun_s, dun_q = time.time() - t0, cr.sql_log_count - q0
        dun_lines = len(run.line_ids.filtered(lambda line: line.project_id == project))
        cr.commit()

    k = n / 1000
    print(f"units: {n}, batch size: {batch}")
    print(
        f"billing run : {billed} invoices in {run_s:.1f} s = "
        f"{billed / run_s:.1f} invoices/s, "
        f"{run_q / k:.0f} SQL queries per 1,000 units"
    )
    print(
        f"plain Odoo  : {plain} invoices in {plain_s:.1f} s = "
        f"{plain / plain_s:.1f} invoices/s, "
        f"{plain_q / k:.0f} SQL queries per 1,000 units"
    )
    print(
        f"ratio (billing run time / plain time): {run_s / plain_s:.2f}x "
        "(target <= 1.3x)"
    )
    print(
        f"dunning stage 1: {dun_lines} owners with arrears in {dun_s:.1f} s, "
        f"{dun_q} SQL queries ({dun_q / k:.1f} per 1,000 invoices)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

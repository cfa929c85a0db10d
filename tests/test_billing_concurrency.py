# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two billing runs at the same time, with real cursors and commits.

Not a TransactionCase: each thread commits per batch as the cron runner does;
the data is created, committed and deleted by tests/perf/bench_billing_concurrency.py.
"""

import importlib.util
import unittest
from pathlib import Path

import odoo
from odoo.tests import tagged

_spec = importlib.util.spec_from_file_location(
    "bench_billing_concurrency",
    Path(__file__).parent / "perf" / "bench_billing_concurrency.py",
)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@tagged("post_install", "-at_install", "property_security")
class TestConcurrentBillingRuns(unittest.TestCase):
    def test_two_runs_same_period_no_duplicate_no_deadlock(self):
        registry = odoo.modules.registry.Registry(odoo.tools.config["db_name"])
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            if not env.ref("base.main_company").chart_template:
                # Committed data cannot use the transactional test base (its
                # company with a chart of accounts is rolled back): the race
                # runs in the company of the database, which has no chart of
                # accounts yet when installed without demo data.
                raise unittest.SkipTest("the main company has no chart of accounts")
        data = bench.setup(registry, 30)
        try:
            results = bench.race(registry, data, batch=4)
            counts = bench.invoices_per_unit(registry, data)
        finally:
            bench.cleanup(registry, data)
        errors = {name: r[2] for name, r in results.items() if r[2]}
        self.assertFalse(errors)
        self.assertEqual(len(results), 2)
        self.assertEqual(sum(r[0] for r in results.values()), 30)
        self.assertEqual(sorted(counts), sorted(data["units"]))
        self.assertEqual(set(counts.values()), {1})
        with registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM property_unit WHERE id = ANY(%s)",
                [data["units"]],
            )
            self.assertEqual(cr.fetchone()[0], 0)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Billing and late-fee runs that meet, with real cursors and commits.

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
    def setUp(self):
        self.registry = odoo.modules.registry.Registry(odoo.tools.config["db_name"])
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            if not env.ref("base.main_company").chart_template:
                # Committed data cannot use the transactional test base (its
                # company with a chart of accounts is rolled back): the race
                # runs in the company of the database.
                raise unittest.SkipTest("the main company has no chart of accounts")

    def _race(self, units, projects=2, first_billing=False, stale=False, batch=4):
        data = bench.setup(self.registry, units, projects, first_billing)
        self.addCleanup(bench.cleanup, self.registry, data)
        results = bench.race(self.registry, data, batch=batch, stale=stale)
        return data, results

    def _assert_each_unit_billed_once(self, data, results):
        self.assertEqual(len(results), 2, "both runs ended")
        self.assertFalse({name: r[2] for name, r in results.items() if r[2]})
        counts = bench.invoices_per_unit(self.registry, data)
        self.assertEqual(sorted(counts), sorted(data["units"]))
        self.assertEqual(set(counts.values()), {1})
        self.assertEqual(sum(r[0] for r in results.values()), len(data["units"]))

    def test_two_runs_same_period_no_duplicate_no_deadlock(self):
        data, results = self._race(30)
        self._assert_each_unit_billed_once(data, results)
        # each project numbers in its own journal
        journals = bench.journals(self.registry, data)
        self.assertEqual(len(journals), 2)

    def test_first_billing_of_new_projects(self):
        """Both runs need the projects' fee journals, which do not exist yet:
        each journal is created once and both runs end."""
        data, results = self._race(24, first_billing=True)
        self._assert_each_unit_billed_once(data, results)
        self.assertEqual(len(bench.journals(self.registry, data)), 2)

    def test_run_with_a_stale_snapshot_ends(self):
        """Run 1's snapshot predates run 2's commits: every unit it selects
        was billed meanwhile.  It rolls back, starts a new transaction and
        ends with nothing to bill (it used to retry in the same snapshot
        without end)."""
        data, results = self._race(12, stale=True)
        self._assert_each_unit_billed_once(data, results)
        self.assertEqual(results["run 1"][0], 0)
        self.assertEqual(results["run 2"][0], 12)

    def test_late_fee_run_with_a_stale_snapshot_ends(self):
        data = bench.setup(self.registry, 10, 1)
        self.addCleanup(bench.cleanup, self.registry, data)
        bench.race(self.registry, data, batch=4)
        results = bench.race(self.registry, data, batch=4, stale=True, late_fees=True)
        self.assertEqual(len(results), 2, "both runs ended")
        self.assertFalse({name: r[2] for name, r in results.items() if r[2]})
        self.assertEqual(results["run 2"][0], 10)
        accruals = bench.accruals_per_invoice(self.registry, data)
        self.assertEqual(len(accruals), 10)
        self.assertEqual(set(accruals.values()), {1})

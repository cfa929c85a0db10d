# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A key set lent twice at the same moment outside Odoo's HTTP retry (a
scheduled job, an import, a script): one loan, and a clear message for the
other, not a raw serialisation failure.

Not a TransactionCase: two real transactions on committed data, which is
removed at the end (the pattern of test_billing_concurrency.py).
"""

import unittest
import uuid

import odoo
from odoo.exceptions import UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install", "property_security")
class TestConcurrentKeyLoans(unittest.TestCase):
    def setUp(self):
        self.registry = odoo.modules.registry.Registry(odoo.tools.config["db_name"])
        code = uuid.uuid4().hex[:6].upper()
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            project = env["property.project"].create(
                {"name": f"Race {code}", "code": f"R{code}"}
            )
            building = env["property.building"].create(
                {"name": "Race 1", "code": "R1", "project_id": project.id}
            )
            unit = env["property.unit"].create(
                {
                    "code": f"R1-{code}",
                    "project_id": project.id,
                    "building_id": building.id,
                    "area": 80.0,
                }
            )
            key_set = env["property.key.set"].create({"unit_id": unit.id})
            self.ids = {
                "project": project.id,
                "building": building.id,
                "unit": unit.id,
                "key_set": key_set.id,
            }
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            key_set = env["property.key.set"].browse(self.ids["key_set"])
            key_set.loan_ids.unlink()
            key_set.unlink()
            env["property.unit"].browse(self.ids["unit"]).unlink()
            env["property.building"].browse(self.ids["building"]).unlink()
            env["property.project"].browse(self.ids["project"]).unlink()

    def _loan_vals(self, env, who):
        return {
            "key_set_id": self.ids["key_set"],
            "borrower_partner_id": env.ref("base.partner_admin").id,
            "purpose": "cleaning",
            "purpose_note": who,
        }

    def test_second_lender_gets_a_clear_message(self):
        # The job's transaction starts first (its snapshot is taken)...
        with self.registry.cursor() as job_cr:
            job_env = odoo.api.Environment(job_cr, odoo.SUPERUSER_ID, {})
            job_env["property.key.set"].browse(self.ids["key_set"]).read(["state"])
            # ...a front-desk user lends the set and commits meanwhile...
            with self.registry.cursor() as desk_cr:
                desk_env = odoo.api.Environment(desk_cr, odoo.SUPERUSER_ID, {})
                desk_env["property.key.loan"].create(self._loan_vals(desk_env, "desk"))
            # ...then the job lends the same set.
            with self.assertRaisesRegex(UserError, "being lent or returned by someone"):
                job_env["property.key.loan"].create(self._loan_vals(job_env, "job"))
            # the job's transaction is still usable for its other work
            job_env.cr.execute("SELECT 1")
            job_cr.rollback()
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            loans = env["property.key.set"].browse(self.ids["key_set"]).loan_ids
            self.assertEqual(loans.mapped("purpose_note"), ["desk"])
            self.assertEqual(loans.key_set_id.state, "lent")

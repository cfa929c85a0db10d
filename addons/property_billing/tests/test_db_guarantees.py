# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The billing rules guaranteed by the database reach the user as a clear
message in their language (issue 13 item 6): a second active auto-debit
mandate for a unit, from a form/RPC call and from a job."""

import base64
import json
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PropertyBillingTestCommon

ONE_MANDATE_ZH = "每套房屋只能有一份生效的代扣协议"


@tagged("post_install", "-at_install")
class TestBillingGuarantees(PropertyBillingTestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["base", "property_cs", "property_billing"], ["zh_CN"], overwrite=True
        )
        cls.unit = cls._create_units(1, prefix="G")
        layout = cls.env.ref("property_billing.bank_layout_generic_a")
        layout.journal_id = cls.company_data["default_journal_bank"]
        cls.Mandate = cls.env["property.debit.mandate"]
        cls.first, cls.second = cls.Mandate.create(
            [
                {
                    "partner_id": cls.unit.billing_partner_id.id,
                    "unit_id": cls.unit.id,
                    "layout_id": layout.id,
                    "account_holder": cls.unit.billing_partner_id.name,
                    "acc_number": f"6222 0202 0000 00{i}1",
                    "date_signed": date(2026, 1, 5),
                    "agreement_file": base64.b64encode(b"%PDF-1.4 signed"),
                    "agreement_filename": "agreement.pdf",
                }
                for i in range(2)
            ]
        )
        cls.first.action_activate()

    def _call(self, model, method, *args, **kwargs):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": kwargs,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    @mute_logger("odoo.sql_db", "odoo.http")
    def test_second_active_mandate_by_rpc_in_chinese(self):
        # the cashier of the unit's project manages its mandates
        self.finance_user.lang = "zh_CN"
        self.authenticate(self.finance_user.login, self.finance_user.login)
        answer = self._call(
            "property.debit.mandate", "action_activate", self.second.ids
        )
        message = answer["error"]["data"]["message"]
        self.assertIn(ONE_MANDATE_ZH, message)
        self.assertNotIn("duplicate key", message)
        self.assertEqual(self.second.state, "draft")
        self.assertEqual(self.first.state, "active")

    @mute_logger("odoo.sql_db")
    def test_second_active_mandate_in_a_job_in_chinese(self):
        error = None
        try:
            with self.env.cr.savepoint():
                self.second.action_activate()
                self.env.flush_all()
        except Exception as exc:  # noqa: BLE001 - the IntegrityError itself
            error = self.Mandate.with_context(lang="zh_CN")._pcs_constraint_error(exc)
        self.assertIsInstance(error, ValidationError)
        self.assertIn(ONE_MANDATE_ZH, str(error))
        self.assertNotIn("duplicate key", str(error))

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every rule the database guarantees reaches the user as a clear message in
their language, whoever triggers it (a form or RPC call, an import, a job),
and the evidence of the access log survives deletions."""

import json
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon

ONE_ARCHIVE_ZH = "每套房屋只能有一份当前档案"
UNIT_CODE_ZH = "同一项目内的房屋编码不能重复"


class GuaranteeCase(PropertyTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["base", "property_cs"], ["zh_CN"], overwrite=True
        )

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


@tagged("post_install", "-at_install")
class TestDatabaseGuarantees(GuaranteeCase):
    def _import(self, model, fields, rows):
        return (
            self.env[model]
            .with_context(import_file=True, lang="zh_CN")
            .load(fields, rows)
        )

    @mute_logger("odoo.sql_db", "odoo.http")
    def test_import_second_current_archive_in_chinese(self):
        result = self._import(
            "property.archive",
            ["unit_id/.id", "date_open"],
            [[str(self.unit_a.id), "2026-01-01"]],
        )
        self.assertFalse(result["ids"])
        text = " ".join(m["message"] for m in result["messages"])
        self.assertIn(ONE_ARCHIVE_ZH, text)
        self.assertNotIn("duplicate key", text)
        self.assertEqual(self.unit_a.archive_id, self.archive_a)

    @mute_logger("odoo.sql_db", "odoo.http")
    def test_import_duplicate_unit_code_in_chinese(self):
        result = self._import(
            "property.unit",
            ["code", "project_id/.id", "building_id/.id", "area"],
            [
                ["A1-9-0909", str(self.project_a.id), str(self.building_a.id), "80"],
                ["A1-1-0101", str(self.project_a.id), str(self.building_a.id), "80"],
            ],
        )
        self.assertFalse(result["ids"])
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertIn(UNIT_CODE_ZH, " ".join(m["message"] for m in errors))
        self.assertFalse(
            self.env["property.unit"].search([("code", "=", "A1-9-0909")]),
            "nothing is written when a row is refused",
        )

    @mute_logger("odoo.sql_db", "odoo.http")
    def test_code_gets_the_message_of_a_violated_guarantee(self):
        """Jobs and scripts that handle a violation show the same message."""
        try:
            with self.env.cr.savepoint():
                self.env["property.archive"].create({"unit_id": self.unit_a.id})
        except Exception as exc:  # noqa: BLE001 - the IntegrityError itself
            error = (
                self.env["property.archive"]
                .with_context(lang="zh_CN")
                ._pcs_constraint_error(exc)
            )
        self.assertIsInstance(error, ValidationError)
        self.assertIn(ONE_ARCHIVE_ZH, str(error))

    def test_callback_job_survives_a_request_closed_again_later(self):
        """A rectification closed, called back, reopened and closed again two
        months later: the job keeps its one callback and finishes its run."""
        Callback = self.env["property.callback"]
        with freeze_time("2026-01-05 10:00:00"):
            ticket = self._ticket(pcs_category="rectification")
            self._close(ticket)
            first = Callback._cron_generate()
        self.assertEqual(first.ticket_id, ticket)
        # the callback row was made back then
        self.env.cr.execute(
            "UPDATE property_callback SET create_date = %s WHERE id = %s",
            [datetime(2026, 1, 5, 10, 0), first.id],
        )
        self.env.invalidate_all()
        with freeze_time("2026-03-20 10:00:00"):
            ticket._pcs_reopen("the leak came back")
            self._close(ticket)
            other = self._ticket(name="Cracked tile", pcs_category="rectification")
            self._close(other)
            created = Callback._cron_generate()
        self.assertEqual(created.ticket_id, other, "the run went on")
        self.assertEqual(ticket.pcs_callback_ids, first)


@tagged("post_install", "-at_install")
class TestDatabaseGuaranteesRpc(GuaranteeCase, HttpCase):
    @mute_logger("odoo.sql_db", "odoo.http")
    def test_rpc_second_current_archive_in_chinese(self):
        self.env.ref("base.user_admin").lang = "zh_CN"
        self.authenticate("admin", "admin")
        answer = self._call("property.archive", "create", {"unit_id": self.unit_a.id})
        message = answer["error"]["data"]["message"]
        self.assertIn(ONE_ARCHIVE_ZH, message)
        self.assertNotIn("duplicate key", message)

    def test_admin_cannot_erase_a_person_from_the_access_log(self):
        visitor = self.env["res.partner"].create(
            {"name": "Visitor V", "pcs_phone": "13700001111"}
        )
        Log = self.env["property.archive.access.log"]
        row = Log.with_user(self.privacy_officer)._pcs_log_partner(
            visitor, "reveal_phone", "service", "Called back about a parcel"
        )
        logged = Log._pcs_log_partner(
            self.owner_a, "reveal_id", "legal", "Police request"
        )
        self.authenticate("admin", "admin")
        for model, record in (
            ("res.partner", visitor),
            ("property.unit", self.unit_a),
            ("property.archive", self.archive_a),
        ):
            answer = self._call(model, "unlink", record.ids)
            self.assertIn("access log", answer["error"]["data"]["message"])
            self.assertTrue(record.exists())
        self.assertEqual(row.partner_id, visitor)
        self.assertEqual(logged.archive_id, self.archive_a)
        self.assertEqual(logged.unit_id, self.unit_a)
        # Retention still anonymises the person in place: the row keeps
        # pointing at the pseudonymised contact.
        visitor._pcs_anonymise()
        self.assertEqual(row.partner_id.name, f"ANON-{visitor.id:06d}")
        self.assertFalse(visitor.sudo().pcs_phone)
        with self.assertRaises(UserError):
            row.sudo().unlink()

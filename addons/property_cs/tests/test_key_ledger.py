# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestKeyLedger(PropertyTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        KeySet = cls.env["property.key.set"]
        cls.key_set = KeySet.create(
            {"unit_id": cls.unit_a2.id, "key_count": 2, "cabinet_position": "C1-01"}
        )
        cls.key_set_b = KeySet.create({"unit_id": cls.unit_b.id})
        cls.cleaner = cls.env["res.partner"].create({"name": "Cleaner"})

    def _lend(self, user=None, **vals):
        Loan = self.env["property.key.loan"].with_user(user or self.front_desk)
        return Loan.create(
            {
                "key_set_id": self.key_set.id,
                "borrower_partner_id": self.cleaner.id,
                "purpose": "cleaning",
                **vals,
            }
        )

    def test_lend_and_return(self):
        loan = self._lend()
        self.assertEqual(self.key_set.state, "lent")
        self.assertEqual(self.key_set.current_loan_id, loan)
        self.assertEqual(loan.handed_by_id, self.front_desk)
        self.assertNotEqual(loan.name, "New")
        loan.with_user(self.front_desk).action_return()
        self.assertEqual(self.key_set.state, "in_cabinet")
        self.assertTrue(loan.date_returned)
        # the set can be lent again once returned
        self._lend()
        self.assertEqual(self.key_set.state, "lent")

    def test_double_lending_refused(self):
        self._lend()
        with self.assertRaises(UserError):
            self._lend()
        with self.assertRaises(UserError):
            self.env["property.key.loan"].create(
                [
                    {
                        "key_set_id": self.key_set_b.id,
                        "borrower_partner_id": self.cleaner.id,
                    },
                    {
                        "key_set_id": self.key_set_b.id,
                        "borrower_partner_id": self.cleaner.id,
                    },
                ]
            )
        self.assertEqual(
            self.env["property.key.loan"].search_count(
                [("key_set_id", "=", self.key_set.id), ("date_returned", "=", False)]
            ),
            1,
        )

    def test_double_lending_refused_by_database(self):
        loan = self._lend()
        # Simulate a second transaction that passed the Python check: the key
        # set still looks "in cabinet" to it.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE property_key_set SET state = 'in_cabinet' WHERE id = %s",
            (self.key_set.id,),
        )
        self.key_set.invalidate_recordset(["state"])
        with mute_logger("odoo.sql_db"), self.assertRaises(UserError) as caught:
            self._lend()
        self.assertIn("just been lent", str(caught.exception))
        # Raw SQL bypassing the ORM is refused as well.
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                """INSERT INTO property_key_loan
                       (name, key_set_id, purpose, handed_by_id, date_out, date_due)
                   VALUES ('X', %s, 'other', %s, now(), now())""",
                (self.key_set.id, self.env.uid),
            )
        self.assertFalse(loan.date_returned)

    def test_missing_key_set_cannot_be_lent(self):
        with self.assertRaises(UserError):
            self.key_set.action_mark_missing()  # where it went is required
        self.key_set.missing_note = "Lost by the plumber"
        self.key_set.action_mark_missing()
        self.assertEqual(self.key_set.state, "missing")
        with self.assertRaises(UserError):
            self._lend()

    def test_overdue_flagged_exactly_after_due_and_alerted_once(self):
        Loan = self.env["property.key.loan"]
        activity_type = self.env.ref("property_cs.mail_activity_key_overdue")
        with freeze_time("2026-03-10 08:00:00"):
            loan = self._lend(
                date_out=datetime(2026, 3, 10, 8, 0),
                date_due=datetime(2026, 3, 10, 12, 0),
            )
        with freeze_time("2026-03-10 11:59:59"):
            loan.invalidate_recordset(["is_overdue"])
            self.assertFalse(loan.is_overdue)
            self.assertNotIn(loan, Loan.search([("is_overdue", "=", True)]))
            Loan._cron_alert_overdue()
            self.assertFalse(loan.overdue_alerted)
            self.assertFalse(loan.activity_ids)
        with freeze_time("2026-03-10 12:00:01"):
            loan.invalidate_recordset(["is_overdue"])
            self.assertTrue(loan.is_overdue)
            self.assertIn(loan, Loan.search([("is_overdue", "=", True)]))
            Loan._cron_alert_overdue()
            self.assertTrue(loan.overdue_alerted)
            activities = loan.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            self.assertEqual(len(activities), 1)
            self.assertEqual(activities.user_id, self.front_desk)
            messages = loan.message_ids.filtered(lambda m: "Overdue" in (m.body or ""))
            self.assertEqual(len(messages), 1)
        with freeze_time("2026-03-10 18:00:00"):
            Loan._cron_alert_overdue()
            self.assertEqual(len(loan.activity_ids), 1)
            self.assertEqual(
                len(loan.message_ids.filtered(lambda m: "Overdue" in (m.body or ""))), 1
            )
            loan.action_return()
            loan.invalidate_recordset(["is_overdue"])
            self.assertFalse(loan.is_overdue)
            self.assertFalse(loan.activity_ids)

    def test_replacement_needs_director(self):
        request = (
            self.env["property.key.replacement"]
            .with_user(self.front_desk)
            .create(
                {
                    "key_set_id": self.key_set.id,
                    "reason": "Worn out",
                    "new_key_count": 3,
                }
            )
        )
        request.action_request()
        self.assertEqual(request.state, "to_approve")
        with self.assertRaises(UserError):
            request.action_done()
        with self.assertRaises(UserError):
            request.with_user(self.front_desk).action_approve()
        request.with_user(self.director).action_approve()
        self.assertEqual(request.approved_by_id, self.director)
        request.with_user(self.front_desk).action_done()
        self.assertEqual(request.state, "done")
        self.assertEqual(self.key_set.key_count, 3)

    def test_project_isolation(self):
        KeySet = self.env["property.key.set"].with_user(self.front_desk_b)
        self.assertEqual(KeySet.search([]), self.key_set_b)
        with self.assertRaises(AccessError):
            KeySet.browse(self.key_set.id).read(["name"])
        loan = self._lend()
        with self.assertRaises(AccessError):
            loan.with_user(self.front_desk_b).read(["name"])

    def test_key_register_and_loan_slip_print(self):
        loan = self._lend(purpose_note="Kitchen tap")
        Report = self.env["ir.actions.report"].with_user(self.front_desk)
        html = Report._render_qweb_html(
            "property_cs.report_key_register", self.key_set.ids
        )[0].decode()
        self.assertIn("Key Register", html)
        self.assertIn("C1-01", html)
        self.assertIn("Cleaner", html)
        html = Report._render_qweb_html("property_cs.report_key_loan_slip", loan.ids)[
            0
        ].decode()
        self.assertIn(loan.name, html)
        self.assertIn("Kitchen tap", html)

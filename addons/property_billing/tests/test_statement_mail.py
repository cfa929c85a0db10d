# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestStatementMail(PropertyBillingTestCommon):
    @freeze_time("2026-03-02")
    def test_statements_mailed_once(self):
        units = self._create_units(3, prefix="S")
        units[:2].billing_partner_id.write({"email": "owner@example.com"})
        units[2].billing_partner_id.email = False  # no address: skipped
        self.Billing._billing_run(self.company, PERIOD)
        Wizard = self.env["property.statement.mailing.wizard"].with_context(
            active_model="property.building", active_ids=self.building.ids
        )
        wizard = Wizard.create({"period": date(2026, 3, 15)})
        self.assertEqual(wizard.building_ids, self.building)
        self.assertEqual(wizard.to_mail_count, 2)
        wizard.action_mail()
        Mail = self.env["property.statement.mail"]
        records = Mail.search([("building_id", "=", self.building.id)])
        self.assertEqual(records.unit_id, units[:2])
        self.assertEqual(set(records.mapped("state")), {"queued"})
        Mail._cron_send_statements()
        self.assertEqual(set(records.mapped("state")), {"sent"})
        mails = records.mail_id
        self.assertEqual(len(mails), 2)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
        self.assertEqual(mails.recipient_ids, units[:2].billing_partner_id)
        self.assertEqual(len(mails.attachment_ids), 2)
        self.assertIn("S-0000", mails.sorted("id")[0].subject)
        # A second mailing of the same period mails nothing.
        again = Wizard.create({"period": PERIOD})
        self.assertEqual(again.to_mail_count, 0)
        again.action_mail()
        self.assertEqual(Mail.search_count([("building_id", "=", self.building.id)]), 2)
        self.assertEqual(Mail._cron_send_statements(), 0)
        # The database refuses a duplicate.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                Mail.create(
                    {
                        "unit_id": units[0].id,
                        "partner_id": units[0].billing_partner_id.id,
                        "period": PERIOD,
                    }
                )
                self.env.flush_all()

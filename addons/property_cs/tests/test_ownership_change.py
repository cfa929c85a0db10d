# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestOwnershipChange(PropertyTestCommon):
    def _transfer(self, unit, partner, when, user=None):
        wizard = Form(
            self.env["property.ownership.change.wizard"]
            .with_user(user or self.front_desk)
            .with_context(active_model="property.unit", active_id=unit.id)
        )
        wizard.date = when
        wizard.reason = "Sale"
        with wizard.line_ids.new() as line:
            line.partner_id = partner
            line.share = 100
        return wizard.save().action_apply()

    def test_change_closes_old_opens_new_and_keeps_history(self):
        buyer = self.env["res.partner"].create({"name": "Buyer"})
        action = self._transfer(self.unit_a, buyer, date(2026, 5, 1))
        new = self.env["property.archive"].browse(action["res_id"])
        old = self.archive_a
        self.assertEqual(old.state, "closed")
        self.assertEqual(old.date_close, date(2026, 5, 1))
        self.assertEqual(old.ownership_ids.date_end, date(2026, 4, 30))
        self.assertEqual(new.state, "open")
        self.assertEqual(new.previous_archive_id, old)
        self.assertEqual(self.unit_a.archive_id, new)
        self.assertEqual(self.unit_a.current_owner_ids, buyer)
        self.assertEqual(
            self.unit_a.with_context(active_test=False).archive_ids, old | new
        )
        # Closed archive: read-only, hidden from front desk, visible to managers.
        with self.assertRaises(UserError):
            old.with_user(self.director).note = "edit"
        with self.assertRaises(UserError):
            old.ownership_ids.with_user(self.director).share = 50
        self.assertFalse(
            self.env["property.archive"]
            .with_user(self.front_desk)
            .search([("id", "=", old.id)])
        )
        self.assertEqual(
            self.env["property.archive"]
            .with_user(self.director)
            .search([("id", "=", old.id)]),
            old,
        )

    def test_shares_must_total_hundred(self):
        wizard = Form(
            self.env["property.ownership.change.wizard"].with_context(
                active_model="property.unit", active_id=self.unit_a.id
            )
        )
        wizard.date = date(2026, 5, 1)
        with wizard.line_ids.new() as line:
            line.partner_id = self.owner_b
            line.share = 60
        with self.assertRaisesRegex(UserError, "100%"):
            wizard.save().action_apply()
        self.assertEqual(self.archive_a.state, "open")

    def test_purge_deletes_only_approved(self):
        buyer = self.env["res.partner"].create({"name": "Buyer"})
        buyer2 = self.env["res.partner"].create({"name": "Buyer 2"})
        (self.archive_a | self.archive_b).write({"date_open": "2020-01-01"})
        (self.archive_a | self.archive_b).ownership_ids.write(
            {"date_start": "2020-01-01"}
        )
        self._transfer(self.unit_a, buyer, date(2022, 5, 1))
        self._transfer(self.unit_b, buyer2, date(2022, 6, 1), self.front_desk_b)
        old_a, old_b = self.archive_a, self.archive_b
        Purge = self.env["property.archive.purge"]
        with freeze_time("2026-03-01"):
            Purge._cron_propose()
            Purge._cron_propose()  # runs again: no second proposal
            purge = Purge.search(
                [("year", "=", 2026), ("company_id", "=", self.company.id)]
            )
        self.assertEqual(len(purge), 1)
        self.assertEqual(purge.line_ids.archive_id, old_a | old_b)
        # Still-open and recently closed archives are never proposed.
        self.assertNotIn(self.unit_a.archive_id, purge.line_ids.archive_id)
        purge.line_ids.filtered(lambda line: line.archive_id == old_a).approved = True
        with self.assertRaisesRegex(UserError, "director"):
            purge.with_user(self.front_desk).action_approve()
        purge.with_user(self.director).action_approve()
        purge.with_user(self.director).action_purge()
        self.assertFalse(old_a.exists())
        self.assertTrue(old_b.exists())
        self.assertEqual(purge.state, "done")
        self.assertTrue(
            purge.line_ids.filtered(lambda line: line.archive_name == old_b.name)
        )
        # The unit's current archive is untouched.
        self.assertTrue(self.unit_a.archive_id)

    def test_recently_closed_not_proposed(self):
        buyer = self.env["res.partner"].create({"name": "Buyer"})
        self._transfer(self.unit_a, buyer, date(2025, 5, 1))
        with freeze_time("2026-03-01"):
            purge = self.env["property.archive.purge"]._cron_propose()
            purge = self.env["property.archive.purge"].search(
                [("year", "=", 2026), ("company_id", "=", self.company.id)]
            )
        self.assertNotIn(self.archive_a, purge.line_ids.archive_id)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationReview(RenovationTestCommon):
    @freeze_time("2026-03-02 09:00:00")
    def test_submit_sets_three_day_deadline(self):
        renovation = self._create_renovation()
        self.assertTrue(renovation.name.startswith("ZX"))
        self.assertEqual(renovation.renovation_type, "residential")
        self.assertEqual(renovation.fee_amount, 500.0)  # 100 m² × 5
        self.assertEqual(renovation.deposit_amount, 3000.0)
        renovation.action_submit()
        self.assertEqual(renovation.state, "review")
        self.assertEqual(renovation.review_deadline, datetime(2026, 3, 5, 9, 0, 0))
        self.assertTrue(
            renovation.activity_ids.filtered(lambda a: a.user_id == self.engineer)
        )

    def test_structural_change_needs_approvals(self):
        renovation = self._create_renovation(structural_change=True)
        renovation.action_submit()
        with self.assertRaises(ValidationError):
            renovation.action_approve_review()
        self.assertEqual(renovation.state, "review")
        # The design alone is not enough: the government approval is required too.
        renovation.design_approval_ids = [Command.link(self._attachment().id)]
        with self.assertRaises(ValidationError):
            renovation.action_approve_review()
        renovation.government_approval_ids = [Command.link(self._attachment().id)]
        renovation.action_approve_review()
        self.assertEqual(renovation.state, "approved")

    def test_structural_error_in_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        renovation = self._create_renovation(structural_change=True)
        renovation.action_submit()
        with self.assertRaises(ValidationError) as error:
            renovation.with_context(lang="zh_CN").action_approve_review()
        self.assertIn(renovation.name, str(error.exception))

    def test_return_needs_reasons(self):
        renovation = self._create_renovation()
        renovation.action_submit()
        with self.assertRaises(UserError):
            renovation.action_return()
        renovation.return_reason = "Drawings missing the bathroom."
        renovation.action_return()
        self.assertEqual(renovation.state, "returned")
        renovation.action_submit()
        self.assertEqual(renovation.state, "review")

    def test_invalid_ids_rejected(self):
        with self.assertRaises(ValidationError):
            self._create_renovation(principal_id_number="110105199001011234")
        with self.assertRaises(ValidationError):
            self._create_renovation(
                worker_ids=[Command.create({"name": "X", "id_number": "123"})]
            )
        renovation = self._create_renovation(principal_id_number="11010519491231002X")
        self.assertEqual(renovation.principal_id_number_masked, "110***********002X")

    def test_overdue_review_escalated_once(self):
        Renovation = self.env["property.renovation"]
        with freeze_time("2026-03-02 09:00:00"):
            renovations = self._create_renovation() | self._create_renovation()
            renovations.action_submit()
        with freeze_time("2026-03-04 09:00:00"):
            self.assertFalse(
                Renovation.search(
                    [("review_overdue", "=", True), ("id", "in", renovations.ids)]
                )
            )
            self.assertEqual(Renovation._cron_escalate_reviews(), 0)
        with freeze_time("2026-03-05 09:30:00"):
            self.assertEqual(
                Renovation.search(
                    [("review_overdue", "=", True), ("id", "in", renovations.ids)]
                ),
                renovations,
            )
            # Batches of one: the runner calls again until nothing remains.
            self.assertEqual(Renovation._cron_escalate_reviews(limit=1), 1)
            self.assertEqual(Renovation._cron_escalate_reviews(limit=1), 1)
            self.assertEqual(Renovation._cron_escalate_reviews(), 0)
        overdue_type = self.env.ref(
            "property_renovation.mail_activity_renovation_review_overdue"
        )
        for renovation in renovations:
            self.assertTrue(renovation.review_escalated)
            activities = renovation.activity_ids.filtered(
                lambda a: a.activity_type_id == overdue_type
            )
            self.assertEqual(len(activities), 1)
            self.assertEqual(activities.user_id, self.director)

    def test_non_residential_needs_fire_approval(self):
        shop = self._create_unit("R-SHOP", self.owner)
        shop.unit_type = "shop"
        renovation = self._create_renovation(unit_id=shop.id)
        self.assertEqual(renovation.renovation_type, "non_residential")
        self.assertEqual(renovation.deposit_amount, 10000.0)
        renovation.action_submit()
        with self.assertRaises(ValidationError):
            renovation.action_approve_review()
        renovation.fire_approval_ids = [Command.link(self._attachment().id)]
        renovation.action_approve_review()
        self.assertEqual(renovation.state, "approved")

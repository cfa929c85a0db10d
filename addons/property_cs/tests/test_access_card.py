# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import zipfile
from unittest.mock import patch

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestAccessCard(PropertyTestCommon):
    def setUp(self):
        super().setUp()
        # property_cs records the fee as due; invoicing it is property_billing's
        # job (tested there), so its hook is neutralised here.
        patcher = patch.object(
            type(self.env["property.access.card"]),
            "_property_invoice_card_fee",
            lambda self: None,
        )
        patcher.start()
        self.addCleanup(patcher.stop)

    def _card(self, number, unit=None, user=None, **vals):
        unit = unit or self.unit_a
        Card = self.env["property.access.card"].with_user(user or self.front_desk)
        card = Card.create(
            {
                "name": number,
                "project_id": unit.project_id.id,
                "unit_id": unit.id,
                "holder_id": unit.current_owner_ids[:1].id,
                **vals,
            }
        )
        if card.card_type in ("owner", "resident"):
            card.action_activate()
        return card

    def test_fourth_card_of_household_carries_fee(self):
        self.assertEqual(self.unit_a.archive_id, self.archive_a)
        cards = [self._card(f"A{i}") for i in range(1, 5)]
        for card in cards[:3]:
            self.assertEqual(card.archive_id, self.archive_a)
            self.assertEqual(card.state, "active")
            self.assertFalse(card.fee_state)
            self.assertFalse(card.fee_amount)
        self.assertEqual(cards[3].fee_state, "due")
        self.assertEqual(cards[3].fee_amount, 50.0)
        # another household starts with its own free cards
        other = self._card("B1", unit=self.unit_b, user=self.front_desk_b)
        self.assertFalse(other.fee_state)

    def test_free_quota_and_fee_are_configurable(self):
        self.company.write({"pcs_card_free_per_household": 1, "pcs_card_fee": 80.0})
        first = self._card("A1")
        second = self._card("A2", card_type="resident")
        self.assertFalse(first.fee_state)
        self.assertEqual((second.fee_state, second.fee_amount), ("due", 80.0))
        second.with_user(self.director).action_waive_fee()
        self.assertEqual(second.fee_state, "waived")

    def test_lost_card_inactive_at_once_and_reissue_linked(self):
        card = self._card("A1")
        Wizard = self.env["property.card.loss.wizard"].with_user(self.front_desk)
        wizard = Wizard.create(
            {"card_id": card.id, "reissue": True, "new_number": "A9"}
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()  # identity not verified
        self.assertEqual(card.state, "active")
        wizard.identity_checked = True
        action = wizard.action_confirm()
        self.assertEqual(card.state, "lost")
        self.assertTrue(card.date_deactivated)
        new_card = self.env["property.access.card"].browse(action["res_id"])
        self.assertEqual(new_card.reissued_from_id, card)
        self.assertEqual(card.reissue_ids, new_card)
        self.assertEqual(new_card.state, "active")
        self.assertEqual(new_card.holder_id, self.owner_a)
        # the door-control export disables the lost card and enables the new one
        export = (
            self.env["property.card.export.wizard"]
            .with_user(self.front_desk)
            .create({"project_id": self.project_a.id, "file_format": "csv"})
        )
        export.action_export()
        content = base64.b64decode(export.data).decode("utf-8-sig")
        self.assertIn("A1,DISABLE", content)
        self.assertIn("A9,ENABLE", content)
        export.write({"file_format": "xlsx", "scope": "active"})
        action = export.action_export()
        self.assertEqual(action["report_type"], "xlsx")
        content, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.front_desk)
            ._render_xlsx(action["report_name"], export.ids, None)
        )
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            cells = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("A9", cells)
        self.assertNotIn(">A1<", cells, "active cards only")

    def test_staff_card_needs_request_and_manager_approval(self):
        card = self._card(
            "S1", card_type="contractor", unit=self.unit_a, department="Landscaping Ltd"
        )
        self.assertEqual(card.state, "draft")
        with self.assertRaises(UserError):
            card.action_activate()
        card.with_user(self.front_desk).action_request_approval()
        self.assertEqual(card.state, "to_approve")
        self.assertEqual(card.activity_ids.user_id, self.director, "to approve")
        self.assertEqual(card.requested_by_id, self.front_desk)
        with self.assertRaises(UserError):
            card.with_user(self.front_desk).action_approve()
        card.with_user(self.director).action_approve()
        self.assertEqual(card.state, "active")
        self.assertEqual(card.approved_by_id, self.director)
        self.assertFalse(card.fee_state)

    def test_number_unique_per_project(self):
        self._card("X1")
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self._card("X1", unit=self.unit_a2, card_type="staff")
        self._card("X1", unit=self.unit_b, user=self.front_desk_b)

    def test_project_isolation(self):
        card_a = self._card("A1")
        card_b = self._card("B1", unit=self.unit_b, user=self.front_desk_b)
        Card = self.env["property.access.card"].with_user(self.front_desk_b)
        self.assertEqual(Card.search([]), card_b)
        with self.assertRaises(AccessError):
            Card.browse(card_a.id).read(["name"])

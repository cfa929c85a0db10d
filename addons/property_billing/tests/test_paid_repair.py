# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from psycopg2 import IntegrityError

from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import PropertyBillingTestCommon

SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChw"
        "GA60e6kgAAAABJRU5ErkJggg=="
    )
)


@tagged("post_install", "-at_install")
class TestPaidRepair(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("property_billing.product_special_repair").taxes_id = False
        cls.unit = cls._create_units(1, prefix="M")
        cls.owner = cls.unit.billing_partner_id

    def _order(self, labour, material):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Replace the tap",
                "description": "Dripping tap in the bathroom",
                "pcs_unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "pcs_category": "paid_repair",
                "pcs_accountable_user_id": self.env.user.id,
            }
        )
        return self.env["property.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "description": "Replace the tap",
                "user_id": self.env.user.id,
                "labour_amount": labour,
                "material_amount": material,
            }
        )

    def _complete(self, order):
        order.action_dispatch()
        order.action_accept_price()
        order.action_on_site()
        order.owner_signature = SIGNATURE
        order.action_done()

    @freeze_time("2026-04-10")
    def test_paid_repair_invoiced_once(self):
        order = self._order(80.0, 45.5)
        self.assertTrue(order.is_paid)
        self._complete(order)
        move = order.repair_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.move_type, "out_invoice")
        self.assertEqual(move.partner_id, self.owner)
        self.assertEqual(move.pcs_billing_kind, "one_off")
        self.assertEqual(move.pcs_unit_id, self.unit)
        self.assertEqual(move.pcs_dispatch_order_id, order)
        self.assertEqual(str(move.invoice_date), "2026-04-10")
        self.assertEqual(move.invoice_line_ids.mapped("price_unit"), [80.0, 45.5])
        self.assertEqual(move.amount_total, 125.5)
        # Calling the hook again (or completing again) bills nothing more.
        order._property_invoice_paid_repair()
        order.repair_move_id = False
        order._property_invoice_paid_repair()
        self.assertEqual(order.repair_move_id, move)
        moves = self.Move.search([("pcs_dispatch_order_id", "=", order.id)])
        self.assertEqual(moves, move)
        # The database refuses a second invoice for the same order.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                copy = move.copy({"pcs_dispatch_order_id": order.id})
                copy.action_post()
                self.env.flush_all()

    @freeze_time("2026-04-10")
    def test_free_or_unpriced_order_not_invoiced(self):
        order = self._order(0.0, 0.0)
        self._complete(order)
        self.assertFalse(order.repair_move_id)
        self.assertFalse(
            self.Move.search_count([("pcs_dispatch_order_id", "=", order.id)])
        )

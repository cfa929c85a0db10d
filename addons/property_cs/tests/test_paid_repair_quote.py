# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Paid special repairs (特约维修): quoted before work (先报价后施工), by the
desk or by the crew on site, accepted or refused by the owner; no state is
left whose only way out is cancelling."""

from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import PropertyTestCommon
from .test_service_dispatch import SIGNATURE


@tagged("post_install", "-at_install")
class TestPaidRepairQuote(PropertyTestCommon):
    def _order(self, labour=0.0, material=0.0):
        ticket = self._ticket(pcs_category="paid_repair", name="Replace the tap")
        return self.env["property.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "description": "Replace the tap",
                "user_id": self.engineer.id,
                "labour_amount": labour,
                "material_amount": material,
            }
        )

    def _finish(self, order):
        order.action_on_site()
        order.owner_signature = SIGNATURE
        order.action_done()
        self.assertEqual(order.state, "done")

    def test_crew_accepts_first_then_quotes_on_site(self):
        """The usual way: the crew takes the order, inspects, quotes on site;
        the owner accepts; then the work starts."""
        with freeze_time("2026-06-08 01:00:00"):
            order = self._order()
            order.action_dispatch()
        crew = order.with_user(self.engineer)
        with freeze_time("2026-06-08 01:05:00"):
            crew.action_accept()
        self.assertEqual(order.state, "accepted")
        self.assertEqual(order.quote_state, "none")
        # Work cannot start without an accepted price.
        with self.assertRaises(UserError):
            crew.action_on_site()
        with freeze_time("2026-06-08 01:12:00"):
            crew.write({"labour_amount": 80.0, "material_amount": 45.0})
            crew.with_context(pcs_quote_on_site=True).action_quote()
        self.assertEqual(order.state, "accepted")
        self.assertEqual(order.quote_state, "quoted")
        self.assertEqual(order.quoted_amount, 125.0)
        self.assertEqual(order.quoted_by_id, self.engineer)
        # The crew arrived on site to quote: the request's on-site clock is met.
        self.assertEqual(order.ticket_id.pcs_on_site_at, datetime(2026, 6, 8, 1, 12))
        self.assertFalse(order.ticket_id.pcs_overdue_on_site)
        with self.assertRaises(UserError):
            crew.action_on_site()  # the owner has not answered yet
        with freeze_time("2026-06-08 01:15:00"):
            crew.action_accept_price()
        self.assertEqual(order.quote_state, "accepted")
        self.assertTrue(order.price_accepted)
        self.assertEqual(order.price_accepted_at, datetime(2026, 6, 8, 1, 15))
        with freeze_time("2026-06-08 01:16:00"):
            self._finish(crew)
        # The accepted price is fixed once work started.
        with self.assertRaises(UserError):
            order.labour_amount = 100.0
        self.assertEqual(order.amount_total, 125.0)

    def test_desk_quotes_before_dispatch(self):
        order = self._order(50.0, 30.0)
        desk = order.with_user(self.front_desk_a)
        desk.action_quote()
        self.assertEqual((order.state, order.quote_state), ("draft", "quoted"))
        self.assertEqual(order.quoted_by_id, self.front_desk_a)
        self.assertFalse(order.ticket_id.pcs_on_site_at)
        desk.action_accept_price()
        desk.action_dispatch()
        self.assertEqual((order.state, order.quote_state), ("dispatched", "accepted"))
        # The crew may start without accepting first (accept is optional).
        self._finish(order.with_user(self.engineer))
        self.assertEqual(order.quoted_amount, 80.0)

    def test_price_accepted_at_once_is_quoted_too(self):
        """A price entered and accepted on the phone: one step."""
        order = self._order(60.0)
        order.action_dispatch()
        order.action_accept()
        order.action_accept_price()
        self.assertEqual(order.quote_state, "accepted")
        self.assertEqual(order.quoted_amount, 60.0)
        self.assertTrue(order.quoted_at)
        self._finish(order)

    def test_refusal_closes_politely_and_is_recorded(self):
        order = self._order(300.0, 120.0)
        order.action_dispatch()
        order.action_accept()
        with self.assertRaises(UserError):
            order.action_refuse_price()  # nothing quoted yet
        order.with_context(pcs_quote_on_site=True).action_quote()
        order.refusal_reason = "Too expensive, will buy the part himself"
        order.action_refuse_price()
        self.assertEqual(order.state, "refused")
        self.assertEqual(order.quote_state, "refused")
        self.assertTrue(order.price_refused_at)
        self.assertFalse(order.price_accepted)
        # Recorded on the order and on the request, with the reason.
        for record in (order, order.ticket_id):
            notes = record.message_ids.mapped("body")
            self.assertTrue(
                any("Too expensive" in body and "420.00" in body for body in notes),
                notes,
            )
        # A closed order: no work, no second answer.
        for action in ("action_on_site", "action_accept_price", "action_refuse_price"):
            with self.assertRaises(UserError, msg=action):
                getattr(order, action)()
        # The request itself can be closed: it is not blocked by the order.
        self._close(order.ticket_id)
        self.assertTrue(order.ticket_id.stage_id.closed)

    def test_requote_after_refusal_and_after_price_change(self):
        order = self._order(200.0)
        order.action_dispatch()
        order.action_accept()
        order.action_quote()
        order.action_refuse_price()
        self.assertEqual(order.state, "refused")
        # The owner reconsiders: a lower price reopens the order where it was.
        order.labour_amount = 150.0
        order.action_quote()
        self.assertEqual((order.state, order.quote_state), ("accepted", "quoted"))
        self.assertEqual(order.quoted_amount, 150.0)
        order.action_accept_price()
        # The crew finds more to do before starting: changing the price takes
        # the acceptance back, the owner answers the new quote.
        order.material_amount = 40.0
        self.assertEqual(order.quote_state, "none")
        self.assertFalse(order.price_accepted)
        with self.assertRaises(UserError):
            order.action_on_site()
        order.action_quote()
        self.assertEqual(order.quoted_amount, 190.0)
        order.action_accept_price()
        self._finish(order)
        self.assertEqual(order.amount_total, 190.0)

    def test_every_open_state_has_a_way_forward(self):
        """From every state before work, the order can reach work or a polite
        close without cancelling."""
        for steps in ((), ("action_dispatch",), ("action_dispatch", "action_accept")):
            order = self._order(99.0)
            for step in steps:
                getattr(order, step)()
            order.action_quote()
            order.action_accept_price()
            if order.state == "draft":
                order.action_dispatch()
            order.action_on_site()
            self.assertEqual(order.state, "on_site", steps)
            order = self._order(99.0)
            for step in steps:
                getattr(order, step)()
            order.action_quote()
            order.action_refuse_price()
            self.assertEqual(order.state, "refused", steps)

    def test_negative_price_refused_free_repair_accepted(self):
        order = self._order(-10.0)
        with self.assertRaises(UserError):
            order.action_quote()
        order.labour_amount = 0.0
        order.action_dispatch()
        order.action_accept_price()  # free of charge, agreed with the owner
        self._finish(order)

    def test_free_orders_unchanged(self):
        ticket = self._ticket(pcs_category="common_repair")
        order = self.env["property.dispatch.order"].create(
            {"ticket_id": ticket.id, "description": "Fix", "user_id": self.engineer.id}
        )
        self.assertFalse(order.is_paid)
        order.action_dispatch()
        order.action_on_site()
        self.assertEqual(order.state, "on_site")
        with self.assertRaises(UserError):
            order.action_quote()

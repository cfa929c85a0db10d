# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import PropertyTestCommon

SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
)


@tagged("post_install", "-at_install")
class TestServiceDispatch(PropertyTestCommon):
    def test_dispatch_flow_records_events(self):
        with freeze_time("2026-03-02 02:00:00"):
            ticket = self._ticket(pcs_category="common_repair")
        Order = self.env["property.dispatch.order"].with_user(self.front_desk_a)
        with freeze_time("2026-03-02 02:04:00"):
            order = Order.create(
                {
                    "ticket_id": ticket.id,
                    "description": "Fix the pipe",
                    "department_id": self.env.ref(
                        "property_cs.property_department_engineering"
                    ).id,
                    "user_id": self.front_desk_a.id,
                }
            )
            self.assertTrue(order.name.startswith("PG"))
            order.action_dispatch()
        self.assertEqual(ticket.pcs_dispatched_at, datetime(2026, 3, 2, 2, 4))
        self.assertEqual(ticket.pcs_on_site_deadline, datetime(2026, 3, 2, 2, 19))
        with freeze_time("2026-03-02 02:10:00"):
            order.action_accept()
            order.action_on_site()
        self.assertEqual(ticket.pcs_on_site_at, datetime(2026, 3, 2, 2, 10))
        with self.assertRaises(UserError):
            order.action_done()  # no owner signature yet
        order.owner_signature = SIGNATURE
        order.action_done()
        order.action_return()
        self.assertEqual(order.state, "returned")
        action = order.action_reopen()
        new_order = self.env["property.dispatch.order"].browse(action["res_id"])
        self.assertEqual(new_order.parent_id, order)
        self.assertEqual(new_order.state, "draft")
        self.assertEqual(ticket.pcs_dispatch_order_count, 2)
        # reassignment keeps its history in the chatter
        self.assertLessEqual(
            {"user_id", "department_id"}, new_order._track_get_fields()
        )
        pdf, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "property_cs.action_report_dispatch_order", order.ids
        )
        self.assertIn(b"Copy 2", pdf)

    def test_paid_repair_needs_accepted_price(self):
        ticket = self._ticket(pcs_category="paid_repair")
        order = self.env["property.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "description": "Replace the tap",
                "user_id": self.front_desk_a.id,
                "labour_amount": 50.0,
                "material_amount": 30.0,
            }
        )
        self.assertTrue(order.is_paid)
        self.assertEqual(order.amount_total, 80.0)
        order.action_dispatch()
        with self.assertRaises(UserError):
            order.action_on_site()
        order.action_accept()
        # Accepted by the crew first: the price can still be accepted.
        order.action_accept_price()
        order.action_on_site()
        self.assertEqual(order.state, "on_site")

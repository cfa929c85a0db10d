# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import freeze_time, tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestServiceReassign(PropertyTestCommon):
    @classmethod
    def default_env_context(cls):
        return {}  # the chatter's tracking is what this test reads

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_reassignment_keeps_history(self):
        crew_1 = self.engineer
        crew_2 = self._create_user(
            "pcs_engineer_2",
            "base.group_user,property_cs.group_engineering",
            [self.project_a],
        )
        with freeze_time("2026-03-02 02:00:00"):
            ticket = self._ticket(pcs_category="common_repair")
        Order = self.env["property.dispatch.order"].with_user(self.front_desk_a)
        with freeze_time("2026-03-02 02:04:00"):
            order = Order.create(
                {
                    "ticket_id": ticket.id,
                    "description": "Fix the pipe",
                    "user_id": crew_1.id,
                }
            )
            order.action_dispatch()
        order.with_user(crew_1).action_accept()
        self.assertEqual(order.accepted_by_id, crew_1)
        self._flush_tracking()
        order.with_user(self.front_desk_a).user_id = crew_2
        self._flush_tracking()
        # Tracking values: old and new assignee.
        trackings = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id", "in", order.message_ids.ids),
                ("field_id.name", "=", "user_id"),
                ("field_id.model", "=", "property.dispatch.order"),
            ]
        )
        self.assertTrue(trackings)
        last = trackings.sorted("id")[-1]
        self.assertEqual(last.old_value_integer, crew_1.id)
        self.assertEqual(last.new_value_integer, crew_2.id)
        # The reassignment log and its effect: the new crew accepts again.
        self.assertEqual(order.reassign_count, 1)
        self.assertEqual(order.state, "dispatched")
        self.assertFalse(order.accepted_by_id)
        notes = order.message_ids.filtered(
            lambda m: "Reassigned from" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertIn(crew_1.name, notes.body)
        self.assertIn(crew_2.name, notes.body)
        self.assertIn(crew_2.partner_id, ticket.message_partner_ids)
        # Assigning a draft order is not a reassignment.
        draft = Order.create({"ticket_id": ticket.id, "description": "Paint"})
        draft.user_id = crew_1
        self.assertEqual(draft.reassign_count, 0)

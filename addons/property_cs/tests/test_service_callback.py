# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo.tests import freeze_time, tagged

from ..models.property_callback import pick_sample
from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestServiceCallback(PropertyTestCommon):
    def test_sampling_rates_on_a_fixed_day(self):
        with freeze_time("2026-03-02 03:00:00"):
            paid = self.Ticket.browse()
            other = self.Ticket.browse()
            for i in range(20):
                paid |= self._ticket(name=f"Paid {i}", pcs_category="paid_repair")
                other |= self._ticket(name=f"Other {i}", pcs_category="common_repair")
            rect = self._ticket(name="Rect", pcs_category="rectification")
            complaint = self._ticket(
                name="Complaint",
                pcs_category="complaint",
                pcs_complaint_level="general",
            )
            self._close(paid | other | rect | complaint)
            same_day = self.env["property.callback"]._cron_generate()
            self.assertEqual(same_day.ticket_id, rect, "rectifications: same day, 100%")
        with freeze_time("2026-03-03 01:00:00"):
            Callback = self.env["property.callback"]
            created = Callback._cron_generate()
            again = Callback._cron_generate()
        self.assertFalse(again, "a second run creates nothing")
        paid_cb = created.filtered(lambda c: c.kind == "paid_repair")
        other_cb = created.filtered(lambda c: c.kind == "other")
        self.assertEqual(len(paid_cb), math.ceil(20 * 0.85))
        self.assertEqual(len(other_cb), math.ceil(20 * 0.30))
        # Deterministic: the audit recomputes the same choice for that day.
        day = paid_cb[:1].ticket_id.closed_date.date()
        self.assertEqual(
            set(paid_cb.ticket_id.ids), set(pick_sample(paid.ids, day, 85))
        )
        self.assertFalse(created.filtered(lambda c: c.kind == "complaint"))
        with freeze_time("2026-03-05 01:00:00"):
            complaint_cb = self.env["property.callback"]._cron_generate()
        self.assertEqual(
            complaint_cb.ticket_id, complaint, "complaints after 3 days, 100%"
        )

    def test_unsatisfied_callback_reopens(self):
        ticket = self._ticket(pcs_category="common_repair")
        self._close(ticket)
        self.assertTrue(ticket.closed)
        callback = self.env["property.callback"].create(
            {"ticket_id": ticket.id, "kind": "other", "date_due": "2026-03-03"}
        )
        callback.write({"method": "phone", "satisfaction": "unsatisfied", "score": "2"})
        callback.with_user(self.front_desk_a).action_done()
        self.assertFalse(ticket.closed)
        self.assertEqual(ticket.pcs_reopen_count, 1)
        self.assertEqual(callback.state, "done")

    def test_spot_check_ten_percent(self):
        tickets = self.Ticket.browse()
        with freeze_time("2026-02-10 03:00:00"):
            for i in range(30):
                tickets |= self._ticket(name=f"T{i}", pcs_category="consultation")
            callbacks = self.env["property.callback"].create(
                [
                    {"ticket_id": t.id, "kind": "other", "date_due": "2026-02-10"}
                    for t in tickets
                ]
            )
            callbacks.write({"method": "phone", "satisfaction": "satisfied"})
            callbacks.action_done()
        with freeze_time("2026-03-01 01:00:00"):
            picked = self.env["property.callback"]._cron_spot_check()
            again = self.env["property.callback"]._cron_spot_check()
        self.assertEqual(len(picked), 3)
        self.assertEqual(picked, again)

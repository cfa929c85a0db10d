# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The minutes named in the director's notification are the setting."""

from odoo.tests import freeze_time, tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestSettingMinutes(PropertyTestCommon):
    def _director_message(self, ticket):
        """The escalation note on the request (the director gets the digest)."""
        return ticket.message_ids.filtered(
            lambda m: "escalated to the service-centre director" in (m.body or "")
        )

    def test_director_message_names_the_set_minutes(self):
        self.company.pcs_important_complaint_minutes = 45
        with freeze_time("2026-03-02 02:00:00"):
            ticket = self._ticket(
                pcs_category="complaint", pcs_complaint_level="important"
            )
            self.Ticket._cron_pcs_escalate()
        message = self._director_message(ticket)
        self.assertEqual(len(message), 1)
        self.assertIn("within 45 minutes", message.body)
        self.assertNotIn("30", message.body.replace(ticket.display_name, ""))
        # A project that sets its own minutes names them.
        ticket.pcs_project_id.pcs_important_complaint_minutes = 20
        with freeze_time("2026-03-02 03:00:00"):
            other = self._ticket(
                pcs_category="complaint", pcs_complaint_level="important"
            )
            self.Ticket._cron_pcs_escalate()
        self.assertIn("within 20 minutes", self._director_message(other).body)

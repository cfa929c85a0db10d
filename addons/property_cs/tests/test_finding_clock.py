# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A patrol or vacant-unit finding keeps its clock on the request it raises:
the request is due when the finding is (7 days, or the approved extension),
its overdue flag and escalation fire, and closing it sends the finding to
verification on site."""

from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestFindingClock(PropertyTestCommon):
    def _finding(self, **vals):
        return (
            self.env["property.finding"]
            .with_user(self.zone_manager)
            .create(
                {
                    "name": "Broken lamp in the lobby",
                    "project_id": self.project_a.id,
                    **vals,
                }
            )
        )

    def _overdue(self, ticket):
        ticket.invalidate_recordset(["pcs_overdue_resolve", "pcs_overdue"])
        return ticket.pcs_overdue_resolve

    def test_request_due_with_the_finding(self):
        with freeze_time("2026-03-05 02:00:00"):
            finding = self._finding()
        ticket = finding.ticket_id
        self.assertEqual(finding.date_deadline, datetime(2026, 3, 12, 2, 0))
        self.assertEqual(ticket.pcs_resolve_deadline, datetime(2026, 3, 12, 2, 0))
        self.assertEqual(ticket.pcs_finding_ids, finding)
        with freeze_time("2026-03-12 01:59:00"):
            self.assertFalse(self._overdue(ticket))
        with freeze_time("2026-03-12 02:01:00"):
            self.assertTrue(self._overdue(ticket))
            self.assertIn(
                ticket, self.Ticket.search([("pcs_overdue_resolve", "=", True)])
            )
            # The escalation job puts the overdue activity on the request's
            # accountable person (the zone manager who raised it), once.
            self.Ticket._cron_pcs_escalate()
            self.Ticket._cron_pcs_escalate()
            escalations = self.env["property.ticket.escalation"].search(
                [("ticket_id", "=", ticket.id), ("kind", "=", "overdue_resolve")]
            )
            self.assertEqual(len(escalations), 1)
            overdue = ticket.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("property_cs.mail_activity_ticket_overdue")
            )
            self.assertIn(self.zone_manager, overdue.user_id)

    def test_request_follows_the_approved_extension(self):
        with freeze_time("2026-03-05 02:00:00"):
            finding = self._finding(category="facilities")
            finding.write(
                {
                    "extension_date": datetime(2026, 3, 20, 2, 0),
                    "extension_reason": "Lamp on order",
                }
            )
            finding.action_request_extension()
        ticket = finding.ticket_id
        # Requested, not approved: the request keeps the 7 days.
        self.assertEqual(ticket.pcs_resolve_deadline, datetime(2026, 3, 12, 2, 0))
        finding.with_user(self.director).action_approve_extension()
        self.assertEqual(ticket.pcs_resolve_deadline, datetime(2026, 3, 20, 2, 0))
        with freeze_time("2026-03-15 02:00:00"):
            self.assertFalse(self._overdue(ticket))
            self.Ticket._cron_pcs_escalate()
            self.assertFalse(
                ticket.pcs_escalation_ids.filtered(
                    lambda e: e.kind == "overdue_resolve"
                )
            )
        with freeze_time("2026-03-20 02:01:00"):
            self.assertTrue(self._overdue(ticket))

    def test_fix_days_are_a_setting(self):
        self.company.pcs_finding_fix_days = 3
        with freeze_time("2026-03-05 02:00:00"):
            finding = self._finding(unit_id=self.unit_a.id, category="vacant_unit")
        self.assertEqual(finding.ticket_id.pcs_category, "rectification")
        self.assertEqual(
            finding.ticket_id.pcs_resolve_deadline, datetime(2026, 3, 8, 2, 0)
        )

    def test_closing_the_request_sends_the_finding_to_verification(self):
        with freeze_time("2026-03-05 02:00:00"):
            finding = self._finding()
        ticket = finding.ticket_id
        with freeze_time("2026-03-09 06:00:00"):
            self._close(ticket)
        self.assertEqual(finding.state, "fixed")
        self.assertEqual(finding.date_fixed, datetime(2026, 3, 9, 6, 0))
        self.assertIn("verify the fix on site", finding.message_ids[0].body)
        # Reopened before the check on site: the finding waits for the fix again.
        ticket._pcs_reopen("Lamp still flickers")
        self.assertEqual(finding.state, "requested")
        self._close(ticket)
        finding.with_user(self.director).action_verify()
        self.assertEqual(finding.state, "verified")
        # A verified finding stays verified when the request is reopened.
        ticket._pcs_reopen("Another lamp")
        self.assertEqual(finding.state, "verified")

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The minutes named in the director's notification are the setting."""

from odoo.tests import freeze_time, tagged

from .common import PropertyTestCommon
from .zh_cn import load_zh_cn


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

    def test_complaint_level_guide_names_the_set_limits(self):
        """The form's explanation of the levels gives the numbers that apply
        to the request's project, not the handbook's defaults."""
        self.company.pcs_important_complaint_minutes = 45
        self.company.pcs_general_complaint_days = 3
        self.company.pcs_complaint_upgrade_months = 2
        ticket = self._ticket(pcs_category="complaint")
        guide = str(ticket.pcs_complaint_level_guide)
        self.assertIn("within 45 minutes", guide)
        self.assertIn("within 3 day(s)", guide)
        self.assertIn("within 2 month(s)", guide)
        self.assertNotIn("30 minutes", guide)
        ticket.pcs_project_id.pcs_important_complaint_minutes = 20
        ticket.invalidate_recordset(["pcs_complaint_level_guide"])
        self.assertIn("within 20 minutes", str(ticket.pcs_complaint_level_guide))
        # A clerk working in Chinese reads it in Chinese.
        load_zh_cn(self.env, ("base", "helpdesk_mgmt", "property_cs"))
        chinese = ticket.with_context(lang="zh_CN")
        guide = str(chinese.pcs_complaint_level_guide)
        self.assertIn("<b>重要</b>", guide)
        self.assertIn("20 分钟内上报服务中心主任", guide)
        self.assertIn("3 天内", guide)
        self.assertNotIn("minutes", guide)

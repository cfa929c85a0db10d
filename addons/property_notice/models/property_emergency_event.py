# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields, models
from odoo.tools import plaintext2html


class PropertyEmergencyEvent(models.Model):
    _inherit = "property.emergency.event"

    notice_ids = fields.One2many(
        "property.notice", "emergency_event_id", string="Notices to Owners"
    )
    notice_count = fields.Integer(compute="_compute_notice_count")

    def _compute_notice_count(self):
        counts = dict(
            self.env["property.notice"]._read_group(
                [("emergency_event_id", "in", self.ids)],
                ["emergency_event_id"],
                ["__count"],
            )
        )
        for event in self:
            event.notice_count = counts.get(event, 0)

    def _prepare_notice_values(self):
        self.ensure_one()
        now = fields.Datetime.now()
        return {
            "name": self.name,
            "kind": "emergency",
            "project_id": self.project_id.id,
            "scope": "project",
            "emergency_event_id": self.id,
            "emergency_grade_id": self.grade_id.id,
            "body": plaintext2html(self.description) if self.description else False,
            "date_start": now,
            "date_end": now + timedelta(days=1),
        }

    def action_pcs_raise_notice(self):
        """A draft emergency notice to the owners of the project, prefilled
        from the event, opened to choose the buildings and publish at once."""
        self.ensure_one()
        notice = self.env["property.notice"].create(self._prepare_notice_values())
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.notice",
            "res_id": notice.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_pcs_view_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_notice.property_notice_action"
        )
        action["domain"] = [("emergency_event_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

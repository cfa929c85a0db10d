# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo import api, fields, models

# A one-pixel PNG standing in for an owner's signature in demo data.
DEMO_SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
)


class PropertyServiceDemo(models.AbstractModel):
    """Demo requests, complaints, dispatch orders and callbacks."""

    _name = "property.service.demo"
    _description = "Property Service Desk Demo Data"

    @api.model
    def _generate(self):
        project = self.env.ref("property_cs.project_sunshine_demo")
        Ticket = self.env["helpdesk.ticket"]
        if Ticket.search_count([("pcs_project_id", "=", project.id)]):
            return True
        units = project.unit_ids.filtered("current_owner_ids")[:20]
        front = self.env.ref("property_cs.user_front_desk_demo")
        engineering = self.env.ref("property_cs.property_department_engineering")
        now = fields.Datetime.now()
        plan = [
            # (category, level, urgency, age in hours, outcome, subject)
            ("paid_repair", False, "normal", 30, "done", "Replace the kitchen tap"),
            ("paid_repair", False, "urgent", 1, "on_site", "Burst pipe under the sink"),
            (
                "rectification",
                False,
                "normal",
                50,
                "done",
                "Re-tile the bathroom floor",
            ),
            (
                "common_repair",
                False,
                "urgent",
                2,
                "dispatched",
                "Lift stuck on floor 7",
            ),
            ("common_repair", False, "normal", 0.1, "new", "Corridor light broken"),
            ("neighbour_dispute", False, "normal", 20, "open", "Noise after 22:00"),
            ("complaint", "general", "normal", 72, "open", "Rubbish not collected"),
            ("complaint", "important", "normal", 5, "open", "Staff rude at the gate"),
            ("complaint", "major", "normal", 3, "open", "Flooding damaged furniture"),
            (
                "complaint",
                "general",
                "normal",
                24 * 35,
                "open",
                "Parking barrier broken",
            ),
            ("complaint", "general", "normal", 24 * 5, "done", "Water bill explained"),
            ("suggestion", False, "normal", 10, "done", "More bicycle parking"),
            ("consultation", False, "normal", 0.2, "new", "Renovation rules"),
            (
                "warranty_defect",
                False,
                "normal",
                40,
                "dispatched",
                "Cracked wall in bedroom",
            ),
        ]
        done_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        progress_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        for index, (category, level, urgency, hours, outcome, subject) in enumerate(
            plan
        ):
            unit = units[index % len(units)] if units else False
            registered = now - timedelta(hours=hours)
            ticket = Ticket.create(
                {
                    "name": subject,
                    "description": subject,
                    "pcs_unit_id": unit.id if unit else False,
                    "pcs_project_id": project.id,
                    "pcs_category": category,
                    "pcs_complaint_level": level,
                    "pcs_urgency": urgency,
                    "pcs_channel": ("visit", "phone", "portal", "letter")[index % 4],
                    "pcs_registered_at": registered,
                    "pcs_accountable_user_id": front.id,
                    "pcs_department_id": engineering.id,
                }
            )
            if outcome == "new":
                continue
            ticket.pcs_first_reply_at = registered + timedelta(minutes=10)
            ticket.stage_id = progress_stage
            self.env["property.ticket.followup"].create(
                {
                    "ticket_id": ticket.id,
                    "date": registered + timedelta(minutes=10),
                    "user_id": front.id,
                    "owner_said": "Thanks, please come soon.",
                }
            )
            if outcome in ("dispatched", "on_site", "done"):
                order = self.env["property.dispatch.order"].create(
                    {
                        "ticket_id": ticket.id,
                        "description": subject,
                        "department_id": engineering.id,
                        "user_id": front.id,
                        "labour_amount": 80.0 if category == "paid_repair" else 0.0,
                        "material_amount": 45.0 if category == "paid_repair" else 0.0,
                    }
                )
                order.action_dispatch()
                if order.is_paid:
                    order.action_accept_price()
                if outcome in ("on_site", "done"):
                    order.action_accept()
                    order.action_on_site()
                if outcome == "done":
                    order.write(
                        {
                            "owner_signature": DEMO_SIGNATURE,
                            "owner_signed_by": ticket.partner_id.name,
                            "result": "Done",
                        }
                    )
                    order.action_done()
                    order.action_return()
            if outcome == "done":
                ticket.stage_id = done_stage
                callback = self.env["property.callback"].create(
                    {
                        "ticket_id": ticket.id,
                        "kind": {
                            "complaint": "complaint",
                            "rectification": "rectification",
                            "paid_repair": "paid_repair",
                        }.get(category, "other"),
                        "date_due": fields.Date.context_today(self),
                    }
                )
                if category == "paid_repair":
                    callback.write(
                        {"method": "phone", "satisfaction": "satisfied", "score": "5"}
                    )
                    callback.action_done()
        return True

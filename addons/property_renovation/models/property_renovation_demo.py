# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

# A 1x1 PNG used as demo document, photo and signature.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
DEMO_STATES = [
    "draft",
    "review",
    "returned",
    "approved",
    "works",
    "inspection",
    "settled",
    "done",
    "cancelled",
]


class PropertyRenovationDemo(models.AbstractModel):
    """Demo applications on Sunshine Garden, one in every state."""

    _name = "property.renovation.demo"
    _description = "Renovation Demo Data"

    @api.model
    def _attachment(self, name):
        return (
            self.env["ir.attachment"]
            .create({"name": name, "raw": PIXEL, "mimetype": "image/png"})
            .ids
        )

    @api.model
    def _pay(self, moves):
        moves = moves.filtered(lambda m: m.state == "posted")
        if moves:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=moves.ids
            ).create({"group_payment": False})._create_payments()

    @api.model
    def _generate(self):
        project = self.env.ref("property_cs.project_sunshine_demo")
        Renovation = self.env["property.renovation"]
        if Renovation.search_count([("project_id", "=", project.id)]):
            return True
        units = project.unit_ids.filtered("current_owner_ids")[::17][: len(DEMO_STATES)]
        accounting = bool(project.company_id.chart_template)
        today = fields.Date.context_today(self)
        engineer = self.env.ref("property_renovation.user_engineer_demo")
        contractor = self.env.ref("property_renovation.partner_contractor_demo")
        for index, (unit, state) in enumerate(zip(units, DEMO_STATES, strict=False)):
            if not accounting and state not in ("draft", "review", "returned"):
                continue
            renovation = Renovation.create(
                {
                    "unit_id": unit.id,
                    "partner_id": unit.current_owner_ids[:1].id,
                    "contractor_id": contractor.id,
                    "contractor_licence_no": "91310000MA1K0000" + str(index),
                    "contractor_licence_ids": [
                        Command.set(self._attachment("licence.png"))
                    ],
                    "principal_name": "张建国",
                    "principal_phone": "13800138000",
                    "description": "Kitchen and bathroom renewal, new floor tiles.",
                    "date_start": today - timedelta(days=30),
                    "date_end": today + timedelta(days=30),
                    "drawing_ids": [Command.set(self._attachment("drawing.png"))],
                    "fire_approval_ids": [
                        Command.set(self._attachment("fire_approval.png"))
                    ]
                    if unit.unit_type != "residence"
                    else [],
                    "structural_change": state == "returned",
                    "reviewer_id": engineer.id,
                    "worker_ids": [
                        Command.create({"name": "李强", "trade": "Electrician"}),
                        Command.create({"name": "王磊", "trade": "Tiler"}),
                    ],
                }
            )
            if state == "draft":
                continue
            renovation.action_submit()
            if state == "review":
                # Submitted four days ago: the review is overdue.
                renovation.write(
                    {"review_deadline": fields.Datetime.now() - timedelta(days=1)}
                )
                continue
            if state == "returned":
                renovation.return_reason = (
                    "Load-bearing wall change: attach the approved design and the "
                    "government approval."
                )
                renovation.action_return()
                continue
            renovation.action_approve_review()
            renovation.write(
                {
                    "pre_condition": "Walls and floor intact, pipes without leaks.",
                    "forbidden_acts_ack": True,
                }
            )
            if state == "cancelled":
                renovation.action_cancel()
                continue
            renovation.action_record_briefing()
            renovation.action_invoice()
            if state == "approved":
                continue
            renovation.write({"agreement_signed": True, "commitment_signed": True})
            self._pay(renovation.fee_move_id | renovation.deposit_id.invoice_id)
            renovation.action_issue_permit()
            patrol = self.env["property.renovation.patrol"].create(
                renovation._prepare_patrol_values(today, "security")
            )
            violation = self.env["property.renovation.violation"].create(
                {
                    "renovation_id": renovation.id,
                    "patrol_id": patrol.id,
                    "description": "Debris left in the corridor.",
                    "requirement": "Remove the debris and clean the corridor.",
                    "deadline": today - timedelta(days=1),
                    "penalty_amount": 200.0,
                }
            )
            self.env["property.renovation.extension"].create(
                {
                    "renovation_id": renovation.id,
                    "date_end_new": renovation.date_end + timedelta(days=14),
                    "reason": "Tiles delivered late.",
                }
            )
            if state == "works":
                continue
            violation.action_rectified()
            renovation.action_finish_works()
            initial = renovation.inspection_ids
            initial.write(
                {"neighbours_ok": True, "common_parts_ok": True, "facade_ok": True}
            )
            initial.action_done()
            if state == "inspection":
                continue
            initial.date_done = today - relativedelta(months=1)
            self.env["property.renovation.inspection"]._cron_schedule_reinspections()
            renovation.inspection_ids.filtered(
                lambda i: i.kind == "reinspection"
            ).action_done()
            renovation.action_return_permit()
            renovation.action_prepare_settlement()
            renovation.write(
                {
                    "settlement_signature": base64.b64encode(PIXEL),
                    "settlement_signed_by": renovation.partner_id.name,
                }
            )
            renovation.action_settle()
            if state == "done":
                renovation.action_approve_refund()
        return True

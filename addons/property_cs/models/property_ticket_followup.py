# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyTicketFollowup(models.Model):
    """One contact with the owner about a request (跟进记录)."""

    _name = "property.ticket.followup"
    _description = "Request Follow-up"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(
        related="ticket_id.pcs_project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user
    )
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("visit", "In Person"),
            ("sms", "SMS / WeChat"),
            ("letter", "Written Reply"),
            ("portal", "Portal"),
        ],
        required=True,
        default="phone",
    )
    owner_said = fields.Text(string="What the Owner Said", required=True)
    plan = fields.Text(
        string="Plan Told to the Owner",
        help="When the request is not solved the same day: the plan and new time.",
    )
    next_date = fields.Datetime(string="New Time Promised")

    @api.model_create_multi
    def create(self, vals_list):
        followups = super().create(vals_list)
        # The first contact is the first reply, if nobody recorded it before.
        for followup in followups:
            ticket = followup.ticket_id
            if not ticket.pcs_first_reply_at:
                ticket.pcs_first_reply_at = followup.date
        activity_type = self.env.ref(
            "property_cs.mail_activity_ticket_followup", raise_if_not_found=False
        )
        if activity_type:
            followups.ticket_id.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).action_feedback(feedback=self.env._("Follow-up logged."))
        return followups

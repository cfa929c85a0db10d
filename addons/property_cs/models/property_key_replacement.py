# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyKeyReplacement(models.Model):
    """Request to replace (re-cut or change the lock of) a key set.

    Needs the service-centre director's approval.
    """

    _name = "property.key.replacement"
    _description = "Key Replacement Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    key_set_id = fields.Many2one(
        "property.key.set", required=True, index=True, check_company=True
    )
    unit_id = fields.Many2one(related="key_set_id.unit_id", store=True)
    project_id = fields.Many2one(
        related="key_set_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="key_set_id.company_id", store=True, index=True, precompute=True
    )
    reason = fields.Text(required=True)
    change_lock = fields.Boolean(
        string="Change the Lock", help="The old keys must no longer open the door."
    )
    new_key_count = fields.Integer(string="New Keys", default=1)
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "Waiting for Director"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )

    def action_request(self):
        requests = self.filtered(lambda r: r.state == "draft")
        requests.state = "to_approve"
        requests.filtered("project_id.manager_id")._pcs_schedule_activities(
            "mail.mail_activity_data_todo",
            user=lambda request: request.project_id.manager_id,
            summary=lambda request: request.env._("Approve key replacement"),
            notify=True,
        )

    def _check_director(self):
        if not self.env.user.has_group("property_cs.group_director"):
            raise UserError(
                self.env._(
                    "Only the service-centre director approves key replacements."
                )
            )

    def action_approve(self):
        self._check_director()
        self.filtered(lambda r: r.state == "to_approve").write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "date_approved": fields.Datetime.now(),
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_reject(self):
        self._check_director()
        self.filtered(lambda r: r.state == "to_approve").write({"state": "rejected"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_done(self):
        for request in self:
            if request.state != "approved":
                raise UserError(
                    self.env._(
                        "A key replacement must be approved by the director first."
                    )
                )
            request.key_set_id.write(
                {"key_count": request.new_key_count or request.key_set_id.key_count}
            )
            if request.key_set_id.state == "missing":
                request.key_set_id.write({"state": "in_cabinet", "missing_date": False})
            request.state = "done"

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_archive_access_log import PII_PURPOSES

DIRECTOR_GROUP = "property_cs.group_director"


class PropertyArchiveAccessRequest(models.Model):
    """Archive consultation request (查阅申请): reason, director's approval."""

    _name = "property.archive.access.request"
    _description = "Archive Access Request"
    _inherit = ["property.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _pcs_sequence_code = "property.archive.access.request"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Request No.",
        required=True,
        copy=False,
        readonly=True,
        default=lambda self: self.env._("New"),
    )
    archive_id = fields.Many2one(
        "property.archive",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    unit_id = fields.Many2one(related="archive_id.unit_id", store=True)
    project_id = fields.Many2one(
        related="archive_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="archive_id.company_id", store=True, index=True, precompute=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    purpose = fields.Selection(
        [("view", "View"), ("copy", "Copy"), ("print", "Print")],
        required=True,
        default="view",
    )
    data_purpose = fields.Selection(
        PII_PURPOSES,
        string="Purpose of Processing",
        required=True,
        default="owner_request",
        tracking=True,
    )
    reason = fields.Text(required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Waiting Approval"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("expired", "Expired"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True)
    date_approved = fields.Datetime(readonly=True)
    date_expire = fields.Datetime(string="Valid Until", readonly=True, index=True)
    refuse_reason = fields.Char(readonly=True)

    @api.constrains("reason")
    def _check_reason(self):
        for request in self:
            if len((request.reason or "").strip()) < 4:
                raise UserError(
                    self.env._("State the reason for consulting the archive.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_access_log(self):
        """The access log is evidence: what it is about stays."""
        self.env["property.archive.access.log"]._pcs_check_evidence(self)

    def action_submit(self):
        requests = self.filtered(lambda r: r.state == "draft")
        requests.state = "submitted"
        requests.filtered("project_id.manager_id")._pcs_schedule_activities(
            "property_cs.mail_activity_archive_access",
            user=lambda request: request.project_id.manager_id,
            note=lambda request: request.reason,
            notify=True,
        )
        return True

    def _check_director(self):
        if not self.env.user.has_group(DIRECTOR_GROUP):
            raise UserError(
                self.env._("Only the service-centre director approves archive access.")
            )

    def action_approve(self):
        self._check_director()
        now = fields.Datetime.now()
        for request in self:
            if request.state != "submitted":
                raise UserError(self.env._("Only submitted requests can be approved."))
            if request.user_id == self.env.user:
                raise UserError(
                    self.env._("You cannot approve your own access request.")
                )
            hours = request.company_id.pcs_access_request_hours or 24
            request.write(
                {
                    "state": "approved",
                    "approver_id": self.env.uid,
                    "date_approved": now,
                    "date_expire": now + timedelta(hours=hours),
                }
            )
            request.activity_feedback(["property_cs.mail_activity_archive_access"])
        return True

    def action_refuse(self):
        self._check_director()
        self.filtered(lambda r: r.state == "submitted").write({"state": "refused"})
        self.activity_unlink(["property_cs.mail_activity_archive_access"])
        return True

    def action_open_archive(self):
        self.ensure_one()
        return self.archive_id.action_open_full()

    @api.model
    def _cron_expire(self, limit=500):
        """Expire the approvals whose validity has run out."""
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            [("state", "=", "approved"), ("date_expire", "<=", fields.Datetime.now())],
            lambda requests: requests.write({"state": "expired"}),
            limit,
        )

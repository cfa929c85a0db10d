# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

FINDING_CATEGORIES = [
    ("security", "Security"),
    ("facilities", "Common Facilities"),
    ("cleanliness", "Cleanliness"),
    ("landscaping", "Landscaping"),
    ("renovation", "Renovation"),
    ("fire", "Fire Safety"),
    ("vacant_unit", "Vacant Units"),
]


class PropertyFinding(models.Model):
    """A problem found on a patrol or a vacant-unit visit.

    It becomes a service request that must be fixed within 7 days (company
    setting) unless a longer time is approved; the request carries that
    deadline as its resolve deadline, and closing the request sends the
    finding to verification on site.
    """

    _name = "property.finding"
    _description = "Patrol / Visit Finding"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.request.mixin"]
    _order = "date_deadline, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    description = fields.Text()
    category = fields.Selection(FINDING_CATEGORIES, required=True, default="facilities")
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(
        "property.building",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    unit_id = fields.Many2one(
        "property.unit", check_company=True, domain="[('project_id', '=', project_id)]"
    )
    patrol_id = fields.Many2one("property.patrol", index=True, ondelete="cascade")
    visit_id = fields.Many2one("property.vacant.visit", index=True, ondelete="cascade")
    found_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    date_found = fields.Datetime(required=True, default=fields.Datetime.now)
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Photos", help="Photos taken on site."
    )
    state = fields.Selection(
        [
            ("open", "Found"),
            ("requested", "Request Raised"),
            ("fixed", "Fixed, To Verify"),
            ("verified", "Verified"),
        ],
        default="open",
        required=True,
        tracking=True,
        readonly=True,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Request", readonly=True, copy=False
    )
    ticket_ref = fields.Char(string="Service Request No.", readonly=True, copy=False)
    date_deadline = fields.Datetime(
        string="Fix Deadline",
        compute="_compute_date_deadline",
        store=True,
        index=True,
        tracking=True,
        help="7 days (Settings → Property) from the request, or the approved "
        "extension; the request's resolve deadline follows it.",
    )
    date_requested = fields.Datetime(readonly=True, copy=False)
    extension_date = fields.Datetime(string="Extended To", copy=False)
    extension_reason = fields.Text(copy=False)
    extension_state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_fixed = fields.Datetime(readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_verified = fields.Datetime(readonly=True, copy=False)
    verification_note = fields.Text()
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends(
        "date_requested",
        "date_found",
        "extension_state",
        "extension_date",
        "company_id.pcs_finding_fix_days",
    )
    def _compute_date_deadline(self):
        for finding in self:
            start = finding.date_requested or finding.date_found
            days = (finding.company_id or self.env.company).pcs_finding_fix_days
            deadline = start and start + timedelta(days=days)
            if finding.extension_state == "approved" and finding.extension_date:
                deadline = max(deadline, finding.extension_date)
            finding.date_deadline = deadline

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for finding in self:
            finding.is_overdue = bool(
                finding.state in ("open", "requested")
                and finding.date_deadline
                and finding.date_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        domain = [
            ("state", "in", ("open", "requested")),
            ("date_deadline", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    def _prepare_request_values(self):
        self.ensure_one()
        partner = self.unit_id.current_owner_ids[:1]
        origin = self.patrol_id.name or self.visit_id.name or ""
        return {
            "name": self.name,
            "description": (self.description or self.name)
            + (f"\n({origin})" if origin else ""),
            "partner_id": partner.id or False,
            "unit_id": self.unit_id.id or False,
            "project_id": self.project_id.id,
            "company_id": self.company_id.id,
        }

    def action_create_request(self):
        for finding in self.filtered(lambda f: not f.ticket_id):
            ticket = finding._property_create_request(finding._prepare_request_values())
            if finding.attachment_ids:
                finding.attachment_ids.sudo().copy(
                    {"res_model": "helpdesk.ticket", "res_id": ticket.id}
                )
            finding.write(
                {
                    "ticket_id": ticket.id,
                    "ticket_ref": ticket.sudo().display_name,
                    "state": "requested",
                    "date_requested": fields.Datetime.now(),
                }
            )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        findings = super().create(vals_list)
        for attachment_holder in findings.filtered("attachment_ids"):
            attachment_holder.attachment_ids.filtered(
                lambda a: not a.res_id and a.create_uid == self.env.user
            ).write({"res_model": self._name, "res_id": attachment_holder.id})
        if not self.env.context.get("pcs_finding_no_request"):
            findings.action_create_request()
        return findings

    def action_request_extension(self):
        for finding in self:
            if not finding.extension_date or not finding.extension_reason:
                raise UserError(
                    self.env._("Give the new date and the reason for the extension.")
                )
        self.write({"extension_state": "requested"})

    def action_approve_extension(self):
        if not self.env.user.has_group("property_cs.group_cs_manager"):
            raise UserError(
                self.env._("Only a customer-service manager approves extensions.")
            )
        self.filtered(lambda f: f.extension_state == "requested").write(
            {"extension_state": "approved"}
        )

    def action_reject_extension(self):
        if not self.env.user.has_group("property_cs.group_cs_manager"):
            raise UserError(
                self.env._("Only a customer-service manager rejects extensions.")
            )
        self.filtered(lambda f: f.extension_state == "requested").write(
            {"extension_state": "rejected"}
        )

    def _pcs_request_closed(self):
        """The request was closed: the fix is to be verified on site."""
        findings = self.filtered(lambda f: f.state in ("open", "requested"))
        findings.action_mark_fixed()
        findings._message_log_batch(
            {
                finding.id: self._pcs_in_company_lang().env._(
                    "Request %(request)s closed: verify the fix on site.",
                    request=finding.ticket_ref or finding.ticket_id.display_name,
                )
                for finding in findings
            }
        )

    def _pcs_request_reopened(self):
        """The request was reopened before the fix was verified."""
        self.filtered(lambda f: f.state == "fixed").write(
            {"state": "requested", "date_fixed": False}
        )

    def action_mark_fixed(self):
        self.filtered(lambda f: f.state in ("open", "requested")).write(
            {"state": "fixed", "date_fixed": fields.Datetime.now()}
        )

    def action_verify(self):
        """The fix was checked on site by the current user."""
        for finding in self:
            if finding.state != "fixed":
                raise UserError(self.env._("Only a fixed finding can be verified."))
        self.write(
            {
                "state": "verified",
                "verified_by_id": self.env.uid,
                "date_verified": fields.Datetime.now(),
            }
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyRenovationViolation(models.Model):
    """Violation notice (违章通知书) with a rectification deadline."""

    _name = "property.renovation.violation"
    _description = "Renovation Violation Notice"
    _inherit = [
        "property.sequence.mixin",
        "property.renovation.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _pcs_sequence_code = "property.renovation.violation"

    name = fields.Char(string="Notice No.", required=True, readonly=True, default="/")
    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    partner_id = fields.Many2one(related="renovation_id.partner_id", string="Owner")
    currency_id = fields.Many2one(related="company_id.currency_id")
    patrol_id = fields.Many2one("property.renovation.patrol", string="Found on Patrol")
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Text(string="Violation", required=True)
    requirement = fields.Text(string="Rectification Required")
    deadline = fields.Date(string="Rectify By", required=True, tracking=True)
    penalty_amount = fields.Monetary(
        string="Deduction", help="Deducted from the deposit at settlement."
    )
    photo_ids = fields.Many2many(
        "ir.attachment", "property_renovation_violation_photo_rel", string="Photos"
    )
    owner_signature = fields.Binary(string="Owner's Signature", copy=False)
    date_signed = fields.Date(readonly=True, copy=False)
    refused = fields.Boolean(
        string="Owner Refused to Sign or Rectify",
        tracking=True,
        help="Refusals are reported to the authorities.",
    )
    reported = fields.Boolean(string="Reported to Authorities", tracking=True)
    archive_document_id = fields.Many2one(
        "property.archive.document",
        string="Filed in Archive",
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        [("open", "Open"), ("rectified", "Rectified"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )
    overdue_flagged = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="Technical: set once by the scheduled action when the deadline passed.",
    )

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for violation in self:
            violation.is_overdue = bool(
                violation.state == "open"
                and violation.deadline
                and violation.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        domain = [
            ("state", "=", "open"),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    def action_sign(self):
        for violation in self:
            if not violation.owner_signature:
                raise UserError(self.env._("The owner's signature is missing."))
        self.write({"date_signed": fields.Date.context_today(self), "refused": False})
        self._file_into_archive()
        return True

    def _file_into_archive(self):
        """File the notice (signed or refused) in the unit's owner archive."""
        doc_type = self.env.ref("property_cs.doc_type_violation_notice")
        Document = self.env["property.archive.document"].sudo()
        for violation in self.filtered(
            lambda v: v.unit_id.archive_id.state == "open" and not v.archive_document_id
        ):
            violation.sudo().archive_document_id = Document.create(
                {
                    "archive_id": violation.unit_id.archive_id.id,
                    "type_id": doc_type.id,
                    "name": (violation.description or "")[:200],
                    "source": self._pcs_in_company_lang().env._(
                        "Violation notice %(name)s", name=violation.name
                    ),
                }
            )

    def action_refuse(self):
        """The owner refuses: flag it for the report to the authorities."""
        self.write({"refused": True})
        self._file_into_archive()
        self._message_log_batch(
            {
                v.id: self._pcs_in_company_lang().env._(
                    "The owner refused: report the violation to the authorities."
                )
                for v in self
            }
        )
        return True

    def action_report(self):
        self.write({"reported": True})
        return True

    def action_rectified(self):
        self.write({"state": "rectified"})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    @api.model
    def _overdue_domain(self):
        return [
            ("state", "=", "open"),
            ("deadline", "<", fields.Date.context_today(self)),
            ("overdue_flagged", "=", False),
        ]

    @api.model
    def _cron_flag_overdue(self, limit=200):
        """Flag violations past their deadline (once) and remind engineering;
        one batch per call."""
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            self._overdue_domain(),
            lambda found: found._flag_overdue(),
            limit=limit,
        )

    def _flag_overdue(self):
        self.write({"overdue_flagged": True})
        self._pcs_schedule_activities(
            "property_renovation.mail_activity_renovation_violation_overdue",
            user=lambda v: v.renovation_id.reviewer_id or v.project_id.manager_id,
            summary=lambda v: v.env._("Violation not rectified by the deadline"),
        )

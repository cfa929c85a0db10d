# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

PATROL_KIND_LABELS = [("engineering", "Engineering"), ("security", "Security")]


class PropertyRenovationPatrol(models.Model):
    """Daily patrol of a renovation site (巡查), one per day and kind."""

    _name = "property.renovation.patrol"
    _description = "Renovation Patrol"
    _inherit = [
        "property.renovation.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, renovation_id, kind"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    date = fields.Date(required=True, index=True)
    kind = fields.Selection(PATROL_KIND_LABELS, required=True)
    state = fields.Selection(
        [("due", "Due"), ("done", "Done")], default="due", required=True, tracking=True
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        index=True,
        help="The patrol is due by the end of its day; escalated when missed.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    escalated = fields.Boolean(
        readonly=True,
        copy=False,
        help="Technical: the missed patrol was escalated to the director (once).",
    )
    user_id = fields.Many2one("res.users", string="Patrolled By")
    line_ids = fields.One2many("property.renovation.patrol.line", "patrol_id")
    photo_ids = fields.Many2many(
        "ir.attachment", "property_renovation_patrol_photo_rel", string="Photos"
    )
    note = fields.Text()
    issue_found = fields.Boolean(compute="_compute_issue_found", store=True)

    _sql_constraints = [
        (
            "renovation_date_kind_uniq",
            "unique(renovation_id, date, kind)",
            "One patrol per renovation, day and kind.",
        )
    ]

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for patrol in self:
            patrol.display_name = f"{patrol.renovation_id.name} {patrol.date} " + (
                kinds.get(patrol.kind) or ""
            )

    @api.depends("line_ids.result")
    def _compute_issue_found(self):
        for patrol in self:
            patrol.issue_found = any(line.result == "issue" for line in patrol.line_ids)

    @api.depends("date")
    def _compute_deadline(self):
        for patrol in self:
            patrol.deadline = patrol.date

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for patrol in self:
            patrol.is_overdue = bool(
                patrol.state == "due" and patrol.deadline and patrol.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        domain = [
            ("state", "=", "due"),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.model
    def _escalation_domain(self):
        return [
            ("state", "=", "due"),
            ("deadline", "<", fields.Date.context_today(self)),
            ("escalated", "=", False),
        ]

    @api.model
    def _cron_escalate_overdue(self, limit=200):
        """Escalate patrols not done by their deadline to the project's
        director, one batch per call; each patrol once (the flag is set with
        the activity)."""
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            self._escalation_domain(),
            lambda found: found._escalate(),
            limit=limit,
        )

    def _escalate(self):
        self.write({"escalated": True})
        self._pcs_schedule_activities(
            "property_renovation.mail_activity_renovation_patrol_overdue",
            user=lambda patrol: patrol.project_id.manager_id,
            summary=lambda patrol: patrol.env._("Renovation patrol missed"),
        )
        self._message_log_batch(
            {
                p.id: self._pcs_in_company_lang().env._(
                    "The patrol was not done by its deadline; escalated to the "
                    "director."
                )
                for p in self
            }
        )

    def action_done(self):
        self.write({"state": "done", "user_id": self.env.uid})
        return True

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_finding import FINDING_CATEGORIES

CRON_BATCH = 200


class PropertyPatrol(models.Model):
    """One patrol round and its log (巡查记录)."""

    _name = "property.patrol"
    _description = "Patrol"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.finding.source.mixin"]
    _order = "date_start desc, id desc"
    _pcs_finding_field = "patrol_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    plan_id = fields.Many2one(
        "property.patrol.plan", required=True, index=True, ondelete="cascade"
    )
    round_id = fields.Many2one("property.patrol.plan.round", ondelete="set null")
    project_id = fields.Many2one(
        related="plan_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    building_ids = fields.Many2many(related="plan_id.building_ids")
    user_id = fields.Many2one(
        "res.users",
        string="Patrolled By",
        tracking=True,
        domain=[("share", "=", False)],
    )
    date = fields.Date(required=True, index=True)
    date_start = fields.Datetime(string="Window Start", required=True)
    date_end = fields.Datetime(
        string="Window End", required=True, help="The round is late after this time."
    )
    date_done = fields.Datetime(string="Completed At", readonly=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("missed", "Missed")],
        default="planned",
        required=True,
        tracking=True,
        readonly=True,
    )
    line_ids = fields.One2many(
        "property.patrol.line",
        "patrol_id",
        string="Checklist",
        default=lambda self: self._default_line_ids(),
    )
    finding_ids = fields.One2many("property.finding", "patrol_id", string="Findings")
    attachment_ids = fields.Many2many("ir.attachment", string="Photos")
    note = fields.Text()
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    _sql_constraints = [
        (
            "plan_round_date_uniq",
            "unique(plan_id, round_id, date)",
            "This patrol round is already planned for the day.",
        )
    ]

    @api.model
    def _default_line_ids(self):
        return [
            fields.Command.create({"category": key})
            for key, _label in FINDING_CATEGORIES
        ]

    @api.depends("plan_id.name", "round_id.name", "date")
    def _compute_name(self):
        for patrol in self:
            patrol.name = " ".join(
                filter(
                    None,
                    [patrol.plan_id.name, str(patrol.date or ""), patrol.round_id.name],
                )
            )

    @api.depends("date_end", "state")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for patrol in self:
            patrol.is_overdue = bool(
                patrol.state == "planned" and patrol.date_end and patrol.date_end < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        domain = [("state", "=", "planned"), ("date_end", "<", fields.Datetime.now())]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    def action_done(self):
        for patrol in self:
            if patrol.state != "planned":
                raise UserError(self.env._("This patrol is already closed."))
            if patrol.line_ids.filtered(lambda line: not line.result):
                raise UserError(self.env._("Check every item of the checklist first."))
        self.write(
            {
                "state": "done",
                "date_done": fields.Datetime.now(),
                "user_id": self.env.uid,
            }
        )

    def _pcs_finding_defaults(self):
        return dict(
            super()._pcs_finding_defaults(), building_id=self.building_ids[:1].id
        )

    # ------------------------------------------------------------------
    # Scheduling
    # ------------------------------------------------------------------
    @api.model
    def _window(self, day, hours, tz_name):
        """Naive UTC datetime of ``hours`` (float) on ``day`` in ``tz_name``."""
        local = pytz.timezone(tz_name or "Asia/Shanghai")
        naive = datetime.combine(day, time()) + timedelta(hours=hours)
        return local.localize(naive).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _cron_generate(self, limit=CRON_BATCH):
        """Plan today's rounds of every active plan, never twice.

        Missed rounds of earlier days are closed as missed.
        """
        today = fields.Date.context_today(self)
        self.search([("state", "=", "planned"), ("date", "<", today)]).write(
            {"state": "missed"}
        )
        done_rounds = self.search([("date", "=", today)]).round_id
        return self.env["ir.cron"]._pcs_run_batch(
            self.env["property.patrol.plan.round"],
            [("plan_id.active", "=", True), ("id", "not in", done_rounds.ids)],
            lambda rounds: self.create(
                [self._prepare_round_values(window, today) for window in rounds]
            ),
            limit,
        )

    @api.model
    def _prepare_round_values(self, window, day):
        """Values of the patrol of plan round ``window`` on ``day``."""
        tz = window.plan_id.user_id.tz
        return {
            "plan_id": window.plan_id.id,
            "round_id": window.id,
            "user_id": window.plan_id.user_id.id,
            "date": day,
            "date_start": self._window(day, window.hour_start, tz),
            "date_end": self._window(day, window.hour_end, tz),
        }

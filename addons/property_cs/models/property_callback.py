# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import logging
import math
from datetime import datetime, time, timedelta

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

CALLBACK_KINDS = [
    ("complaint", "Complaint Result"),
    ("rectification", "Completed Rectification"),
    ("paid_repair", "Paid Repair"),
    ("other", "Other Request"),
]


def sample_key(record_id, day):
    """Stable pseudo-random key of a record for a day: audit can recompute it."""
    digest = hashlib.sha256(f"{record_id}:{day.isoformat()}".encode()).hexdigest()
    return int(digest[:12], 16)


def pick_sample(record_ids, day, rate):
    """The ``rate`` percent of ``record_ids`` (rounded up) with the lowest keys."""
    if rate <= 0 or not record_ids:
        return []
    count = min(len(record_ids), math.ceil(len(record_ids) * rate / 100.0))
    return sorted(record_ids, key=lambda rid: sample_key(rid, day))[:count]


class PropertyCallback(models.Model):
    """Callback (回访) on the result of a request."""

    _name = "property.callback"
    _description = "Callback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        ondelete="cascade",
    )
    kind = fields.Selection(CALLBACK_KINDS, required=True)
    project_id = fields.Many2one(
        related="ticket_id.pcs_project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Owner")
    unit_id = fields.Many2one(related="ticket_id.pcs_unit_id", store=True)
    category = fields.Selection(related="ticket_id.pcs_category", store=True)
    date_due = fields.Date(string="Due", required=True, index=True)
    state = fields.Selection(
        [("todo", "To Call"), ("done", "Done")],
        default="todo",
        required=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Called By", tracking=True, domain=[("share", "=", False)]
    )
    date_done = fields.Datetime(string="Called At", readonly=True)
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("visit", "Home Visit"),
            ("sms", "SMS / WeChat"),
            ("portal", "Portal"),
        ]
    )
    satisfaction = fields.Selection(
        [
            ("satisfied", "Satisfied"),
            ("basic", "Basically Satisfied"),
            ("unsatisfied", "Unsatisfied"),
        ],
        tracking=True,
    )
    score = fields.Selection(
        [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")],
        help="1 (poor) to 5 (excellent).",
    )
    remarks = fields.Text()
    spot_check = fields.Boolean(
        string="Selected for Spot Check",
        readonly=True,
        index=True,
        help="Drawn for the manager's monthly re-check.",
    )
    spot_check_result = fields.Text(string="Spot-Check Result")
    spot_check_user_id = fields.Many2one(
        "res.users", string="Checked By", readonly=True
    )
    # Measures of the pivot: averaged 0/100 flags give the rate of a group.
    done_rate = fields.Float(
        string="Callback Rate (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        help="Share of the callbacks due that were made (target 100%).",
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        help="Satisfied or basically satisfied owners (target 95%); average it "
        "over done callbacks (filter Done).",
    )

    _sql_constraints = [
        (
            "ticket_kind_uniq",
            "unique(ticket_id, kind)",
            "A request gets only one callback of each kind.",
        )
    ]

    @api.depends("state", "satisfaction")
    def _compute_rates(self):
        for callback in self:
            callback.done_rate = 100.0 if callback.state == "done" else 0.0
            callback.satisfaction_rate = (
                100.0 if callback.satisfaction in ("satisfied", "basic") else 0.0
            )

    def action_done(self):
        for callback in self:
            if not (callback.method and callback.satisfaction):
                raise UserError(
                    self.env._("Record the method and the owner's satisfaction.")
                )
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        for callback in self:
            if not callback.user_id:
                callback.user_id = self.env.user
        unsatisfied = self.filtered(lambda c: c.satisfaction == "unsatisfied")
        for callback in unsatisfied:
            callback.ticket_id.sudo()._pcs_reopen(
                callback._pcs_in_company_lang().env._(
                    "the owner was not satisfied with the callback"
                )
            )

    def action_print(self):
        return self.env.ref("property_cs.action_report_callback").report_action(self)

    def action_spot_check_done(self):
        self.write({"spot_check_user_id": self.env.user.id})

    # ------------------------------------------------------------------
    # Generation by rule
    # ------------------------------------------------------------------
    @api.model
    def _pcs_day_bounds(self, day):
        start = datetime.combine(day, time.min)
        return start, start + timedelta(days=1)

    @api.model
    def _cron_generate(self, lookback_days=7):
        """Create the callbacks due by rule (idempotent: unique ticket and kind).

        - complaints: every one, N days after resolution (due within 7 days);
        - rectifications: every completed one, the same day;
        - paid repairs and other requests: a share of each past day's volume,
          chosen by :func:`pick_sample` so that an audit gets the same choice.
        """
        Ticket = self.env["helpdesk.ticket"]
        today = fields.Date.context_today(self)
        vals_list = []
        since = datetime.combine(today - timedelta(days=lookback_days + 7), time.min)
        closed = Ticket.search(
            [
                ("stage_id.closed", "=", True),
                ("closed_date", ">=", since),
                ("pcs_category", "!=", False),
            ]
        )
        # Every callback these tickets already have, however old: a request
        # closed again long after its first callback keeps that one callback
        # per kind (the unique constraint) instead of crashing the run.
        existing = {
            (callback.ticket_id.id, callback.kind)
            for callback in self.search([("ticket_id", "in", closed.ids)])
        }

        def add(ticket, kind, due):
            if (ticket.id, kind) not in existing:
                existing.add((ticket.id, kind))
                vals_list.append(
                    {"ticket_id": ticket.id, "kind": kind, "date_due": due}
                )

        for company in closed.company_id:
            company_closed = closed.filtered(lambda t, c=company: t.company_id == c)
            delay = company.pcs_callback_complaint_days
            for ticket in company_closed.filtered(
                lambda t: t.pcs_category == "complaint"
            ):
                closed_day = ticket.closed_date.date()
                if closed_day + timedelta(days=delay) <= today:
                    add(
                        ticket,
                        "complaint",
                        closed_day
                        + timedelta(days=company.pcs_callback_complaint_due_days),
                    )
            for ticket in company_closed.filtered(
                lambda t: t.pcs_category == "rectification"
            ):
                add(ticket, "rectification", ticket.closed_date.date())
            rates = {
                "paid_repair": company.pcs_callback_paid_repair_rate,
                "other": company.pcs_callback_other_rate,
            }
            for offset in range(1, lookback_days + 1):
                day = today - timedelta(days=offset)
                day_closed = company_closed.filtered(
                    lambda t, d=day: t.closed_date.date() == d
                )
                for kind, rate in rates.items():
                    if kind == "paid_repair":
                        pool = day_closed.filtered(
                            lambda t: t.pcs_category == "paid_repair"
                        )
                    else:
                        pool = day_closed.filtered(
                            lambda t: t.pcs_category
                            not in ("paid_repair", "complaint", "rectification")
                        )
                    for ticket_id in pick_sample(pool.ids, day, rate):
                        add(Ticket.browse(ticket_id), kind, today)
        return self._pcs_create_missing(vals_list)

    def _pcs_create_missing(self, vals_list):
        """Create the callbacks of ``vals_list``; one that another run or a
        user created meanwhile (same request and kind) is skipped."""
        try:
            with self.env.cr.savepoint():
                return self.create(vals_list)
        except errors.UniqueViolation as exc:
            if exc.diag.constraint_name != "property_callback_ticket_kind_uniq":
                raise
        callbacks = self.browse()
        for vals in vals_list:
            try:
                with self.env.cr.savepoint():
                    callbacks |= self.create(vals)
            except errors.UniqueViolation as exc:
                if exc.diag.constraint_name != "property_callback_ticket_kind_uniq":
                    raise
                _logger.info(
                    "Callback job: request %s already has a %s callback",
                    vals["ticket_id"],
                    vals["kind"],
                )
        return callbacks

    @api.model
    def _cron_spot_check(self, month_start=None):
        """Draw the managers' spot check of last month's callbacks (idempotent)."""
        today = fields.Date.context_today(self)
        if month_start is None:
            month_start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        next_month = (month_start + timedelta(days=32)).replace(day=1)
        callbacks = self.search(
            [
                ("state", "=", "done"),
                ("date_done", ">=", datetime.combine(month_start, time.min)),
                ("date_done", "<", datetime.combine(next_month, time.min)),
            ]
        )
        if callbacks.filtered("spot_check"):
            return callbacks.filtered("spot_check")
        picked = self.browse()
        for company in callbacks.company_id:
            pool = callbacks.filtered(lambda c, co=company: c.company_id == co)
            picked |= self.browse(
                pick_sample(pool.ids, month_start, company.pcs_callback_spot_check_rate)
            )
        picked.write({"spot_check": True})
        return picked

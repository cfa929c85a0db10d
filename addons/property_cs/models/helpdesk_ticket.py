# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

PCS_CATEGORIES = [
    ("paid_repair", "Paid Special Repair"),
    ("rectification", "Rectification"),
    ("common_repair", "Common-Area Repair"),
    ("neighbour_dispute", "Neighbour Dispute"),
    ("complaint", "Complaint"),
    ("suggestion", "Suggestion"),
    ("consultation", "Consultation"),
    ("warranty_defect", "Warranty Defect"),
]
# Categories whose work goes to a crew through a dispatch order.
DISPATCH_CATEGORIES = (
    "paid_repair",
    "rectification",
    "common_repair",
    "warranty_defect",
)
PCS_CHANNELS = [
    ("visit", "Walk-in"),
    ("phone", "Phone Call"),
    ("letter", "Letter"),
    ("portal", "Portal / App"),
    ("internal", "Internal (found by staff)"),
]
COMPLAINT_LEVELS = [
    ("general", "General"),
    ("important", "Important"),
    ("major", "Major"),
]
COMPLAINT_LEVEL_HELP = (
    "Major: a promised or contracted service not delivered or clearly wrong after "
    "repeated complaints; major economic loss or personal injury caused by the "
    "company; or any valid complaint not resolved in time (automatic upgrade, "
    "months set in the settings). Goes to the general manager the same day.\n"
    "Important: caused by the company's own negligence or failures. Goes to the "
    "service-centre director within the minutes set for the project.\n"
    "General: inconvenience from facilities or minor slips, easily fixed. Handled "
    "at once; resolved within the days set for the project or by the owner's "
    "deadline."
)
# Clock name -> (deadline field, event field) for the "overdue" logic.
CLOCKS = {
    "first_reply": ("pcs_first_reply_deadline", "pcs_first_reply_at"),
    "dispatch": ("pcs_dispatch_deadline", "pcs_dispatched_at"),
    "on_site": ("pcs_on_site_deadline", "pcs_on_site_at"),
    "resolve": ("pcs_resolve_deadline", "closed_date"),
}
# Escalation kinds in the order the job handles them.
ESCALATION_KINDS = (
    "auto_major",
    "director",
    "general_manager",
    "overdue_first_reply",
    "overdue_dispatch",
    "overdue_on_site",
    "overdue_resolve",
)
# KPI targets of DOMAIN.md (acceptance, handling, callback, satisfaction).
SERVICE_TARGETS = {
    "acceptance": 100.0,
    "handling": 98.0,
    "callback": 100.0,
    "satisfaction": 95.0,
}

# An owner is a repeat complainant with two complaints or more in this window.
REPEAT_WINDOW_DAYS = 90


def pct(part, whole):
    """Percentage rounded to one decimal; 100% when there is nothing to do."""
    return round(100.0 * part / whole, 1) if whole else 100.0


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Registration
    # ------------------------------------------------------------------
    pcs_unit_id = fields.Many2one(
        "property.unit", string="Unit", index=True, tracking=True
    )
    pcs_project_id = fields.Many2one(
        "property.project",
        string="Project",
        compute="_compute_pcs_project_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
    )
    pcs_building_id = fields.Many2one(
        related="pcs_unit_id.building_id", store=True, string="Building"
    )
    pcs_channel = fields.Selection(
        PCS_CHANNELS, string="Request Channel", default="visit", tracking=True
    )
    pcs_category = fields.Selection(
        PCS_CATEGORIES,
        string="Request Category",
        default="consultation",
        index=True,
        tracking=True,
    )
    pcs_urgency = fields.Selection(
        [("normal", "Normal"), ("urgent", "Urgent")],
        string="Urgency",
        default="normal",
        required=True,
        tracking=True,
    )
    pcs_appointment_at = fields.Datetime(
        string="Appointment", help="Time agreed with the owner for the visit."
    )
    pcs_registered_at = fields.Datetime(
        string="Registered At",
        default=fields.Datetime.now,
        required=True,
        copy=False,
        help="Time of registration, to the minute: all clocks start here.",
    )
    pcs_accountable_user_id = fields.Many2one(
        "res.users",
        string="First-Contact Owner",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="Whoever received the request stays accountable until it is closed "
        "(首问负责).",
    )
    pcs_department_id = fields.Many2one(
        "property.department", string="Accountable Department", tracking=True
    )
    # ------------------------------------------------------------------
    # Complaints
    # ------------------------------------------------------------------
    pcs_complaint_level = fields.Selection(
        COMPLAINT_LEVELS,
        string="Complaint Level",
        tracking=True,
        help=COMPLAINT_LEVEL_HELP,
    )
    pcs_complaint_level_guide = fields.Html(
        string="Complaint Levels",
        compute="_compute_pcs_complaint_level_guide",
        sanitize=False,
        help="What each level means, with this project's time limits.",
    )
    pcs_complaint_valid = fields.Selection(
        [("valid", "Valid"), ("invalid", "Invalid")],
        string="Validity",
        default="valid",
        tracking=True,
        help="Invalid complaints are still answered politely.",
    )
    pcs_invalid_reason = fields.Text(string="Why Invalid")
    pcs_owner_deadline = fields.Datetime(
        string="Owner's Deadline", help="Deadline requested by the owner."
    )
    pcs_level_upgraded = fields.Boolean(
        string="Upgraded Automatically",
        readonly=True,
        copy=False,
        help="Set when the complaint became major after one month unresolved.",
    )
    pcs_reopen_count = fields.Integer(string="Reopened", readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Events and clocks
    # ------------------------------------------------------------------
    pcs_first_reply_at = fields.Datetime(string="First Reply At", copy=False)
    pcs_dispatched_at = fields.Datetime(string="Dispatched At", copy=False)
    pcs_on_site_at = fields.Datetime(string="On Site At", copy=False)
    pcs_first_reply_deadline = fields.Datetime(
        string="First Reply Deadline",
        compute="_compute_pcs_deadlines",
        store=True,
        index=True,
    )
    pcs_dispatch_deadline = fields.Datetime(
        string="Dispatch Deadline",
        compute="_compute_pcs_deadlines",
        store=True,
        index=True,
    )
    pcs_on_site_deadline = fields.Datetime(
        string="On-Site Deadline",
        compute="_compute_pcs_deadlines",
        store=True,
        index=True,
    )
    pcs_resolve_deadline = fields.Datetime(
        string="Resolve Deadline",
        compute="_compute_pcs_deadlines",
        store=True,
        index=True,
    )
    pcs_escalation_deadline = fields.Datetime(
        string="Escalation Deadline",
        compute="_compute_pcs_deadlines",
        store=True,
        help="When an important complaint must reach the director, or a major "
        "one the general manager.",
    )
    pcs_upgrade_deadline = fields.Datetime(
        string="Automatic Upgrade On",
        compute="_compute_pcs_deadlines",
        store=True,
        index=True,
        help="A valid complaint still open then becomes major.",
    )
    pcs_overdue_first_reply = fields.Boolean(
        string="First Reply Overdue",
        compute="_compute_pcs_overdue",
        search="_search_pcs_overdue_first_reply",
    )
    pcs_overdue_dispatch = fields.Boolean(
        string="Dispatch Overdue",
        compute="_compute_pcs_overdue",
        search="_search_pcs_overdue_dispatch",
    )
    pcs_overdue_on_site = fields.Boolean(
        string="On Site Overdue",
        compute="_compute_pcs_overdue",
        search="_search_pcs_overdue_on_site",
    )
    pcs_overdue_resolve = fields.Boolean(
        string="Resolution Overdue",
        compute="_compute_pcs_overdue",
        search="_search_pcs_overdue_resolve",
    )
    pcs_overdue = fields.Boolean(
        string="Overdue", compute="_compute_pcs_overdue", search="_search_pcs_overdue"
    )
    # Statistics (stored, for pivot and graph)
    pcs_first_reply_minutes = fields.Float(
        string="Minutes to First Reply",
        compute="_compute_pcs_durations",
        store=True,
        aggregator="avg",
    )
    pcs_close_hours = fields.Float(
        string="Hours to Close",
        compute="_compute_pcs_durations",
        store=True,
        aggregator="avg",
    )
    pcs_breach_count = fields.Integer(
        string="Clocks Breached",
        compute="_compute_pcs_breaches",
        store=True,
        help="Number of clocks of this request that ran out.",
    )
    # Measures of the pivot: averaged 0/100 flags give the rate of a group.
    pcs_accepted_rate = fields.Float(
        string="Acceptance Rate (%)",
        compute="_compute_pcs_rates",
        store=True,
        aggregator="avg",
        help="Share of requests that got their first reply (target 100%).",
    )
    pcs_handled_rate = fields.Float(
        string="Handling Rate (%)",
        compute="_compute_pcs_rates",
        store=True,
        aggregator="avg",
        help="Share of requests closed (target 98%).",
    )
    # Clocks that ran out, one measure per clock (sum in the pivot).
    pcs_breach_first_reply = fields.Integer(
        string="First Reply Breached",
        compute="_compute_pcs_breaches",
        store=True,
    )
    pcs_breach_dispatch = fields.Integer(
        string="Dispatch Breached", compute="_compute_pcs_breaches", store=True
    )
    pcs_breach_on_site = fields.Integer(
        string="On Site Breached", compute="_compute_pcs_breaches", store=True
    )
    pcs_breach_resolve = fields.Integer(
        string="Resolution Breached",
        compute="_compute_pcs_breaches",
        store=True,
    )
    pcs_repeat_complaint = fields.Boolean(
        string="Repeat Complainant",
        readonly=True,
        copy=False,
        index=True,
        help="The owner had another complaint in the 90 days before this one.",
    )
    pcs_followup_reminded_on = fields.Date(
        string="Follow-up Reminded On",
        readonly=True,
        copy=False,
        help="Day of the last daily follow-up reminder (one per day).",
    )
    pcs_followup_ids = fields.One2many(
        "property.ticket.followup", "ticket_id", string="Follow-ups"
    )
    pcs_escalation_ids = fields.One2many(
        "property.ticket.escalation", "ticket_id", string="Escalations"
    )
    pcs_finding_ids = fields.One2many(
        "property.finding",
        "ticket_id",
        string="Findings",
        help="Patrol and vacant-unit findings this request was raised for.",
    )
    pcs_dispatch_order_ids = fields.One2many(
        "property.dispatch.order", "ticket_id", string="Dispatch Orders"
    )
    pcs_dispatch_order_count = fields.Integer(compute="_compute_pcs_counts")
    pcs_callback_ids = fields.One2many(
        "property.callback", "ticket_id", string="Callbacks"
    )
    pcs_callback_count = fields.Integer(compute="_compute_pcs_counts")
    # Urging (催单), see _pcs_urge
    pcs_urge_ids = fields.One2many(
        "property.ticket.urge", "ticket_id", string="Urge Log"
    )
    pcs_urge_count = fields.Integer(
        string="Urges",
        compute="_compute_pcs_urges",
        store=True,
        help="How many times the owner urged the request.",
    )
    pcs_last_urge_at = fields.Datetime(
        string="Last Urged On", compute="_compute_pcs_urges", store=True
    )
    pcs_urged_repeatedly = fields.Boolean(
        string="Urged Repeatedly",
        compute="_compute_pcs_urges",
        store=True,
        index=True,
        help="The owner urged the request as many times as the company's "
        "setting for repeated urges (2 by default).",
    )
    pcs_repeat_urge_rate = fields.Float(
        string="Repeat-Urge Rate (%)",
        compute="_compute_pcs_urges",
        store=True,
        aggregator="avg",
        help="Share of requests the owner had to urge repeatedly.",
    )

    @api.depends("number", "name")
    def _compute_display_name(self):
        """``HT00012 - subject``; a request not saved yet has neither (its
        number is "/" until creation): the breadcrumb then says "New"."""
        for ticket in self:
            parts = [
                part for part in (ticket.number, ticket.name) if part and part != "/"
            ]
            ticket.display_name = " - ".join(parts) or False

    def _compute_pcs_counts(self):
        orders = dict(
            self.env["property.dispatch.order"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        callbacks = dict(
            self.env["property.callback"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.pcs_dispatch_order_count = orders.get(ticket, 0)
            ticket.pcs_callback_count = callbacks.get(ticket, 0)

    def action_pcs_view_dispatch_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_dispatch_order_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {
            "default_ticket_id": self.id,
            "default_description": self.name,
            "default_department_id": self.pcs_department_id.id,
        }
        return action

    def action_pcs_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_callback_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("pcs_unit_id")
    def _compute_pcs_project_id(self):
        for ticket in self:
            if ticket.pcs_unit_id:
                ticket.pcs_project_id = ticket.pcs_unit_id.project_id

    @api.depends("pcs_project_id", "company_id")
    def _compute_pcs_complaint_level_guide(self):
        """The levels as the form explains them, with the time limits that
        apply to the ticket's project (its own, else the company's)."""
        cache = {}
        for ticket in self:
            company = ticket.company_id or self.env.company
            key = (ticket.pcs_project_id, company)
            if key not in cache:
                limits = ticket.pcs_project_id._pcs_limits(company)
                label = {
                    level: Markup("<b>%s</b>") % name
                    for level, name in self._fields[
                        "pcs_complaint_level"
                    ]._description_selection(self.env)
                }
                cache[key] = Markup("").join(
                    Markup("<p>%s</p>") % text
                    for text in (
                        self.env._(
                            "%(level)s: a promised or contracted service not "
                            "delivered or clearly wrong after repeated complaints; "
                            "major economic loss or personal injury caused by the "
                            "company; or any valid complaint not resolved within "
                            "%(months)s month(s) (automatic upgrade). Goes to the "
                            "general manager the same day.",
                            level=label["major"],
                            months=limits["pcs_complaint_upgrade_months"],
                        ),
                        self.env._(
                            "%(level)s: caused by the company's own negligence or "
                            "failures. Goes to the service-centre director within "
                            "%(minutes)s minutes.",
                            level=label["important"],
                            minutes=limits["pcs_important_complaint_minutes"],
                        ),
                        self.env._(
                            "%(level)s: inconvenience from facilities or minor "
                            "slips, easily fixed. Handled at once; resolved within "
                            "%(days)s day(s) or by the owner's deadline.",
                            level=label["general"],
                            days=limits["pcs_general_complaint_days"],
                        ),
                    )
                )
            ticket.pcs_complaint_level_guide = cache[key]

    @api.onchange("pcs_unit_id")
    def _onchange_pcs_unit_id(self):
        owners = self.pcs_unit_id.current_owner_ids
        if owners and self.partner_id not in owners:
            self.partner_id = owners[:1]

    def _pcs_end_of_day(self, moment):
        tz = pytz.timezone(self.company_id.partner_id.tz or self.env.user.tz or "UTC")
        local = pytz.utc.localize(moment).astimezone(tz)
        end = tz.localize(datetime.combine(local.date(), time(23, 59, 59)))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends(
        "pcs_registered_at",
        "pcs_category",
        "pcs_urgency",
        "pcs_complaint_level",
        "pcs_complaint_valid",
        "pcs_level_upgraded",
        "pcs_owner_deadline",
        "pcs_dispatched_at",
        "pcs_project_id",
        "company_id",
        "pcs_finding_ids.date_deadline",
    )
    def _compute_pcs_deadlines(self):
        limits_cache = {}
        for ticket in self:
            start = ticket.pcs_registered_at
            vals = dict.fromkeys(
                (
                    "pcs_first_reply_deadline",
                    "pcs_dispatch_deadline",
                    "pcs_on_site_deadline",
                    "pcs_resolve_deadline",
                    "pcs_escalation_deadline",
                    "pcs_upgrade_deadline",
                ),
                False,
            )
            if start and ticket.pcs_category:
                key = (ticket.pcs_project_id.id, ticket.company_id.id)
                if key not in limits_cache:
                    limits_cache[key] = ticket.pcs_project_id._pcs_limits(
                        ticket.company_id or self.env.company
                    )
                limits = limits_cache[key]
                vals.update(ticket._pcs_deadline_values(start, limits))
            ticket.update(vals)

    def _pcs_deadline_values(self, start, limits):
        """Deadlines of one ticket registered at ``start`` (DOMAIN.md)."""
        self.ensure_one()
        vals = {
            "pcs_first_reply_deadline": start
            + timedelta(minutes=limits["pcs_first_reply_minutes"]),
            # A request raised from a patrol or vacant-unit finding keeps the
            # finding's clock (7 days or the approved extension).
            "pcs_resolve_deadline": self.pcs_owner_deadline
            or max(self.pcs_finding_ids.mapped("date_deadline"), default=False),
        }
        if self.pcs_category in DISPATCH_CATEGORIES:
            minutes = (
                limits["pcs_dispatch_urgent_minutes"]
                if self.pcs_urgency == "urgent"
                else limits["pcs_dispatch_normal_minutes"]
            )
            vals["pcs_dispatch_deadline"] = start + timedelta(minutes=minutes)
            if self.pcs_dispatched_at:
                vals["pcs_on_site_deadline"] = self.pcs_dispatched_at + timedelta(
                    minutes=limits["pcs_on_site_minutes"]
                )
        if self.pcs_category == "complaint":
            level = self.pcs_complaint_level or "general"
            # An automatic upgrade keeps the general complaint's resolve clock.
            if (
                level == "general" or self.pcs_level_upgraded
            ) and not self.pcs_owner_deadline:
                vals["pcs_resolve_deadline"] = start + timedelta(
                    days=limits["pcs_general_complaint_days"]
                )
            if level == "important":
                vals["pcs_escalation_deadline"] = start + timedelta(
                    minutes=limits["pcs_important_complaint_minutes"]
                )
            elif level == "major":
                vals["pcs_escalation_deadline"] = self._pcs_end_of_day(start)
            if self.pcs_complaint_valid != "invalid" and level != "major":
                vals["pcs_upgrade_deadline"] = start + relativedelta(
                    months=limits["pcs_complaint_upgrade_months"]
                )
        return vals

    @api.depends_context("uid")
    def _compute_pcs_overdue(self):
        now = fields.Datetime.now()
        for ticket in self:
            is_open = not ticket.stage_id.closed
            overdue = {}
            for clock, (deadline_field, event_field) in CLOCKS.items():
                deadline = ticket[deadline_field]
                overdue[clock] = bool(
                    is_open and deadline and deadline < now and not ticket[event_field]
                )
            ticket.pcs_overdue_first_reply = overdue["first_reply"]
            ticket.pcs_overdue_dispatch = overdue["dispatch"]
            ticket.pcs_overdue_on_site = overdue["on_site"]
            ticket.pcs_overdue_resolve = overdue["resolve"]
            ticket.pcs_overdue = any(overdue.values())

    @api.model
    def _pcs_overdue_domain(self, clock, now=None):
        deadline_field, event_field = CLOCKS[clock]
        return [
            (deadline_field, "<", now or fields.Datetime.now()),
            (event_field, "=", False),
            ("stage_id.closed", "=", False),
        ]

    def _pcs_search_overdue(self, clocks, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on an overdue flag."))
        now = fields.Datetime.now()
        domain = []
        for clock in clocks:
            clock_domain = ["&", "&"] + self._pcs_overdue_domain(clock, now)
            domain = ["|"] + domain + clock_domain if domain else clock_domain
        if (operator == "=") != value:
            domain = ["!"] + domain
        return domain

    def _search_pcs_overdue_first_reply(self, operator, value):
        return self._pcs_search_overdue(["first_reply"], operator, value)

    def _search_pcs_overdue_dispatch(self, operator, value):
        return self._pcs_search_overdue(["dispatch"], operator, value)

    def _search_pcs_overdue_on_site(self, operator, value):
        return self._pcs_search_overdue(["on_site"], operator, value)

    def _search_pcs_overdue_resolve(self, operator, value):
        return self._pcs_search_overdue(["resolve"], operator, value)

    def _search_pcs_overdue(self, operator, value):
        return self._pcs_search_overdue(list(CLOCKS), operator, value)

    @api.depends("pcs_registered_at", "pcs_first_reply_at", "closed_date")
    def _compute_pcs_durations(self):
        for ticket in self:
            start = ticket.pcs_registered_at
            ticket.pcs_first_reply_minutes = (
                (ticket.pcs_first_reply_at - start).total_seconds() / 60
                if start and ticket.pcs_first_reply_at
                else 0.0
            )
            ticket.pcs_close_hours = (
                (ticket.closed_date - start).total_seconds() / 3600
                if start and ticket.closed_date
                else 0.0
            )

    def _pcs_breached_clocks(self):
        """Clocks of this request that ran out: escalated as overdue, or the
        event came after its deadline (the one rule behind every breach
        measure)."""
        self.ensure_one()
        kinds = set(self.pcs_escalation_ids.mapped("kind"))
        return {
            clock
            for clock, (deadline_field, event_field) in CLOCKS.items()
            if f"overdue_{clock}" in kinds
            or (
                self[deadline_field]
                and self[event_field]
                and self[event_field] > self[deadline_field]
            )
        }

    @api.depends(
        "pcs_escalation_ids.kind",
        "pcs_first_reply_at",
        "pcs_dispatched_at",
        "pcs_on_site_at",
        "closed_date",
        "pcs_first_reply_deadline",
        "pcs_dispatch_deadline",
        "pcs_on_site_deadline",
        "pcs_resolve_deadline",
    )
    def _compute_pcs_breaches(self):
        """``pcs_breach_count`` and one 0/1 measure per clock (sum in the
        pivot)."""
        for ticket in self:
            breached = ticket._pcs_breached_clocks()
            ticket.pcs_breach_count = len(breached)
            for clock in CLOCKS:
                ticket[f"pcs_breach_{clock}"] = int(clock in breached)

    @api.depends("pcs_first_reply_at", "stage_id.closed")
    def _compute_pcs_rates(self):
        for ticket in self:
            ticket.pcs_accepted_rate = 100.0 if ticket.pcs_first_reply_at else 0.0
            ticket.pcs_handled_rate = 100.0 if ticket.stage_id.closed else 0.0

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("pcs_unit_id") and not vals.get("partner_id"):
                unit = self.env["property.unit"].browse(vals["pcs_unit_id"])
                owner = unit.sudo().current_owner_ids[:1]
                if owner:
                    vals["partner_id"] = owner.id
            if vals.get("pcs_unit_id") and not vals.get("company_id"):
                # A request about a unit belongs to the unit's company, not
                # to the company the user happens to work in.
                unit = self.env["property.unit"].browse(vals["pcs_unit_id"])
                vals["company_id"] = unit.sudo().company_id.id
        tickets = super().create(vals_list)
        tickets.filtered(
            lambda t: t.pcs_category == "complaint" and t.partner_id
        )._pcs_mark_repeat_complaints()
        return tickets

    def write(self, vals):
        if "stage_id" not in vals:
            return super().write(vals)
        was_closed = {ticket.id: ticket.stage_id.closed for ticket in self}
        res = super().write(vals)
        closed = self.filtered(lambda t: t.stage_id.closed and not was_closed[t.id])
        reopened = self.filtered(lambda t: was_closed[t.id] and not t.stage_id.closed)
        closed.sudo().pcs_finding_ids._pcs_request_closed()
        reopened.sudo().pcs_finding_ids._pcs_request_reopened()
        return res

    def _pcs_mark_repeat_complaints(self):
        """Flag complaints whose owner complained before within the window."""
        for ticket in self:
            since = ticket.pcs_registered_at - timedelta(days=REPEAT_WINDOW_DAYS)
            earlier = self.sudo().search_count(
                [
                    ("id", "!=", ticket.id),
                    ("pcs_category", "=", "complaint"),
                    ("partner_id", "=", ticket.partner_id.id),
                    ("pcs_registered_at", ">=", since),
                    ("pcs_registered_at", "<=", ticket.pcs_registered_at),
                ],
                limit=1,
            )
            if earlier:
                ticket.pcs_repeat_complaint = True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_pcs_first_reply(self):
        """The owner has been told how the request will be handled."""
        now = fields.Datetime.now()
        self.filtered(lambda t: not t.pcs_first_reply_at).write(
            {"pcs_first_reply_at": now}
        )

    def _pcs_reopen_stage(self):
        self.ensure_one()
        stages = self.team_id._get_applicable_stages() if self.team_id else False
        open_stages = (
            stages.filtered(lambda s: not s.closed and not s.unattended)
            if stages
            else self.env["helpdesk.ticket.stage"].search(
                [("closed", "=", False), ("unattended", "=", False)], limit=1
            )
        )
        return open_stages[:1] or self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )

    def _pcs_reopen(self, reason):
        for ticket in self:
            ticket.write(
                {
                    "stage_id": ticket._pcs_reopen_stage().id,
                    "closed_date": False,
                    "pcs_reopen_count": ticket.pcs_reopen_count + 1,
                }
            )
            ticket.message_post(
                body=self._pcs_in_company_lang().env._("Reopened: %s", reason),
                subtype_xmlid="mail.mt_note",
            )

    def action_pcs_open_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_ticket_followup_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Daily follow-up reminder
    # ------------------------------------------------------------------
    @api.model
    def _cron_pcs_followup_reminder(self, limit=500):
        """One follow-up activity per open ticket and day (idempotent)."""
        today = fields.Date.context_today(self)
        domain = [
            ("stage_id.closed", "=", False),
            ("pcs_category", "!=", False),
            "|",
            ("pcs_followup_reminded_on", "=", False),
            ("pcs_followup_reminded_on", "<", today),
        ]
        return self.env["ir.cron"]._pcs_run_batch(
            self, domain, lambda tickets: tickets._pcs_remind_followup(today), limit
        )

    def _pcs_remind_followup(self, today):
        self.write({"pcs_followup_reminded_on": today})
        self._pcs_schedule_activities(
            "property_cs.mail_activity_ticket_followup",
            user=lambda ticket: ticket._pcs_responsible(),
            summary=lambda ticket: ticket.env._("Follow up with the owner today"),
            date_deadline=today,
        )

    def _pcs_responsible(self):
        """Who is reminded of the request: its first-contact owner, else the
        assignee."""
        self.ensure_one()
        return self.pcs_accountable_user_id or self.user_id

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------
    @api.model
    def _pcs_escalation_domain(self, kind, now):
        not_done = [("pcs_escalation_ids", "not any", [("kind", "=", kind)])]
        is_open = [("stage_id.closed", "=", False)]
        complaint = [("pcs_category", "=", "complaint")]
        if kind == "auto_major":
            return (
                not_done
                + is_open
                + complaint
                + [
                    ("pcs_complaint_valid", "!=", "invalid"),
                    ("pcs_complaint_level", "!=", "major"),
                    ("pcs_upgrade_deadline", "<=", now),
                ]
            )
        if kind == "director":
            return (
                not_done
                + is_open
                + complaint
                + [("pcs_complaint_level", "=", "important")]
            )
        if kind == "general_manager":
            return (
                not_done + is_open + complaint + [("pcs_complaint_level", "=", "major")]
            )
        clock = kind.removeprefix("overdue_")
        return not_done + self._pcs_overdue_domain(clock, now)

    @api.model
    def _cron_pcs_escalate(self, limit=500):
        """Escalate tickets in batches of ``limit``; a second run changes nothing.

        Each escalation writes one ``property.ticket.escalation`` row per ticket
        and kind (unique in the database) and a log note on the ticket, in the
        same transaction, so an interrupted run resumes where it stopped.  The
        accountable person gets an activity per overdue clock.  The director
        and the general manager get one digest each per run, sent by the
        run's last call (the cron runner calls the job again while work is
        left): it lists every escalation still marked ``digest_pending``,
        those of earlier calls and of an earlier, interrupted run included.
        """
        now = fields.Datetime.now()
        todo = {
            kind: self._pcs_escalation_domain(kind, now) for kind in ESCALATION_KINDS
        }

        def send_digests():
            Escalation = self.env["property.ticket.escalation"]
            Escalation._pending_digests(None)._send_digests()

        return self.env["ir.cron"]._pcs_run_batch(
            self,
            todo,
            lambda tickets, kind: tickets._pcs_escalate(kind),
            limit,
            finish=send_digests,
        )

    def _pcs_recipients(self, kind):
        """Internal users of the director's (or general manager's) group."""
        group = self.env.ref(
            "property_cs.group_general_manager"
            if kind == "general_manager"
            else "property_cs.group_director"
        )
        users = group.sudo().users.filtered(
            lambda u: not u.share and u.active and u.id != SUPERUSER_ID
        )
        return users

    def _pcs_escalation_recipients(self, kind):
        """{ticket: partners} to notify of the escalation ``kind``: the
        project's service-centre director when it has one, else the
        company's directors; the company's general managers."""
        managers = self._pcs_recipients(kind)
        by_company = {}
        result = {}
        for ticket in self:
            director = ticket.pcs_project_id.manager_id
            if kind == "director" and director:
                result[ticket] = director.partner_id
                continue
            company = ticket.company_id
            if company not in by_company:
                by_company[company] = managers.filtered(
                    lambda u, c=company: c in u.company_ids
                ).partner_id
            result[ticket] = by_company[company]
        return result

    def _pcs_escalation_lang(self):
        """Language of the notes the escalation writes on this ticket: the
        company's (the cron's user has none of its own)."""
        self.ensure_one()
        return self.company_id.partner_id.lang or self.env.lang or "en_US"

    def _pcs_director_minutes(self):
        """{ticket: minutes} the director has for these important complaints
        (the project's setting, else the company's)."""
        cache, result = {}, {}
        for ticket in self:
            key = (ticket.pcs_project_id, ticket.company_id)
            if key not in cache:
                cache[key] = ticket.pcs_project_id._pcs_limits(
                    ticket.company_id or self.env.company
                )["pcs_important_complaint_minutes"]
            result[ticket] = cache[key]
        return result

    def _pcs_escalation_note(self, kind, recipients, minutes=None):
        """Log note of the escalation ``kind`` on this ticket, in its
        company's language."""
        self.ensure_one()
        env = self.with_context(lang=self._pcs_escalation_lang()).env
        names = ", ".join(recipients.mapped("name")) or env._("nobody configured")
        if kind == "director":
            return env._(
                "Important complaint escalated to the service-centre director "
                "(%(names)s): to handle within %(minutes)s minutes.",
                names=names,
                minutes=minutes,
            )
        return env._(
            "Major complaint escalated to the general manager (%(names)s): to "
            "handle today.",
            names=names,
        )

    @api.model
    def _pcs_digest(self, partner, items):
        """Subject and body of the escalation digest for ``partner``: items
        are ``(kind, ticket, minutes)``; texts in the partner's language,
        times in their time zone, a link to each ticket."""
        lang = partner.lang or self.env.lang or "en_US"
        tz = partner.tz or items[0][1].company_id.partner_id.tz or "UTC"
        local = self.with_context(lang=lang, tz=tz)

        def when(moment):
            if not moment:
                return ""
            return fields.Datetime.context_timestamp(local, moment).strftime(
                "%Y-%m-%d %H:%M"
            )

        def row(kind, ticket, minutes):
            place = " / ".join(
                name
                for name in (ticket.pcs_project_id.name, ticket.pcs_unit_id.code)
                if name
            )
            if kind == "director":
                what = local.env._(
                    "registered %(registered)s; to handle within %(minutes)s "
                    "minutes (by %(deadline)s)",
                    registered=when(ticket.pcs_registered_at),
                    minutes=minutes,
                    deadline=when(ticket.pcs_escalation_deadline),
                )
            else:
                what = local.env._(
                    "registered %(registered)s; to handle today",
                    registered=when(ticket.pcs_registered_at),
                )
            url = (
                f"{ticket.get_base_url()}/mail/view"
                f"?model={ticket._name}&res_id={ticket.id}"
            )
            return Markup('<li><a href="%s">%s</a> (%s): %s</li>') % (
                url,
                ticket.display_name,
                place,
                what,
            )

        sections = (
            (
                "director",
                local.env._(
                    "Important complaints for you, the service-centre director "
                    "(%(count)s):",
                    count=sum(1 for item in items if item[0] == "director"),
                ),
            ),
            (
                "general_manager",
                local.env._(
                    "Major complaints for you, the general manager (%(count)s):",
                    count=sum(1 for item in items if item[0] == "general_manager"),
                ),
            ),
        )
        body = Markup("").join(
            Markup("<p>%s</p><ul>%s</ul>")
            % (title, Markup("").join(row(*i) for i in items if i[0] == kind))
            for kind, title in sections
            if any(item[0] == kind for item in items)
        )
        subject = local.env._(
            "Complaints escalated to you: %(count)s to handle", count=len(items)
        )
        return subject, body

    def _pcs_upgrade_to_major(self):
        """Make these complaints major, with one note on each that says why
        and tracks the level (General → Major), as the tracking of a write
        would, but written in batch: the write's own tracking logs one
        message per ticket."""
        field = "pcs_complaint_level"
        tracked = self.fields_get(
            [field], attributes=("string", "type", "selection", "currency_field")
        )
        initial = {ticket.id: {field: ticket[field]} for ticket in self}
        self.with_context(mail_notrack=True).write(
            {field: "major", "pcs_level_upgraded": True}
        )
        messages = self._message_log_batch(
            {
                ticket.id: ticket.with_context(
                    lang=ticket._pcs_escalation_lang()
                ).env._("Unresolved for a month: the complaint is now major.")
                for ticket in self
            }
        )
        values = []
        for ticket, message in zip(self, messages, strict=True):
            _changes, commands = ticket._mail_track(tracked, initial[ticket.id])
            values += [
                dict(command[2], mail_message_id=message.id) for command in commands
            ]
        self.env["mail.tracking.value"].sudo().create(values)

    def _pcs_escalate(self, kind):
        Escalation = self.env["property.ticket.escalation"]
        notify = kind in ("director", "general_manager")
        Escalation.create(
            [
                {"ticket_id": ticket.id, "kind": kind, "digest_pending": notify}
                for ticket in self
            ]
        )
        if kind == "auto_major":
            self._pcs_upgrade_to_major()
        elif notify:
            # A note on each ticket; the recipients get one digest per run.
            recipients = self._pcs_escalation_recipients(kind)
            minutes = self._pcs_director_minutes() if kind == "director" else {}
            self._message_log_batch(
                {
                    ticket.id: ticket._pcs_escalation_note(
                        kind, recipients[ticket], minutes.get(ticket)
                    )
                    for ticket in self
                }
            )
        else:
            labels = {}

            def summary(ticket):
                lang = ticket._pcs_responsible().lang or ticket._pcs_escalation_lang()
                if lang not in labels:
                    env = self.with_context(lang=lang).env
                    labels[lang] = {
                        "overdue_first_reply": env._("First reply overdue"),
                        "overdue_dispatch": env._("Dispatch overdue"),
                        "overdue_on_site": env._("Crew on site overdue"),
                        "overdue_resolve": env._("Resolution overdue"),
                    }
                return labels[lang][kind]

            self._pcs_schedule_activities(
                "property_cs.mail_activity_ticket_overdue",
                user=lambda ticket: ticket._pcs_responsible(),
                summary=summary,
            )

    # ------------------------------------------------------------------
    # Period statistics (weekly summary, monthly service report)
    # ------------------------------------------------------------------
    @api.model
    def _pcs_period_bounds(self, project, date_from, date_to):
        """UTC bounds [start, end) of local days ``date_from``..``date_to``."""
        company = project.company_id or self.env.company
        tz = pytz.timezone(company.partner_id.tz or "UTC")

        def to_utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return to_utc(date_from), to_utc(date_to + timedelta(days=1))

    @api.model
    def _pcs_service_stats(self, project, date_from, date_to):
        """Figures of a project for local days ``date_from``..``date_to``.

        Plain JSON data (selection keys, not labels) so that a record can keep
        the snapshot it was sent with.
        """
        start, end = self._pcs_period_bounds(project, date_from, date_to)
        Ticket = self.sudo().with_context(active_test=False)
        base = [("pcs_project_id", "=", project.id), ("pcs_category", "!=", False)]
        new = Ticket.search(
            base + [("pcs_registered_at", ">=", start), ("pcs_registered_at", "<", end)]
        )
        closed = Ticket.search(
            base
            + [
                ("stage_id.closed", "=", True),
                ("closed_date", ">=", start),
                ("closed_date", "<", end),
            ]
        )
        still_open = Ticket.search(
            base
            + [
                ("pcs_registered_at", "<", end),
                "|",
                ("stage_id.closed", "=", False),
                ("closed_date", ">=", end),
            ]
        )

        def rows(field, keys, subset=None):
            groups = [
                records.filtered(subset) if subset else records
                for records in (new, closed, still_open)
            ]
            result = []
            for key in keys:
                counts = [
                    len(records.filtered(lambda t, k=key: t[field] == k))
                    for records in groups
                ]
                if any(counts):
                    result.append([key, *counts])
            return result

        def is_complaint(ticket):
            return ticket.pcs_category == "complaint"

        overdue = {}
        for clock, (deadline_field, event_field) in CLOCKS.items():
            candidates = Ticket.search(
                base + [(deadline_field, ">=", start), (deadline_field, "<", end)]
            )
            overdue[clock] = len(
                candidates.filtered(
                    lambda t, d=deadline_field, e=event_field: not t[e] or t[e] > t[d]
                )
            )
        escalations = (
            self.env["property.ticket.escalation"]
            .sudo()
            ._read_group(
                [
                    ("project_id", "=", project.id),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["kind"],
                ["__count"],
            )
        )
        callbacks = (
            self.env["property.callback"]
            .sudo()
            .search(
                [
                    ("project_id", "=", project.id),
                    ("date_due", ">=", date_from),
                    ("date_due", "<=", date_to),
                ]
            )
        )
        called = callbacks.filtered(lambda c: c.state == "done")
        satisfied = called.filtered(lambda c: c.satisfaction in ("satisfied", "basic"))
        complaints = new.filtered(is_complaint)
        window_start = end - timedelta(days=REPEAT_WINDOW_DAYS)
        repeat = []
        if complaints.partner_id:
            counts = dict(
                Ticket._read_group(
                    [
                        ("pcs_category", "=", "complaint"),
                        ("partner_id", "in", complaints.partner_id.ids),
                        ("pcs_registered_at", ">=", window_start),
                        ("pcs_registered_at", "<", end),
                    ],
                    ["partner_id"],
                    ["__count"],
                )
            )
            repeat = sorted(
                (
                    [partner.display_name, count]
                    for partner, count in counts.items()
                    if count > 1
                ),
                key=lambda row: (-row[1], row[0]),
            )
        return {
            "new": len(new),
            "closed": len(closed),
            "open": len(still_open),
            "complaint_new": len(complaints),
            "complaint_closed": len(closed.filtered(is_complaint)),
            "complaint_open": len(still_open.filtered(is_complaint)),
            "by_category": rows("pcs_category", [k for k, _label in PCS_CATEGORIES]),
            "by_level": rows(
                "pcs_complaint_level",
                [k for k, _label in COMPLAINT_LEVELS],
                subset=is_complaint,
            ),
            "overdue": overdue,
            "overdue_total": sum(overdue.values()),
            "escalations": sorted([kind, count] for kind, count in escalations),
            "escalation_total": sum(count for _kind, count in escalations),
            "callback_due": len(callbacks),
            "callback_done": len(called),
            "callback_satisfied": len(satisfied),
            "callback_unsatisfied": len(
                called.filtered(lambda c: c.satisfaction == "unsatisfied")
            ),
            "rates": {
                "acceptance": pct(len(new.filtered("pcs_first_reply_at")), len(new)),
                "handling": pct(
                    len(new.filtered(lambda t: t.stage_id.closed)), len(new)
                ),
                "callback": pct(len(called), len(callbacks)),
                "satisfaction": pct(len(satisfied), len(called)),
            },
            "targets": dict(SERVICE_TARGETS),
            "repeat_complainants": repeat,
            **self._pcs_urge_stats(project, start, end),
        }

    @api.model
    def _pcs_stats_fields(self, stats):
        """Stored scalar values of a statistics snapshot (shared by the reports)."""
        return {
            "new_count": stats["new"],
            "closed_count": stats["closed"],
            "open_count": stats["open"],
            "complaint_new_count": stats["complaint_new"],
            "complaint_closed_count": stats["complaint_closed"],
            "callback_due_count": stats["callback_due"],
            "callback_done_count": stats["callback_done"],
            "acceptance_rate": stats["rates"]["acceptance"],
            "handling_rate": stats["rates"]["handling"],
            "callback_rate": stats["rates"]["callback"],
            "satisfaction_rate": stats["rates"]["satisfaction"],
        }

    @api.model
    def _pcs_today(self, company):
        """Today in the company's time zone (crons run without a user tz)."""
        tz = pytz.timezone(company.partner_id.tz or "UTC")
        return pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()

    # ------------------------------------------------------------------
    # Urging (催单)
    # ------------------------------------------------------------------
    @api.depends("pcs_urge_ids.date", "company_id.pcs_urge_repeat_count")
    def _compute_pcs_urges(self):
        for ticket in self:
            urges = ticket.pcs_urge_ids
            threshold = (ticket.company_id or self.env.company).pcs_urge_repeat_count
            repeated = bool(threshold) and len(urges) >= threshold
            ticket.pcs_urge_count = len(urges)
            ticket.pcs_last_urge_at = max(urges.mapped("date"), default=False)
            ticket.pcs_urged_repeatedly = repeated
            ticket.pcs_repeat_urge_rate = 100.0 if repeated else 0.0

    def _pcs_local_time(self, moment):
        """``moment`` (UTC) as HH:MM (or date and time on another day) in the
        company's time zone, for the owner and the staff."""
        self.ensure_one()
        tz = pytz.timezone(self.company_id.partner_id.tz or self.env.user.tz or "UTC")
        local = pytz.utc.localize(moment).astimezone(tz)
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()
        return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"

    def _pcs_urge_next_allowed(self):
        """When the request may be urged again (UTC), or False if now."""
        self.ensure_one()
        minutes = (self.company_id or self.env.company).pcs_urge_interval_minutes
        if not (minutes and self.pcs_last_urge_at):
            return False
        next_at = self.pcs_last_urge_at + timedelta(minutes=minutes)
        return next_at if next_at > fields.Datetime.now() else False

    def _pcs_urge_managers(self):
        """Customer-service managers of the request's project (its director
        when none is assigned)."""
        self.ensure_one()
        project = self.pcs_project_id.sudo()
        managers = project.user_ids.filtered(
            lambda u: u.active
            and not u.share
            and u.has_group("property_cs.group_cs_manager")
            and not u.has_group("property_cs.group_director")
        )
        return managers or project.manager_id

    def _pcs_urge(self, channel, partner=None, note=None):
        """The owner urges this open request (催单): log it, tell the
        accountable person, and from the repeated urge on (company setting)
        raise the priority and tell the customer-service managers.

        Callers check that the user may act on the request (portal route,
        desk wizard). One urge per request within the company's interval:
        the request row is locked, so two urges at the same moment make one.

        :param channel: ``portal``, ``phone`` or ``visit``
        :param partner: the owner who urged (default: the request's contact)
        :returns: the ``property.ticket.urge`` row
        """
        self.ensure_one()
        ticket = self.sudo()
        if ticket.stage_id.closed:
            raise UserError(
                self.env._(
                    "Request %s is closed: it can no longer be urged.",
                    ticket.display_name,
                )
            )
        self.env.cr.execute(
            SQL(
                "SELECT id FROM helpdesk_ticket WHERE id = %s FOR NO KEY UPDATE",
                ticket.id,
            )
        )
        ticket.invalidate_recordset(["pcs_urge_ids", "pcs_last_urge_at"])
        next_at = ticket._pcs_urge_next_allowed()
        if next_at:
            raise UserError(
                self.env._(
                    "Request %(ticket)s was urged at %(last)s. It can be urged "
                    "again from %(next)s.",
                    ticket=ticket.display_name,
                    last=ticket._pcs_local_time(ticket.pcs_last_urge_at),
                    next=ticket._pcs_local_time(next_at),
                )
            )
        company = ticket.company_id or self.env.company
        sequence = ticket.pcs_urge_count + 1
        threshold = company.pcs_urge_repeat_count
        escalate = bool(threshold) and sequence >= threshold
        partner = partner or ticket.partner_id
        responsible = ticket._pcs_responsible()
        notified = responsible.partner_id | ticket.user_id.partner_id
        values = {}
        if escalate:
            notified |= ticket._pcs_urge_managers().partner_id
            values["priority"] = str(min(int(ticket.priority or "1") + 1, 3))
        # What the system writes (chatter, activity) is in the company's
        # working language, whoever urged (an owner on the portal, a job).
        written = ticket._pcs_in_company_lang().env
        channels = dict(
            self.env["property.ticket.urge"]
            ._fields["channel"]
            ._description_selection(written)
        )
        urge = (
            self.env["property.ticket.urge"]
            .sudo()
            .create(
                {
                    "ticket_id": ticket.id,
                    "partner_id": partner.id,
                    "user_id": self.env.user.id,
                    "channel": channel,
                    "sequence": sequence,
                    "note": note or False,
                    "escalated": escalate,
                    "notified_partner_ids": [fields.Command.set(notified.ids)],
                }
            )
        )
        if values:
            ticket.write(values)
        if escalate:
            body = written._(
                "Urge no. %(count)s from %(owner)s (%(channel)s): the owner urged "
                "this request again. Priority raised; customer-service managers "
                "informed.",
                count=sequence,
                owner=partner.display_name or "",
                channel=channels.get(channel, channel),
            )
        else:
            body = written._(
                "Urge no. %(count)s from %(owner)s (%(channel)s): the owner is "
                "waiting for this request.",
                count=sequence,
                owner=partner.display_name or "",
                channel=channels.get(channel, channel),
            )
        if note:
            body = f"{body} {note}"
        ticket._pcs_notify(body, notified, message_type="comment")
        ticket._pcs_schedule_activities(
            "property_cs.mail_activity_ticket_urged",
            user=responsible or self.env.user,
            summary=written._("The owner urged the request (no. %s)", sequence),
        )
        return urge

    def action_pcs_urge(self):
        """Front desk: record an owner's urge received by phone or in person."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_ticket_urge_wizard_action"
        )
        action["context"] = {
            "default_ticket_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action

    def action_pcs_view_urges(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_ticket_urge_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        return action

    @api.model
    def _pcs_urge_stats(self, project, start, end):
        """Urges of a project between UTC ``start`` and ``end`` (weekly
        summary): counts and the requests urged repeatedly."""
        Urge = self.env["property.ticket.urge"].sudo()
        urges = Urge.search(
            [
                ("project_id", "=", project.id),
                ("date", ">=", start),
                ("date", "<", end),
            ]
        )
        tickets = urges.ticket_id
        repeated = tickets.filtered("pcs_urged_repeatedly")
        return {
            "urge_count": len(urges),
            "urged_requests": len(tickets),
            "repeat_urged": sorted(
                ([t.display_name, t.pcs_urge_count] for t in repeated),
                key=lambda row: (-row[1], row[0]),
            ),
            "repeat_urge_rate": round(100.0 * len(repeated) / len(tickets), 1)
            if tickets
            else 0.0,
        }

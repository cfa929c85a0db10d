# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from .helpdesk_ticket import CLOCKS, COMPLAINT_LEVELS, PCS_CATEGORIES

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
        compute="_compute_pcs_breach_clocks",
        store=True,
    )
    pcs_breach_dispatch = fields.Integer(
        string="Dispatch Breached", compute="_compute_pcs_breach_clocks", store=True
    )
    pcs_breach_on_site = fields.Integer(
        string="On Site Breached", compute="_compute_pcs_breach_clocks", store=True
    )
    pcs_breach_resolve = fields.Integer(
        string="Resolution Breached",
        compute="_compute_pcs_breach_clocks",
        store=True,
    )
    pcs_repeat_complaint = fields.Boolean(
        string="Repeat Complainant",
        readonly=True,
        copy=False,
        index=True,
        help="The owner had another complaint in the 90 days before this one.",
    )

    @api.depends("pcs_first_reply_at", "stage_id.closed")
    def _compute_pcs_rates(self):
        for ticket in self:
            ticket.pcs_accepted_rate = 100.0 if ticket.pcs_first_reply_at else 0.0
            ticket.pcs_handled_rate = 100.0 if ticket.stage_id.closed else 0.0

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
    def _compute_pcs_breach_clocks(self):
        """Same rule as ``pcs_breach_count``, split per clock: escalated as
        overdue, or the event came after its deadline."""
        for ticket in self:
            kinds = set(ticket.pcs_escalation_ids.mapped("kind"))
            for clock, (deadline_field, event_field) in CLOCKS.items():
                deadline, event = ticket[deadline_field], ticket[event_field]
                ticket[f"pcs_breach_{clock}"] = int(
                    f"overdue_{clock}" in kinds
                    or bool(deadline and event and event > deadline)
                )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets.filtered(
            lambda t: t.pcs_category == "complaint" and t.partner_id
        )._pcs_mark_repeat_complaints()
        return tickets

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

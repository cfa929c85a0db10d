# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .helpdesk_ticket import CLOCKS, SERVICE_TARGETS


class PropertyServicePeriodMixin(models.AbstractModel):
    """A project's service-desk figures for a period, kept as a snapshot."""

    _name = "property.service.period.mixin"
    _description = "Service Desk Period Figures"
    _check_company_auto = True

    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", readonly=True)
    stats = fields.Json(string="Figures", readonly=True, copy=False)
    new_count = fields.Integer(string="New Requests", readonly=True)
    closed_count = fields.Integer(string="Closed Requests", readonly=True)
    open_count = fields.Integer(string="Open at End", readonly=True)
    complaint_new_count = fields.Integer(string="New Complaints", readonly=True)
    complaint_closed_count = fields.Integer(string="Closed Complaints", readonly=True)
    callback_due_count = fields.Integer(string="Callbacks Due", readonly=True)
    callback_done_count = fields.Integer(string="Callbacks Done", readonly=True)
    acceptance_rate = fields.Float(
        string="Acceptance (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    handling_rate = fields.Float(
        string="Handling (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    callback_rate = fields.Float(
        string="Callback (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    below_target = fields.Boolean(
        compute="_compute_below_target",
        store=True,
        help="A rate is below its target (acceptance 100%, handling 98%, "
        "callback 100%, satisfaction 95%).",
    )

    @api.depends(
        "acceptance_rate", "handling_rate", "callback_rate", "satisfaction_rate"
    )
    def _compute_below_target(self):
        for record in self:
            record.below_target = any(
                record[f"{key}_rate"] < target
                for key, target in SERVICE_TARGETS.items()
            )

    def _pcs_refresh_stats(self):
        """Recompute the snapshot from the requests, callbacks and escalations."""
        Ticket = self.env["helpdesk.ticket"]
        for record in self:
            stats = Ticket._pcs_service_stats(
                record.project_id, record.date_from, record.date_to
            )
            record.write({"stats": stats, **Ticket._pcs_stats_fields(stats)})

    # ------------------------------------------------------------------
    # Helpers for the QWeb templates (labels in the reader's language)
    # ------------------------------------------------------------------
    def _pcs_label(self, model, field, key):
        selection = self.env[model]._fields[field]._description_selection(self.env)
        return dict(selection).get(key, key or "")

    def _pcs_category_label(self, key):
        return self._pcs_label("helpdesk.ticket", "pcs_category", key)

    def _pcs_level_label(self, key):
        return self._pcs_label("helpdesk.ticket", "pcs_complaint_level", key)

    def _pcs_escalation_label(self, key):
        return self._pcs_label("property.ticket.escalation", "kind", key)

    def _pcs_clock_rows(self):
        """(label, count) of the clocks that ran out in the period."""
        self.ensure_one()
        labels = {
            "first_reply": self.env._("First reply"),
            "dispatch": self.env._("Dispatch"),
            "on_site": self.env._("Crew on site"),
            "resolve": self.env._("Resolution"),
        }
        overdue = (self.stats or {}).get("overdue", {})
        return [(labels[clock], overdue.get(clock, 0)) for clock in CLOCKS]

    def _pcs_rate_rows(self):
        """(label, rate, target, met) of the four KPIs; the rate is ``None``
        when there was nothing to measure (no request, no callback due): the
        printed forms show "—" then, not 100 %."""
        self.ensure_one()
        labels = {
            "acceptance": self.env._("Acceptance"),
            "handling": self.env._("Handling"),
            "callback": self.env._("Callback"),
            "satisfaction": self.env._("Satisfaction"),
        }
        stats = self.stats or {}
        bases = {
            "acceptance": stats.get("new", 0),
            "handling": stats.get("new", 0),
            "callback": stats.get("callback_due", 0),
            "satisfaction": stats.get("callback_done", 0),
        }
        rows = []
        for key, target in SERVICE_TARGETS.items():
            rate = self[f"{key}_rate"] if bases[key] else None
            rows.append((labels[key], rate, target, rate is None or rate >= target))
        return rows

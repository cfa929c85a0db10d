# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import fields, models

from ..models.helpdesk_ticket import SERVICE_TARGETS as TARGETS


class PropertyServiceAnalysisWizard(models.TransientModel):
    """Monthly complaint and request analysis (XLSX and PDF)."""

    _name = "property.service.analysis.wizard"
    _description = "Complaint and Request Analysis"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    project_ids = fields.Many2many(
        "property.project", string="Projects", help="Empty: all visible projects."
    )

    def _tickets(self):
        self.ensure_one()
        domain = [
            ("pcs_category", "!=", False),
            ("pcs_registered_at", ">=", datetime.combine(self.date_from, time.min)),
            (
                "pcs_registered_at",
                "<",
                datetime.combine(self.date_to + timedelta(days=1), time.min),
            ),
        ]
        if self.project_ids:
            domain.append(("pcs_project_id", "in", self.project_ids.ids))
        return self.env["helpdesk.ticket"].search(domain)

    def _get_analysis(self):
        """Figures of the period, as plain data for the XLSX and the PDF."""
        tickets = self._tickets()
        Ticket = self.env["helpdesk.ticket"]
        labels = {
            name: dict(Ticket._fields[name]._description_selection(self.env))
            for name in ("pcs_category", "pcs_complaint_level", "pcs_channel")
        }

        def breakdown(key):
            rows = {}
            for ticket in tickets:
                label = key(ticket) or self.env._("(none)")
                row = rows.setdefault(label, [0, 0, 0.0, 0.0, 0])
                row[0] += 1
                row[1] += 1 if ticket.stage_id.closed else 0
                row[2] += ticket.pcs_first_reply_minutes
                row[3] += ticket.pcs_close_hours
                row[4] += ticket.pcs_breach_count
            return [
                (
                    label,
                    n,
                    closed,
                    first / n if n else 0.0,
                    close / closed if closed else 0.0,
                    breach,
                )
                for label, (n, closed, first, close, breach) in sorted(rows.items())
            ]

        complaints = tickets.filtered(lambda t: t.pcs_category == "complaint")
        per_partner = {}
        for ticket in complaints.filtered("partner_id"):
            per_partner.setdefault(ticket.partner_id, 0)
            per_partner[ticket.partner_id] += 1
        closed = tickets.filtered(lambda t: t.stage_id.closed)
        callbacks = closed.pcs_callback_ids.filtered(lambda c: c.state == "done")
        satisfied = callbacks.filtered(
            lambda c: c.satisfaction in ("satisfied", "basic")
        )

        def pct(part, whole):
            # None when there is nothing to measure: printed as "—", not 0 %.
            return round(100.0 * part / whole, 1) if whole else None

        rates = {
            "acceptance": pct(
                len(tickets.filtered("pcs_first_reply_at")), len(tickets)
            ),
            "handling": pct(len(closed), len(tickets)),
            "callback": pct(len(callbacks.ticket_id), len(closed)),
            "satisfaction": pct(len(satisfied), len(callbacks)),
        }
        return {
            "count": len(tickets),
            "sections": [
                (
                    self.env._("By category"),
                    breakdown(lambda t: labels["pcs_category"].get(t.pcs_category)),
                ),
                (
                    self.env._("Complaints by level"),
                    [
                        r
                        for r in breakdown(
                            lambda t: t.pcs_category == "complaint"
                            and labels["pcs_complaint_level"].get(t.pcs_complaint_level)
                        )
                        if r[0] != self.env._("(none)")
                    ],
                ),
                (
                    self.env._("By building"),
                    breakdown(lambda t: t.pcs_building_id.display_name),
                ),
                (
                    self.env._("By department"),
                    breakdown(lambda t: t.pcs_department_id.name),
                ),
                (
                    self.env._("By channel"),
                    breakdown(lambda t: labels["pcs_channel"].get(t.pcs_channel)),
                ),
            ],
            "repeat_complainants": sorted(
                ((p.name, n) for p, n in per_partner.items() if n > 1),
                key=lambda x: -x[1],
            ),
            "rates": [
                (self.env._("Acceptance"), rates["acceptance"], TARGETS["acceptance"]),
                (self.env._("Handling"), rates["handling"], TARGETS["handling"]),
                (self.env._("Callback"), rates["callback"], TARGETS["callback"]),
                (
                    self.env._("Satisfaction"),
                    rates["satisfaction"],
                    TARGETS["satisfaction"],
                ),
            ],
        }

    def _header(self):
        return [
            self.env._("Group"),
            self.env._("Requests"),
            self.env._("Closed"),
            self.env._("Avg. minutes to first reply"),
            self.env._("Avg. hours to close"),
            self.env._("Clocks breached"),
        ]

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref(
            "property_cs.action_report_service_analysis_xlsx"
        ).report_action(self)

    def action_print_pdf(self):
        return self.env.ref("property_cs.action_report_service_analysis").report_action(
            self
        )

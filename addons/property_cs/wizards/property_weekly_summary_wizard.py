# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class PropertyWeeklySummaryWizard(models.TransientModel):
    """Produce the weekly summary (周报) of a week on demand, instead of
    waiting for Monday's job: the same record the job builds (one per
    project and week), recomputed while it has not been sent."""

    _name = "property.weekly.summary.wizard"
    _description = "Produce a Weekly Summary"

    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        required=True,
        default=lambda self: self.env["property.project"].search([]),
    )
    date = fields.Date(
        string="A Day of the Week",
        required=True,
        default=lambda self: fields.Date.context_today(self) - timedelta(days=7),
        help="Any day of the week to summarise (Monday to Sunday).",
    )
    date_from = fields.Date(string="Week From", compute="_compute_week")
    date_to = fields.Date(string="Week To", compute="_compute_week")
    send = fields.Boolean(
        string="Mail It Now",
        help="Mail the summary with its PDF to the project's director and "
        "customer-service managers, as Monday's job does.",
    )

    @api.depends("date")
    def _compute_week(self):
        for wizard in self:
            start = wizard.date and wizard.date - timedelta(days=wizard.date.weekday())
            wizard.date_from = start
            wizard.date_to = start and start + timedelta(days=6)

    def action_produce(self):
        self.ensure_one()
        Summary = self.env["property.weekly.summary"]
        existing = Summary.search(
            [
                ("project_id", "in", self.project_ids.ids),
                ("date_from", "=", self.date_from),
            ]
        )
        existing.filtered(lambda s: not s.sent_at)._pcs_refresh_stats()
        missing = self.project_ids - existing.project_id
        summaries = existing | Summary.create(
            [
                {
                    "project_id": project.id,
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                }
                for project in missing
            ]
        )
        if self.send:
            summaries._pcs_send()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_weekly_summary_action"
        )
        if len(summaries) == 1:
            action.update(
                {
                    "res_id": summaries.id,
                    "views": [(False, "form")],
                    "view_mode": "form",
                }
            )
        else:
            action["domain"] = [("id", "in", summaries.ids)]
        return action

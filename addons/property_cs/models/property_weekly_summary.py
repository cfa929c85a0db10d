# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo import api, fields, models


class PropertyWeeklySummary(models.Model):
    """Monday summary (周报) of last week's service desk for one project."""

    _name = "property.weekly.summary"
    _description = "Weekly Service Desk Summary"
    _inherit = ["property.service.period.mixin", "mail.thread"]
    _order = "date_from desc, project_id"

    name = fields.Char(compute="_compute_name", store=True)
    recipient_ids = fields.Many2many(
        "res.partner",
        string="Sent To",
        readonly=True,
        help="The project's director and its customer-service managers.",
    )
    sent_at = fields.Datetime(readonly=True, copy=False)
    repeat_complainant_count = fields.Integer(
        string="Repeat Complainants", readonly=True
    )
    overdue_count = fields.Integer(string="Clocks Run Out", readonly=True)
    escalation_count = fields.Integer(string="Escalations", readonly=True)
    urge_count = fields.Integer(string="Urges", readonly=True)
    repeat_urge_rate = fields.Float(
        string="Repeat-Urge Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Share of the requests urged during the week that the owner had "
        "urged repeatedly.",
    )

    _sql_constraints = [
        (
            "project_week_uniq",
            "unique(project_id, date_from)",
            "There is one weekly summary per project and week.",
        )
    ]

    @api.depends("project_id.name", "date_from")
    def _compute_name(self):
        # Stored once for everyone: in the company's language.
        for summary in self:
            local = summary._pcs_in_company_lang()
            summary.name = local.env._(
                "%(project)s, week of %(date)s",
                project=summary.project_id.name or "",
                date=summary.date_from or "",
            )

    def _pcs_refresh_stats(self):
        res = super()._pcs_refresh_stats()
        for summary in self:
            stats = summary.stats
            summary.write(
                {
                    "repeat_complainant_count": len(stats["repeat_complainants"]),
                    "overdue_count": stats["overdue_total"],
                    "escalation_count": stats["escalation_total"],
                    "urge_count": stats.get("urge_count", 0),
                    "repeat_urge_rate": stats.get("repeat_urge_rate", 0.0),
                }
            )
        return res

    def _pcs_recipients(self):
        """The project's director and the customer-service managers assigned
        to the project (its staff in the group, or the director alone)."""
        self.ensure_one()
        project = self.project_id.sudo()
        users = project.manager_id | project.user_ids.filtered(
            lambda u: u.has_group("property_cs.group_cs_manager")
        )
        return users.filtered(lambda u: u.active and not u.share).partner_id

    # ------------------------------------------------------------------
    # Monday job
    # ------------------------------------------------------------------
    @api.model
    def _pcs_week_start(self, company):
        today = self.env["helpdesk.ticket"]._pcs_today(company)
        return today - timedelta(days=today.weekday() + 7)

    @api.model
    def _cron_weekly_summary(self, limit=50):
        """Build and send last week's summary of each project (idempotent).

        A project gets one summary per week (unique in the database); projects
        already summarised are skipped, so a second run sends nothing.
        """
        Project = self.env["property.project"]
        todo = []
        for project in Project.search([], order="id"):
            week = self._pcs_week_start(project.company_id or self.env.company)
            todo.append((project, week))
        existing = {
            (summary.project_id.id, summary.date_from)
            for summary in self.search(
                [
                    ("project_id", "in", [project.id for project, _week in todo]),
                    ("date_from", "in", list({week for _project, week in todo})),
                ]
            )
        }
        todo = [(p, w) for p, w in todo if (p.id, w) not in existing]
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            lambda size: todo[:size] if size else todo,
            self._pcs_create_and_send,
            limit,
        )

    @api.model
    def _pcs_create_and_send(self, project_weeks):
        summaries = self.create(
            [
                {
                    "project_id": project.id,
                    "date_from": week,
                    "date_to": week + timedelta(days=6),
                }
                for project, week in project_weeks
            ]
        )
        summaries._pcs_send()
        return summaries

    @api.model_create_multi
    def create(self, vals_list):
        summaries = super().create(vals_list)
        summaries._pcs_refresh_stats()
        return summaries

    def _pcs_send(self):
        """Mail the summary with its PDF to the director and the managers."""
        template = self.env.ref("property_cs.mail_template_weekly_summary")
        for summary in self.filtered(lambda s: not s.sent_at):
            partners = summary._pcs_recipients()
            summary.write(
                {"recipient_ids": [fields.Command.set(partners.ids)]}
                | {"sent_at": fields.Datetime.now()}
            )
            # The mail, its PDF and the note are in the company's language
            # (the template has no language of its own for staff recipients).
            local = summary._pcs_in_company_lang()
            if partners:
                # Queued: the cron must not wait for the mail server.
                template.with_context(lang=local.env.lang).send_mail(
                    summary.id,
                    force_send=False,
                    email_values={"attachments": [local._pcs_printed()]},
                )
            summary.message_post(
                body=local.env._(
                    "Weekly summary sent to %s.",
                    ", ".join(partners.mapped("name"))
                    or local.env._("nobody (no director or manager)"),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _pcs_printed(self):
        """``(file name, base64 PDF)`` of the printed summary, for the mail
        (in the language of ``self``'s environment)."""
        self.ensure_one()
        pdf, _fmt = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_cs.action_report_weekly_summary", self.ids
        )
        name = self.env._("Weekly Summary %s", self.name)
        return f"{name}.pdf", base64.b64encode(pdf)

    def action_send(self):
        self._pcs_send()

    def action_refresh(self):
        self._pcs_refresh_stats()

    def action_print(self):
        return self.env.ref("property_cs.action_report_weekly_summary").report_action(
            self
        )

    @api.model
    def action_open_produce_wizard(self):
        """Produce a week's summary now (the list's header button)."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_weekly_summary_wizard_action"
        )

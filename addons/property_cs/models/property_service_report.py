# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class PropertyServiceReport(models.Model):
    """Monthly service report (物业服务动态报告) to the owners of a project."""

    _name = "property.service.report"
    _description = "Monthly Service Report"
    _inherit = [
        "property.service.period.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_from desc, project_id"

    name = fields.Char(compute="_compute_name", store=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("published", "Published"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    highlights = fields.Html(
        string="Key Works and Rectifications",
        help="Prefilled from the month's completed rectifications and "
        "common-area repairs; edit before approval.",
    )
    complaint_summary = fields.Html(
        string="Complaints and How They Were Handled",
        help="Prefilled from the month's complaints (no owner names).",
    )
    notices = fields.Html()
    next_month_plan = fields.Html(string="Plan for Next Month")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_at = fields.Datetime(readonly=True, copy=False)
    published_at = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        (
            "project_month_uniq",
            "unique(project_id, date_from)",
            "There is one service report per project and month.",
        )
    ]

    @api.depends("project_id.name", "date_from")
    def _compute_name(self):
        # Printed and published to the owners: in the company's language.
        for report in self:
            report.name = report._pcs_in_company_lang().env._(
                "%(project)s service report %(month)s",
                project=report.project_id.name or "",
                month=report.date_from.strftime("%Y-%m") if report.date_from else "",
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/service-reports/{report.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_from"):
                start = fields.Date.to_date(vals["date_from"]).replace(day=1)
                vals["date_from"] = start
                vals["date_to"] = start + relativedelta(months=1, days=-1)
        reports = super().create(vals_list)
        reports._pcs_refresh_stats()
        reports._pcs_prefill()
        return reports

    def write(self, vals):
        narrative = {"highlights", "complaint_summary", "notices", "next_month_plan"}
        if narrative & set(vals) and self.filtered(lambda r: r.state == "published"):
            raise UserError(self.env._("A published report can no longer be edited."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Prefill of the narrative sections
    # ------------------------------------------------------------------
    def _pcs_month_bounds(self):
        self.ensure_one()
        return self.env["helpdesk.ticket"]._pcs_period_bounds(
            self.project_id, self.date_from, self.date_to
        )

    def _pcs_prefill_values(self):
        """Narrative sections built from the month's records (editable)."""
        self.ensure_one()
        start, end = self._pcs_month_bounds()
        Ticket = self.env["helpdesk.ticket"].sudo()
        rectifications = (
            self.env["property.rectification"]
            .sudo()
            .search(
                [
                    ("project_id", "=", self.project_id.id),
                    ("state", "=", "done"),
                    ("owner_signed_at", ">=", start),
                    ("owner_signed_at", "<", end),
                ]
            )
        )
        repairs = Ticket.search(
            [
                ("pcs_project_id", "=", self.project_id.id),
                ("pcs_category", "=", "common_repair"),
                ("stage_id.closed", "=", True),
                ("closed_date", ">=", start),
                ("closed_date", "<", end),
            ],
            order="closed_date",
        )
        items = [
            self.env._(
                "Common-area repair completed: %(subject)s",
                subject=ticket.name,
            )
            for ticket in repairs
        ] + [
            self.env._(
                "Rectification %(number)s completed and accepted (%(unit)s).",
                number=rectification.name,
                unit=rectification.unit_id.code or "",
            )
            for rectification in rectifications
        ]
        complaints = Ticket.search(
            [
                ("pcs_project_id", "=", self.project_id.id),
                ("pcs_category", "=", "complaint"),
                ("pcs_registered_at", ">=", start),
                ("pcs_registered_at", "<", end),
            ],
            order="pcs_registered_at",
        )
        complaint_items = [
            self.env._(
                "%(level)s complaint: %(subject)s (%(status)s)",
                level=self._pcs_level_label(ticket.pcs_complaint_level or "general"),
                subject=ticket.name,
                status=self.env._("resolved")
                if ticket.stage_id.closed
                else self.env._("being handled"),
            )
            for ticket in complaints
        ]
        stats = self.stats or {}
        plan = self.env._(
            "%(open)s requests remain open and are followed up every day until "
            "they are closed.",
            open=stats.get("open", 0),
        )
        return {
            "highlights": self._pcs_html_list(items)
            or Markup("<p>%s</p>") % self.env._("No key works this month."),
            "complaint_summary": self._pcs_html_list(complaint_items)
            or Markup("<p>%s</p>") % self.env._("No complaints this month."),
            "next_month_plan": Markup("<p>%s</p>") % plan,
        }

    @api.model
    def _pcs_html_list(self, items):
        if not items:
            return False
        return Markup("<ul>%s</ul>") % Markup("").join(
            Markup("<li>%s</li>") % escape(item) for item in items
        )

    def _pcs_prefill(self):
        """Fill the empty narrative sections (never overwrite edited text),
        in the company's language: they go onto the PDF and the portal."""
        for report in self:
            prefill = report._pcs_in_company_lang()._pcs_prefill_values()
            values = {key: value for key, value in prefill.items() if not report[key]}
            if values:
                report.write(values)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_refresh(self):
        """Recompute the figures of a draft and refill empty sections."""
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only a draft report can be refreshed."))
        self._pcs_refresh_stats()
        self._pcs_prefill()

    def action_approve(self):
        if not self.env.user.has_group("property_cs.group_director"):
            raise AccessError(
                self.env._("Only the service-centre director approves the report.")
            )
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only a draft report can be approved."))
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "approved_at": fields.Datetime.now(),
            }
        )

    def action_publish(self):
        """Publish to the owners of the project (portal), once approved."""
        if self.filtered(lambda r: r.state != "approved"):
            raise UserError(
                self.env._(
                    "The director must approve the report before it is published."
                )
            )
        self.write({"state": "published", "published_at": fields.Datetime.now()})

    def action_reset_draft(self):
        if not self.env.user.has_group("property_cs.group_director"):
            raise AccessError(
                self.env._("Only the service-centre director reopens a report.")
            )
        self.write(
            {
                "state": "draft",
                "approved_by_id": False,
                "approved_at": False,
                "published_at": False,
            }
        )

    def action_print(self):
        return self.env.ref("property_cs.action_report_service_report").report_action(
            self
        )

    # ------------------------------------------------------------------
    # Monthly job: a draft for last month, by the 10th
    # ------------------------------------------------------------------
    @api.model
    def _cron_prepare_drafts(self, limit=50):
        """Create last month's draft report of each project (idempotent)."""
        todo = []
        for project in self.env["property.project"].search([], order="id"):
            today = self.env["helpdesk.ticket"]._pcs_today(
                project.company_id or self.env.company
            )
            month = (today.replace(day=1) - relativedelta(months=1)).replace(day=1)
            todo.append((project, month))
        existing = {
            (report.project_id.id, report.date_from)
            for report in self.search(
                [("project_id", "in", [project.id for project, _month in todo])]
            )
        }
        todo = [(p, m) for p, m in todo if (p.id, m) not in existing]
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            lambda size: todo[:size] if size else todo,
            lambda batch: self.create(
                [
                    {"project_id": project.id, "date_from": month}
                    for project, month in batch
                ]
            ),
            limit,
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name

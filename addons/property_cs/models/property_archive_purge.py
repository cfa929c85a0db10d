# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

DIRECTOR_GROUP = "property_cs.group_director"


class PropertyArchivePurge(models.Model):
    """Yearly clean-up of closed archives past retention (each March)."""

    _name = "property.archive.purge"
    _description = "Archive Purge Proposal"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, readonly=True)
    year = fields.Integer(required=True, readonly=True)
    date = fields.Date(string="Proposed On", required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    retention_years = fields.Integer(readonly=True)
    cutoff_date = fields.Date(
        readonly=True, help="Archives closed on or before this date are proposed."
    )
    state = fields.Selection(
        [
            ("draft", "To Approve"),
            ("approved", "Approved"),
            ("done", "Purged"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many("property.archive.purge.line", "purge_id")
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True)
    date_done = fields.Datetime(string="Purged On", readonly=True)

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(year, company_id)",
            "There is one purge proposal per company and year.",
        )
    ]

    @api.model
    def _cron_propose(self, limit=20):
        """Create this year's proposal for every company, once."""
        today = fields.Date.context_today(self)
        done = self.search([("year", "=", today.year)]).company_id
        return self.env["ir.cron"]._pcs_run_batch(
            self.env["res.company"],
            [("id", "not in", done.ids)],
            lambda companies: [self._propose(company, today) for company in companies],
            limit,
        )

    @api.model
    def _propose(self, company, today):
        years = company.pcs_archive_retention_years or 3
        cutoff = today - relativedelta(years=years)
        archives = self.env["property.archive"].search(
            [
                ("state", "=", "closed"),
                ("date_close", "<=", cutoff),
                ("company_id", "=", company.id),
            ]
        )
        return self.create(
            {
                "name": self.with_company(company)
                ._pcs_in_company_lang()
                .env._("Archive purge %(year)s", year=today.year),
                "year": today.year,
                "date": today,
                "company_id": company.id,
                "retention_years": years,
                "cutoff_date": cutoff,
                "line_ids": [
                    fields.Command.create({"archive_id": archive.id})
                    for archive in archives
                ],
            }
        )

    def _check_director(self):
        if not self.env.user.has_group(DIRECTOR_GROUP):
            raise UserError(
                self.env._("Only the service-centre director approves the purge.")
            )

    def action_approve(self):
        self._check_director()
        for purge in self:
            if purge.state != "draft":
                raise UserError(self.env._("This proposal is not waiting approval."))
        self.write({"state": "approved", "approver_id": self.env.uid})
        return True

    def action_purge(self):
        """Delete the archives the director ticked; keep the rest."""
        self._check_director()
        for purge in self:
            if purge.state != "approved":
                raise UserError(self.env._("Approve the proposal before purging."))
            lines = purge.line_ids.filtered(lambda line: line.approved)
            archives = lines.archive_id.filtered(lambda a: a.state == "closed")
            lines.write({"purged": True})
            archives.sudo().with_context(pcs_archive_close=True).unlink()
            purge.write({"state": "done", "date_done": fields.Datetime.now()})
            purge.message_post(
                body=self._pcs_in_company_lang().env._(
                    "%(count)s archives purged, %(kept)s kept.",
                    count=len(archives),
                    kept=len(purge.line_ids) - len(lines),
                )
            )
        return True

    def action_cancel(self):
        self.filtered(lambda p: p.state != "done").write({"state": "cancel"})
        return True

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .property_billing import BATCH_SIZE, month_start

_logger = logging.getLogger(__name__)


class PropertyBillingJob(models.Model):
    """A billing run started from the wizard and done in the background.

    The wizard queues the job and returns at once; the scheduled action
    "bill queued billing runs" bills its units batch after batch (committed
    between batches, ``ir.cron._notify_progress``), counts what is done and
    tells the user who started it when it ends.  The units, the invoices and
    the guarantee of one invoice per unit and period are the billing run's
    (``property.billing``): a job only chooses the company, the month, the
    projects and the buildings.
    """

    _name = "property.billing.job"
    _description = "Billing Run in the Background"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Date(string="Month", required=True, readonly=True)
    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        readonly=True,
        check_company=True,
        help="Empty: every project of the company.",
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        readonly=True,
        help="Empty: every building of the projects.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Started By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    batch_size = fields.Integer(default=BATCH_SIZE, readonly=True)
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        default="queued",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    unit_total = fields.Integer(string="Units to Bill", readonly=True)
    unit_done = fields.Integer(string="Units Billed", readonly=True)
    invoice_count = fields.Integer(string="Invoices Created", readonly=True)
    amount_total = fields.Monetary(string="Amount Billed", readonly=True)
    progress = fields.Float(compute="_compute_progress")
    date_start = fields.Datetime(string="Started At", readonly=True)
    date_done = fields.Datetime(string="Finished At", readonly=True)
    error = fields.Text(readonly=True)

    @api.depends("period", "project_ids.name", "building_ids.name")
    def _compute_name(self):
        for job in self:
            scope = job.building_ids or job.project_ids
            job.name = " · ".join(
                part
                for part in (
                    job.period and job.period.strftime("%Y-%m"),
                    ", ".join(scope.mapped("display_name"))
                    or self.env._("all projects"),
                )
                if part
            )

    @api.depends("unit_total", "unit_done", "state")
    def _compute_progress(self):
        for job in self:
            job = job.with_context(lang=job.user_id.lang)
            if job.state == "done":
                job.progress = 100.0
            elif job.unit_total:
                job.progress = min(100.0, 100.0 * job.unit_done / job.unit_total)
            else:
                job.progress = 0.0

    # ------------------------------------------------------------------
    # Queue
    # ------------------------------------------------------------------
    @api.model
    def _pcs_queue(self, company, period, projects, buildings, batch_size=BATCH_SIZE):
        """Queue a billing run and wake the scheduled action up."""
        job = self.create(
            {
                "company_id": company.id,
                "period": month_start(period),
                "project_ids": [fields.Command.set(projects.ids)],
                "building_ids": [fields.Command.set(buildings.ids)],
                "batch_size": max(batch_size, 1),
            }
        )
        job.unit_total = job._pcs_remaining()
        self.env.ref("property_billing.ir_cron_billing_job").sudo()._trigger()
        return job

    # ------------------------------------------------------------------
    # Work
    # ------------------------------------------------------------------
    def _pcs_billing(self):
        """The billing run, as the user who started the job, in its company,
        restricted to its buildings."""
        self.ensure_one()
        return (
            self.env["property.billing"]
            .with_user(self.user_id)
            .with_company(self.company_id)
            .with_context(pcs_billing_building_ids=self.building_ids.ids)
        )

    def _pcs_units(self, limit):
        """The next ``limit`` units to bill, locked for this run; all of the
        units left (``None``) to count them."""
        self.ensure_one()
        Billing = self._pcs_billing()
        if limit is not None:
            return Billing._billing_lock_units(
                self.company_id, self.period, self.project_ids.ids, limit
            )
        self.env.flush_all()
        self.env.cr.execute(
            Billing._billing_units_sql(
                self.company_id, self.period, self.project_ids.ids
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _pcs_remaining(self):
        self.ensure_one()
        return self._pcs_billing()._billing_remaining(
            self.company_id, self.period, self.project_ids.ids
        )

    def _pcs_bill(self, unit_ids):
        """Bill one batch of units of this job and count it."""
        self.ensure_one()
        values = {"unit_done": self.unit_done + len(unit_ids)}
        if self.state == "queued":
            values.update(state="running", date_start=fields.Datetime.now())
        try:
            with self.env.cr.savepoint():
                moves = self._pcs_billing()._billing_invoice_units(
                    self.company_id, self.period, unit_ids
                )
        except errors.UniqueViolation:
            # A concurrent run billed some of these units in the meantime:
            # they are billed, by the other run.
            _logger.info("Property billing job %s: concurrent run detected", self.id)
            moves = self.env["account.move"]
        except (UserError, ValidationError, AccessError) as error:
            self.write(
                {
                    "state": "failed",
                    "error": str(error),
                    "date_done": fields.Datetime.now(),
                }
            )
            self._pcs_tell_user()
            return
        values.update(
            invoice_count=self.invoice_count + len(moves),
            amount_total=self.amount_total + sum(moves.mapped("amount_total")),
        )
        self.write(values)

    @api.model
    def _cron_run_jobs(self, limit=None):
        """Scheduled action: one batch of the queued billing runs per call
        (the oldest job first); the cron runner calls again while units are
        left and commits between calls."""
        jobs = self.search([("state", "in", ("queued", "running"))], order="id")
        if not jobs:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return 0
        limit = limit or jobs[0].batch_size or BATCH_SIZE
        done = self.env["ir.cron"]._pcs_run_batch(
            self,
            {job: job._pcs_units for job in jobs},
            lambda unit_ids, job: job._pcs_bill(unit_ids),
            limit=limit,
        )
        for job in jobs.filtered(lambda j: j.state in ("queued", "running")):
            if not job._pcs_remaining():
                job._pcs_finish()
        return done

    def _pcs_finish(self):
        for job in self:
            job.write(
                {
                    "state": "done",
                    "date_done": fields.Datetime.now(),
                    "date_start": job.date_start or fields.Datetime.now(),
                    "unit_total": max(job.unit_total, job.unit_done),
                }
            )
            job._pcs_tell_user()

    def _pcs_tell_user(self):
        """A message on the job (in the user's inbox) and a notification on
        the user's screen if it is open."""
        for job in self:
            job = job.with_context(lang=job.user_id.lang)
            if job.state == "done":
                title = job.env._("Billing run finished")
                body = job.env._(
                    "Billing run %(name)s finished: %(count)s invoices for "
                    "%(units)s units.",
                    name=job.name,
                    count=job.invoice_count,
                    units=job.unit_done,
                )
                kind = "success"
            else:
                title = job.env._("Billing run failed")
                body = job.env._(
                    "Billing run %(name)s stopped: %(error)s",
                    name=job.name,
                    error=job.error,
                )
                kind = "danger"
            job.message_post(
                body=body,
                partner_ids=job.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            job.user_id._bus_send(
                "simple_notification",
                {"type": kind, "title": title, "message": body, "sticky": True},
            )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        domain = [
            ("pcs_period", "=", self.period),
            ("pcs_billing_kind", "=", "fee"),
            ("company_id", "=", self.company_id.id),
        ]
        if self.building_ids:
            domain.append(("pcs_building_id", "in", self.building_ids.ids))
        elif self.project_ids:
            domain.append(("pcs_project_id", "in", self.project_ids.ids))
        action["domain"] = domain
        action["context"] = {"create": False}
        action["display_name"] = self.name
        return action

    def action_retry(self):
        """Queue a failed run again (after fixing what stopped it)."""
        self.filtered(lambda j: j.state == "failed").write(
            {"state": "queued", "error": False, "date_done": False}
        )
        self.env.ref("property_billing.ir_cron_billing_job").sudo()._trigger()

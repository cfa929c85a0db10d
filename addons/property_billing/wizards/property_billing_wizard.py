# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.modules import module as odoo_module

from ..models.property_billing import BATCH_SIZE, month_start, next_month


class PropertyBillingWizard(models.TransientModel):
    _name = "property.billing.wizard"
    _description = "Billing Run"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period = fields.Date(
        required=True,
        default=lambda self: next_month(fields.Date.context_today(self)),
        help="Any day of the month to bill; the whole month is billed.",
    )
    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        domain="[('company_id', '=', company_id)]",
        help="Leave empty to bill every project of the company.",
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        domain="[('project_id.company_id', '=', company_id)]",
        help="Bill only these buildings (e.g. a building handed over this "
        "month). Leave empty to bill every building of the projects.",
    )
    batch_size = fields.Integer(default=BATCH_SIZE)
    remaining = fields.Integer(string="Units to Bill", compute="_compute_remaining")
    run_now = fields.Boolean(
        compute="_compute_remaining",
        help="Few enough units to bill them while you wait; more are billed "
        "in the background.",
    )

    @api.onchange("building_ids")
    def _onchange_building_ids(self):
        if self.building_ids:
            self.project_ids |= self.building_ids.project_id

    @api.depends("company_id", "period", "project_ids", "building_ids", "batch_size")
    def _compute_remaining(self):
        for wizard in self:
            projects = wizard._pcs_project_ids(missing_ok=True)
            wizard.remaining = (
                wizard._pcs_billing()._billing_remaining(
                    wizard.company_id, month_start(wizard.period), projects
                )
                if wizard.period and projects is not None
                else 0
            )
            wizard.run_now = wizard.remaining <= max(wizard.batch_size, 1)

    def _pcs_project_ids(self, missing_ok=False):
        """The projects to bill: those chosen, else every project of the
        company (an empty list), or for staff limited to their projects'
        accounting documents, every project of theirs (``None`` when they
        have none and ``missing_ok``)."""
        self.ensure_one()
        user = self.env.user
        if self.project_ids or not user.pcs_accounting_restricted:
            return self.project_ids.ids
        projects = user.pcs_allowed_project_ids.filtered(
            lambda p: p.company_id == self.company_id
        )
        if not projects:
            if missing_ok:
                return None
            raise UserError(
                self.env._(
                    "You bill the projects assigned to you, and none of %s is.",
                    self.company_id.name,
                )
            )
        return projects.ids

    def _pcs_billing(self):
        return (
            self.env["property.billing"]
            .with_company(self.company_id)
            .with_context(pcs_billing_building_ids=self.building_ids.ids)
        )

    def action_queue(self):
        """Bill in the background: the billing run becomes a job done by the
        scheduled action batch after batch; its form shows the progress and
        the user is told when it ends. The screen is free meanwhile."""
        self.ensure_one()
        job = self.env["property.billing.job"]._pcs_queue(
            self.company_id,
            self.period,
            self.env["property.project"].browse(self._pcs_project_ids()),
            self.building_ids,
            batch_size=self.batch_size,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.billing.job",
            "res_id": job.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_run(self):
        """Bill the period batch after batch while the user waits (small
        runs); each batch is committed (outside tests) so that an interrupted
        run, started again, resumes."""
        self.ensure_one()
        period = month_start(self.period)
        moves = self._pcs_billing()._billing_run(
            self.company_id,
            period,
            project_ids=self._pcs_project_ids(),
            limit=max(self.batch_size, 1),
            commit=not odoo_module.current_test,
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [
            ("pcs_period", "=", period),
            ("pcs_billing_kind", "=", "fee"),
            ("company_id", "=", self.company_id.id),
        ]
        if self.building_ids:
            action["domain"].append(("pcs_building_id", "in", self.building_ids.ids))
        action["context"] = {"create": False}
        left = self._pcs_billing()._billing_remaining(
            self.company_id, period, self._pcs_project_ids()
        )
        if left:
            # Units locked by another run at the same time: it bills them.
            action["name"] = self.env._(
                "Billed %(period)s: %(count)s new invoices; %(left)s units are "
                "being billed by another run",
                period=period.strftime("%Y-%m"),
                count=len(moves),
                left=left,
            )
        else:
            action["name"] = self.env._(
                "Billed %(period)s: %(count)s new invoices",
                period=period.strftime("%Y-%m"),
                count=len(moves),
            )
        return action

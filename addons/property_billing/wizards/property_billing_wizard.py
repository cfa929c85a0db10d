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
    batch_size = fields.Integer(default=BATCH_SIZE)
    remaining = fields.Integer(string="Units to Bill", compute="_compute_remaining")

    @api.depends("company_id", "period", "project_ids")
    def _compute_remaining(self):
        Billing = self.env["property.billing"]
        for wizard in self:
            projects = wizard._pcs_project_ids(missing_ok=True)
            wizard.remaining = (
                Billing._billing_remaining(
                    wizard.company_id, month_start(wizard.period), projects
                )
                if wizard.period and projects is not None
                else 0
            )

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

    def action_run(self):
        """Bill the period batch after batch; each batch is committed (outside
        tests) so that an interrupted run, started again, resumes."""
        self.ensure_one()
        period = month_start(self.period)
        moves = (
            self.env["property.billing"]
            .with_company(self.company_id)
            ._billing_run(
                self.company_id,
                period,
                project_ids=self._pcs_project_ids(),
                limit=max(self.batch_size, 1),
                commit=not odoo_module.current_test,
            )
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [
            ("pcs_period", "=", period),
            ("pcs_billing_kind", "=", "fee"),
            ("company_id", "=", self.company_id.id),
        ]
        action["context"] = {"create": False}
        left = self.env["property.billing"]._billing_remaining(
            self.company_id, period, self.project_ids.ids
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

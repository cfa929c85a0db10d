# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv.expression import AND as Domain_and
from odoo.osv.expression import OR as Domain_or


class PropertyRenovationInspection(models.Model):
    """Completion inspection (初验) and the re-inspection one month later (复验;
    the interval is a company setting)."""

    _name = "property.renovation.inspection"
    _description = "Renovation Inspection"
    _inherit = [
        "property.renovation.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    kind = fields.Selection(
        [("initial", "Initial Inspection"), ("reinspection", "Re-inspection")],
        required=True,
        default="initial",
    )
    date = fields.Date(string="Scheduled", required=True)
    date_done = fields.Date(string="Inspected On", readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Inspector")
    neighbours_ok = fields.Boolean(string="Neighbouring Units OK")
    common_parts_ok = fields.Boolean(string="Common Parts OK")
    facade_ok = fields.Boolean(string="Facade OK")
    findings = fields.Text()
    photo_ids = fields.Many2many(
        "ir.attachment", "property_renovation_inspection_photo_rel", string="Photos"
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")],
        default="planned",
        required=True,
        tracking=True,
    )

    _sql_constraints = [
        (
            "renovation_kind_uniq",
            "unique(renovation_id, kind)",
            "One initial inspection and one re-inspection per renovation.",
        )
    ]

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for inspection in self:
            inspection.display_name = (
                f"{inspection.renovation_id.name} {kinds.get(inspection.kind) or ''}"
            )

    def action_done(self):
        for inspection in self:
            if inspection.state != "planned":
                raise UserError(self.env._("The inspection is already done."))
        self.write(
            {
                "state": "done",
                "date_done": fields.Date.context_today(self),
                "user_id": self.env.uid,
            }
        )
        return True

    @api.model
    def _reinspection_due_domain(self):
        """Initial inspections done at least the company's re-inspection
        interval (1 month) ago and not re-inspected yet."""
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].sudo().search([])
        due = [
            [
                ("company_id", "=", company.id),
                (
                    "date_done",
                    "<=",
                    today
                    - relativedelta(months=company.pcs_renovation_reinspection_months),
                ),
            ]
            for company in companies
        ]
        return Domain_and(
            [
                [("kind", "=", "initial"), ("state", "=", "done")],
                Domain_or(due),
                [
                    (
                        "renovation_id.inspection_ids",
                        "not any",
                        [("kind", "=", "reinspection")],
                    )
                ],
            ]
        )

    @api.model
    def _cron_schedule_reinspections(self, limit=200):
        """One month after the initial inspection, schedule the re-inspection;
        one batch per call.

        Unique per renovation in the database: a second run creates nothing.
        Returns the number of re-inspections scheduled.
        """
        created = self.browse()

        def schedule(initials):
            nonlocal created
            created |= initials._schedule_reinspection()

        self.env["ir.cron"]._pcs_run_batch(
            self, self._reinspection_due_domain(), schedule, limit=limit
        )
        return len(created)

    def _schedule_reinspection(self):
        reinspections = self.create(
            [
                {
                    "renovation_id": initial.renovation_id.id,
                    "kind": "reinspection",
                    "date": initial.date_done
                    + relativedelta(
                        months=initial.company_id.pcs_renovation_reinspection_months
                    ),
                    "user_id": initial.user_id.id,
                }
                for initial in self
            ]
        )
        reinspections._pcs_schedule_activities(
            "property_renovation.mail_activity_renovation_reinspection",
            user=lambda inspection: inspection.user_id,
            date_deadline=lambda inspection: inspection.date,
            summary=lambda inspection: inspection.env._(
                "Re-inspect the renovated unit"
            ),
        )
        return reinspections

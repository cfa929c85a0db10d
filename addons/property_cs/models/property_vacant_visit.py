# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

VISIT_KINDS = [
    ("inspection", "Full Inspection"),
    ("cleaning", "Cleaning"),
    ("security", "Security Check"),
]
VACANT_STATES = ("unsold", "sold_vacant")
CRON_BATCH = 500
INSPECTION_BEFORE_DAY = 20  # default of res.company.pcs_vacant_inspection_day


def visit_periods(unit_state, day, inspection_day=INSPECTION_BEFORE_DAY):
    """(kind, period_key, due date) of the visits a vacant unit needs on ``day``.

    - full inspection: monthly, due before the ``inspection_day`` (the 20th,
      company setting);
    - cleaning: every half month for unsold units, monthly for sold units not
      moved in;
    - security check: weekly (ISO week, due on Sunday).
    """
    last_day = calendar.monthrange(day.year, day.month)[1]
    month_key = f"{day.year:04d}-{day.month:02d}"
    periods = [
        (
            "inspection",
            month_key,
            date(day.year, day.month, min(max(inspection_day - 1, 1), last_day)),
        ),
    ]
    if unit_state == "unsold":
        if day.day <= 15:
            periods.append(
                ("cleaning", f"{month_key}-H1", date(day.year, day.month, 15))
            )
        else:
            periods.append(
                ("cleaning", f"{month_key}-H2", date(day.year, day.month, last_day))
            )
    else:
        periods.append(("cleaning", month_key, date(day.year, day.month, last_day)))
    iso_year, iso_week, iso_weekday = day.isocalendar()
    periods.append(
        (
            "security",
            f"{iso_year:04d}-W{iso_week:02d}",
            day + timedelta(days=7 - iso_weekday),
        )
    )
    return periods


class PropertyVacantVisit(models.Model):
    """Scheduled visit of a vacant unit (空置房巡检 / 保洁 / 安全检查)."""

    _name = "property.vacant.visit"
    _description = "Vacant Unit Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.finding.source.mixin"]
    _order = "date_due, unit_id, kind"
    _pcs_finding_field = "visit_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    unit_state = fields.Selection(related="unit_id.state", string="Occupancy")
    kind = fields.Selection(VISIT_KINDS, required=True)
    period_key = fields.Char(
        string="Period",
        required=True,
        help="Month (2026-03), half month (2026-03-H1) "
        "or ISO week (2026-W10) the visit belongs to.",
    )
    date_due = fields.Date(string="Due", required=True, index=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Signed In By", readonly=True)
    date_signed = fields.Datetime(string="Signed In At", readonly=True)
    key_loan_id = fields.Many2one(
        "property.key.loan",
        check_company=True,
        domain="[('unit_id', '=', unit_id)]",
    )
    date_done = fields.Datetime(readonly=True)
    note = fields.Text(string="Result")
    finding_ids = fields.One2many("property.finding", "visit_id", string="Findings")
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    _sql_constraints = [
        (
            "unit_kind_period_uniq",
            "unique(unit_id, kind, period_key)",
            "This visit is already planned for the period.",
        )
    ]

    @api.depends("unit_id.code", "kind", "period_key")
    def _compute_name(self):
        kinds = dict(VISIT_KINDS)
        for visit in self:
            visit.name = (
                f"{visit.unit_id.code} {kinds.get(visit.kind, '')} {visit.period_key}"
            )

    @api.depends("date_due", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for visit in self:
            visit.is_overdue = (
                visit.state == "planned"
                and bool(visit.date_due)
                and visit.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        domain = [
            ("state", "=", "planned"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    # ------------------------------------------------------------------
    # On site
    # ------------------------------------------------------------------
    def action_sign_in(self):
        """现场签到: who, when; takes the open key loan of the unit if any."""
        for visit in self:
            if visit.state != "planned":
                raise UserError(self.env._("This visit is not planned any more."))
            loan = visit.key_loan_id or self.env["property.key.loan"].search(
                [("unit_id", "=", visit.unit_id.id), ("date_returned", "=", False)],
                limit=1,
            )
            visit.write(
                {
                    "user_id": self.env.uid,
                    "date_signed": fields.Datetime.now(),
                    "key_loan_id": loan.id,
                }
            )

    def action_done(self):
        for visit in self:
            if not visit.date_signed:
                raise UserError(self.env._("Sign in on site before closing the visit."))
        self.write({"state": "done", "date_done": fields.Datetime.now()})

    def action_cancel(self):
        self.filtered(lambda v: v.state == "planned").write({"state": "cancelled"})

    def _pcs_finding_defaults(self):
        return dict(
            super()._pcs_finding_defaults(),
            unit_id=self.unit_id.id,
            building_id=self.building_id.id,
            category="vacant_unit",
        )

    # ------------------------------------------------------------------
    # Scheduling
    # ------------------------------------------------------------------
    @api.model
    def _cron_generate(self, limit=CRON_BATCH):
        """Plan this period's visits of vacant units, never twice.

        Works through the vacant units in batches (by id), skipping units
        whose visits of the current periods already exist; the unique
        constraint (unit, kind, period) backs this up in the database.
        """
        today = fields.Date.context_today(self)
        # planned visits of units that are no longer vacant are cancelled
        self.search(
            [("state", "=", "planned"), ("unit_id.state", "not in", VACANT_STATES)]
        ).write({"state": "cancelled"})
        wanted_keys = sorted(
            {
                key
                for state in VACANT_STATES
                for _kind, key, _due in visit_periods(state, today)
            }
        )
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            lambda size: self._units_to_plan(wanted_keys, size),
            lambda units: self._plan_visits(units, wanted_keys, today),
            limit,
        )

    @api.model
    def _plan_visits(self, units, period_keys, today):
        """Create the missing visits of ``units`` for the current periods."""
        existing = {
            (visit.unit_id.id, visit.kind, visit.period_key)
            for visit in self.search(
                [("unit_id", "in", units.ids), ("period_key", "in", period_keys)]
            )
        }
        return self.create(
            [
                {"unit_id": unit.id, "kind": kind, "period_key": key, "date_due": due}
                for unit in units
                for kind, key, due in visit_periods(
                    unit.state, today, unit.company_id.pcs_vacant_inspection_day
                )
                if (unit.id, kind, key) not in existing
            ]
        )

    @api.model
    def _units_to_plan(self, period_keys, limit):
        """Active vacant units missing one of the current period's visits."""
        self.env.flush_all()
        query = SQL(
            """SELECT u.id FROM property_unit u
                WHERE u.active AND u.state IN %s
                  AND (SELECT count(DISTINCT v.kind) FROM property_vacant_visit v
                        WHERE v.unit_id = u.id AND v.period_key IN %s) < %s
             ORDER BY u.id""",
            VACANT_STATES,
            tuple(period_keys),
            len(VISIT_KINDS),
        )
        if limit:
            query = SQL("%s LIMIT %s", query, limit)
        self.env.cr.execute(query)
        return self.env["property.unit"].browse(
            row[0] for row in self.env.cr.fetchall()
        )

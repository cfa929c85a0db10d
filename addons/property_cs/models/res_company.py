# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    pcs_archive_retention_years = fields.Integer(
        string="Closed Archive Retention (years)",
        default=3,
        help="Closed owner archives are proposed for purge after this many years.",
    )
    pcs_access_request_hours = fields.Integer(
        string="Archive Access Validity (hours)",
        default=24,
        help="An approved archive access request expires after this many hours.",
    )
    pcs_handover_prepayment_months = fields.Integer(
        string="Handover Prepayment (months)",
        default=3,
        help="Months of service fee collected in advance at handover.",
    )
    pcs_card_free_per_household = fields.Integer(
        string="Free Cards per Household",
        default=3,
        help="Owner and resident cards a household gets without a fee.",
    )
    pcs_card_fee = fields.Monetary(
        string="Fee per Extra Card",
        default=50.0,
        currency_field="currency_id",
        help="Fee recorded as due for each card beyond the free ones.",
    )

    pcs_finding_fix_days = fields.Integer(
        string="Patrol Findings Fixed Within (days)",
        default=7,
        help="A problem found on a patrol or a vacant-unit visit becomes a "
        "request to fix within this many days unless a longer time is approved.",
    )
    pcs_vacant_inspection_day = fields.Integer(
        string="Vacant-Unit Inspection Before Day",
        default=20,
        help="The monthly full inspection of vacant units is due before this day "
        "of the month.",
    )
    pcs_pii_retention_years = fields.Integer(
        string="Personal Data Retention (years)",
        default=3,
        help="Former owners and residents are anonymised this many years after "
        "their ownership ended or they moved out (0 disables the clean-up).",
    )
    pcs_phone_lookup_limit = fields.Integer(
        string="Phone Look-ups per User",
        default=10,
        help="Searches by a full phone number one user may make within the "
        "look-up window; each one is written to the access log.",
    )
    pcs_phone_lookup_window = fields.Integer(
        string="Phone Look-up Window (minutes)",
        default=60,
        help="Sliding window of the phone look-up limit.",
    )

    # Service-desk time limits and callback rates (DOMAIN.md defaults).
    pcs_first_reply_minutes = fields.Integer(
        string="First Reply (minutes)",
        default=15,
        help="Minutes from registration to the first reply to the owner.",
    )
    pcs_dispatch_urgent_minutes = fields.Integer(
        string="Dispatch, Urgent (minutes)",
        default=5,
        help="Minutes from registration to the dispatch order of an urgent request.",
    )
    pcs_dispatch_normal_minutes = fields.Integer(
        string="Dispatch, Normal (minutes)",
        default=15,
        help="Minutes from registration to the dispatch order of a normal request.",
    )
    pcs_on_site_minutes = fields.Integer(
        string="Crew On Site (minutes)",
        default=15,
        help="Minutes from dispatch until the crew is on site.",
    )
    pcs_general_complaint_days = fields.Integer(
        string="General Complaint Resolved (days)",
        default=2,
        help="Days to resolve a general complaint unless the owner asked for a "
        "different deadline.",
    )
    pcs_important_complaint_minutes = fields.Integer(
        string="Important Complaint to Director (minutes)",
        default=30,
        help="Minutes within which an important complaint reaches the director.",
    )
    pcs_complaint_upgrade_months = fields.Integer(
        string="Automatic Upgrade to Major (months)",
        default=1,
        help="A valid complaint still open after this many months becomes major.",
    )
    pcs_callback_paid_repair_rate = fields.Integer(
        string="Callback Rate, Paid Repairs (%)",
        default=85,
        help="Share of the day's completed paid special repairs that get a callback.",
    )
    pcs_callback_other_rate = fields.Integer(
        string="Callback Rate, Other Requests (%)",
        default=30,
        help="Share of the day's other completed requests that get a callback.",
    )
    pcs_callback_complaint_days = fields.Integer(
        string="Complaint Callback After (days)",
        default=3,
        help="A complaint is called back this many days after its resolution "
        "(due within 7 days).",
    )
    pcs_callback_complaint_due_days = fields.Integer(
        string="Complaint Callback Due (days)",
        default=7,
        help="The complaint callback is due this many days after the resolution.",
    )
    pcs_callback_spot_check_rate = fields.Integer(
        string="Callback Spot Check (%)",
        default=10,
        help="Share of the month's callbacks re-checked by a manager.",
    )

    # ------------------------------------------------------------------
    # Working days (resource calendars with public holidays)
    # ------------------------------------------------------------------
    def _pcs_calendar(self):
        """The company's working calendar (Settings → Employees / the
        company's *Working Hours*), else Odoo's standard 40-hour week."""
        self.ensure_one()
        return (
            self.sudo().resource_calendar_id
            or self.env.ref("resource.resource_calendar_std").sudo()
        )

    def _pcs_tz(self):
        self.ensure_one()
        return pytz.timezone(
            self.partner_id.tz or self._pcs_calendar().tz or "Asia/Shanghai"
        )

    def _pcs_working_days(self, date_from, date_to):
        """Working days of the company between two dates (both included): the
        days its calendar works, less its public holidays (global leaves of the
        calendar, of every calendar, of the company or of no company: e.g.
        国庆节 and 春节, shipped as data and edited in Property → Configuration
        → Public Holidays)."""
        self.ensure_one()
        calendar = self._pcs_calendar()
        tz = self._pcs_tz()
        start = tz.localize(datetime.combine(date_from, time.min))
        end = tz.localize(datetime.combine(date_to, time.max))
        intervals = calendar._work_intervals_batch(
            start,
            end,
            tz=tz,
            domain=[
                ("time_type", "=", "leave"),
                ("company_id", "in", [self.id, False]),
            ],
        )[False]
        days = {
            interval_start.astimezone(tz).date()
            for interval_start, _stop, _meta in intervals
        }
        return days | self._pcs_makeup_workdays(calendar, start, end)

    def _pcs_makeup_workdays(self, calendar, start, end):
        """Make-up working days (调休上班) between two aware datetimes."""
        self.ensure_one()
        tz = start.tzinfo
        utc = pytz.utc
        makeups = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("pcs_makeup_workday", "=", True),
                    ("resource_id", "=", False),
                    ("calendar_id", "in", [False, calendar.id]),
                    ("company_id", "in", [self.id, False]),
                    ("date_from", "<=", end.astimezone(utc).replace(tzinfo=None)),
                    ("date_to", ">=", start.astimezone(utc).replace(tzinfo=None)),
                ]
            )
        )
        days = set()
        for makeup in makeups:
            day = utc.localize(makeup.date_from).astimezone(tz).date()
            last = utc.localize(makeup.date_to).astimezone(tz).date()
            while day <= last:
                if start.date() <= day <= end.date():
                    days.add(day)
                day += timedelta(days=1)
        return days

    def _pcs_is_working_day(self, day):
        self.ensure_one()
        return day in self._pcs_working_days(day, day)

    def _pcs_add_working_days(self, moment, days):
        """``moment`` (naive UTC) moved to the same local time ``days`` working
        days later (the days after the day of ``moment``)."""
        self.ensure_one()
        tz = self._pcs_tz()
        local = pytz.utc.localize(moment).astimezone(tz)
        day = local.date()
        # Wide enough for any holiday season (春节 is at most 9 days).
        span = max(days, 1) * 2 + 14
        found = []
        for _round in range(26):  # a calendar without working days: give up
            if len(found) >= days:
                break
            working = sorted(
                self._pcs_working_days(
                    day + timedelta(days=1), day + timedelta(days=span)
                )
            )
            found.extend(working[: days - len(found)])
            day += timedelta(days=span)
        if len(found) < days:
            return moment + timedelta(days=days)
        target = found[-1] if found else local.date()
        result = tz.localize(datetime.combine(target, local.time()))
        return result.astimezone(pytz.utc).replace(tzinfo=None)

    # Urging a request (催单)
    pcs_urge_interval_minutes = fields.Integer(
        string="Minutes Between Urges",
        default=30,
        help="An owner can urge a request once within this many minutes "
        "(0: no limit).",
    )
    pcs_urge_repeat_count = fields.Integer(
        string="Repeated Urge From",
        default=2,
        help="From this urge of a request on, its priority is raised and the "
        "customer-service managers are told; such requests count as urged "
        "repeatedly in the statistics (0: never).",
    )

    _sql_constraints = [
        (
            "pcs_urge_settings_positive",
            "CHECK(pcs_urge_interval_minutes >= 0 AND pcs_urge_repeat_count >= 0)",
            "The minutes between urges and the repeated urge cannot be negative.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._pcs_create_emergency_grades()
        return companies

    def _pcs_create_emergency_grades(self):
        """A new company gets the four emergency grades (I to IV) of the
        product, with their roles to notify: an emergency event needs its
        grade from the first day. Idempotent."""
        Grade = self.env["property.emergency.grade"].sudo()
        templates = Grade.browse(
            [
                grade.id
                for grade in (
                    self.env.ref(f"property_cs.property_emergency_grade_{n}", False)
                    for n in range(1, 5)
                )
                if grade
            ]
        )
        if not templates:
            return
        existing = {
            (grade.company_id.id, grade.grade)
            for grade in Grade.search([("company_id", "in", self.ids)])
        }
        for company in self:
            for template in templates:
                if (company.id, template.grade) not in existing:
                    # copy: the names and criteria keep their translations
                    template.copy({"company_id": company.id, "notify_user_ids": False})

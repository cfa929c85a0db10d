# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working days come from the company's resource calendar with the public
holidays (国庆节, 春节...) and make-up working days (调休上班) shipped as
data that the company edits."""

from datetime import date, datetime, timedelta

from odoo.tests import tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestWorkingDays(PropertyTestCommon):
    def _working(self, first, last):
        return sorted(self.company._pcs_working_days(first, last))

    def test_public_holidays_are_not_working_days(self):
        # 国庆节 2026: 1–7 October off, Saturday 10 October worked (调休).
        october = self._working(date(2026, 9, 28), date(2026, 10, 11))
        self.assertEqual(
            october,
            [
                date(2026, 9, 28),
                date(2026, 9, 29),
                date(2026, 9, 30),
                date(2026, 10, 8),
                date(2026, 10, 9),
                date(2026, 10, 10),
            ],
        )
        # 春节 2026: 15–23 February off, Saturdays 14 and 28 February worked.
        february = self._working(date(2026, 2, 14), date(2026, 2, 28))
        self.assertEqual(february[:2], [date(2026, 2, 14), date(2026, 2, 24)])
        self.assertEqual(february[-1], date(2026, 2, 28))
        self.assertNotIn(date(2026, 2, 16), february)
        # An ordinary week: Monday to Friday.
        self.assertEqual(
            self._working(date(2026, 6, 8), date(2026, 6, 14)),
            [date(2026, 6, 8) + timedelta(days=n) for n in range(5)],
        )

    def test_add_working_days(self):
        add = self.company._pcs_add_working_days
        # Shanghai 10:00 = 02:00 UTC
        friday = datetime(2026, 6, 5, 2, 0)
        self.assertEqual(add(friday, 3), datetime(2026, 6, 10, 2, 0))
        # Thursday before 端午节 (19–21 June): Monday, Tuesday, Wednesday.
        self.assertEqual(
            add(datetime(2026, 6, 18, 2, 0), 3), datetime(2026, 6, 24, 2, 0)
        )
        # Before 国庆节: 8, 9 and the make-up Saturday 10 October.
        self.assertEqual(
            add(datetime(2026, 9, 30, 2, 0), 3), datetime(2026, 10, 10, 2, 0)
        )

    def test_company_edits_its_holidays(self):
        Leave = self.env["resource.calendar.leaves"]
        # A company day off (the founding day), Wednesday 10 June.
        Leave.create(
            {
                "name": "Company day",
                "date_from": datetime(2026, 6, 9, 16, 0),
                "date_to": datetime(2026, 6, 10, 15, 59, 59),
                "company_id": self.company.id,
            }
        )
        self.assertFalse(self.company._pcs_is_working_day(date(2026, 6, 10)))
        self.assertEqual(
            self.company._pcs_add_working_days(datetime(2026, 6, 5, 2, 0), 3),
            datetime(2026, 6, 11, 2, 0),
        )
        # Another company's day off is not ours.
        other = self.env["res.company"].create({"name": "Other Property Co."})
        other.partner_id.tz = "Asia/Shanghai"
        Leave.create(
            {
                "name": "Their day",
                "date_from": datetime(2026, 6, 10, 16, 0),
                "date_to": datetime(2026, 6, 11, 15, 59, 59),
                "calendar_id": other.resource_calendar_id.id,
            }
        )
        self.assertTrue(self.company._pcs_is_working_day(date(2026, 6, 11)))
        self.assertFalse(other._pcs_is_working_day(date(2026, 6, 11)))
        # A public holiday removed by the company is a working day again.
        self.env.ref("property_cs.public_holiday_dragon_boat_2026").unlink()
        self.assertTrue(self.company._pcs_is_working_day(date(2026, 6, 19)))
        # The working week comes from the company's calendar.
        saturday = self.company.resource_calendar_id.attendance_ids[:2].copy(
            {"dayofweek": "5"}
        )
        self.assertTrue(saturday)
        self.assertTrue(self.company._pcs_is_working_day(date(2026, 6, 13)))

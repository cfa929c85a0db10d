# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PropertyNoticeTestCommon


@tagged("post_install", "-at_install")
class TestNoticeScope(PropertyNoticeTestCommon):
    """A notice reaches exactly the current owners of what it addresses."""

    def test_whole_project_reaches_every_owner_of_the_project_once(self):
        notice = self._publish(self._notice())
        self.assertEqual(
            notice.recipient_ids.partner_id,
            self.owner_a | self.owner_c | self.owner_d,
        )
        self.assertNotIn(self.owner_b, notice.recipient_ids.partner_id)
        row_a = notice.recipient_ids.filtered(lambda r: r.partner_id == self.owner_a)
        # One row per owner, with both of owner A's units.
        self.assertEqual(len(row_a), 1)
        self.assertEqual(row_a.unit_ids, self.unit_a | self.unit_a_2)
        self.assertEqual(notice.area, "Project A")
        self.assertEqual(notice.recipient_count, 3)

    def test_buildings_reach_only_their_owners(self):
        notice = self._publish(
            self._notice(
                scope="buildings", building_ids=[Command.set(self.building_a2.ids)]
            )
        )
        self.assertEqual(notice.recipient_ids.partner_id, self.owner_c | self.owner_d)
        self.assertEqual(notice.area, "Building A2")

    def test_units_reach_only_their_owners(self):
        notice = self._publish(
            self._notice(scope="units", unit_ids=[Command.set(self.unit_c2.ids)])
        )
        self.assertEqual(notice.recipient_ids.partner_id, self.owner_c | self.owner_d)
        self.assertEqual(notice.area, "A2-1-0102")
        self.assertEqual(
            notice.recipient_ids.mapped("unit_ids"), self.unit_c2, "only the unit named"
        )

    def test_unit_without_owner_and_former_owner_get_nothing(self):
        # Owner D sold their share: the ownership ended yesterday.
        ownership = self.unit_c2.archive_id.ownership_ids.filtered(
            lambda o: o.partner_id == self.owner_d
        )
        ownership.date_end = date.today().replace(day=1)
        notice = self._publish(
            self._notice(
                scope="units", unit_ids=[Command.set((self.unit_c2 | self.unit_a2).ids)]
            )
        )
        self.assertEqual(notice.recipient_ids.partner_id, self.owner_c)

    def test_new_owner_is_added_by_the_daily_listing_not_twice(self):
        notice = self._publish(
            self._notice(
                scope="buildings", building_ids=[Command.set(self.building_a2.ids)]
            )
        )
        self._send()
        owner_e = self._create_owner("Owner E")
        self._create_unit("A2-2-0101", owner_e, building=self.building_a2)
        # The same day: the listing is not run again.
        self._send()
        self.assertNotIn(owner_e, notice.recipient_ids.partner_id)
        notice.recipients_synced_at = notice.recipients_synced_at.replace(
            year=notice.recipients_synced_at.year - 1
        )
        self._send()
        self.assertEqual(
            notice.recipient_ids.partner_id, self.owner_c | self.owner_d | owner_e
        )
        row_e = notice.recipient_ids.filtered(lambda r: r.partner_id == owner_e)
        self.assertEqual(row_e.state, "sent")
        # A second listing adds nobody.
        self.assertFalse(notice._pcs_sync_recipients())
        self.assertEqual(len(notice.recipient_ids), 3)

    def test_buildings_and_units_of_another_project_are_refused(self):
        with self.assertRaises(ValidationError):
            self._notice(
                scope="buildings", building_ids=[Command.set(self.building_b.ids)]
            )
        with self.assertRaises(ValidationError):
            self._notice(scope="units", unit_ids=[Command.set(self.unit_b.ids)])

    def test_many_units_area_is_shortened(self):
        units = self._create_units(7, prefix="AX", owners=self.env["res.partner"])
        notice = self._notice(scope="units", unit_ids=[Command.set(units.ids)])
        self.assertEqual(
            notice.area,
            "AX-0000、AX-0001、AX-0002、AX-0003、AX-0004 and 2 more units",
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestOwnershipShares(PropertyTestCommon):
    def _archive(self, unit):
        return self.env["property.archive"].create(
            {"unit_id": unit.id, "date_open": "2024-01-01"}
        )

    def test_overlapping_shares_refused(self):
        archive = self._archive(self.unit_a2)
        Ownership = self.env["property.ownership"]
        Ownership.create(
            {
                "archive_id": archive.id,
                "partner_id": self.owner_a.id,
                "share": 60,
                "date_start": "2024-01-01",
            }
        )
        with self.assertRaisesRegex(ValidationError, "110.*cannot exceed 100%"):
            Ownership.create(
                {
                    "archive_id": archive.id,
                    "partner_id": self.owner_b.id,
                    "share": 50,
                    "date_start": "2024-06-01",
                }
            )

    def test_shares_in_sequence_allowed(self):
        archive = self._archive(self.unit_a2)
        Ownership = self.env["property.ownership"]
        Ownership.create(
            {
                "archive_id": archive.id,
                "partner_id": self.owner_a.id,
                "share": 100,
                "date_start": "2024-01-01",
                "date_end": "2024-05-31",
            }
        )
        later = Ownership.create(
            {
                "archive_id": archive.id,
                "partner_id": self.owner_b.id,
                "share": 100,
                "date_start": "2024-06-01",
            }
        )
        self.assertEqual(later.share, 100)
        # Extending the first one into the second's period is refused.
        with self.assertRaises(ValidationError):
            archive.ownership_ids.filtered(
                lambda o: o.partner_id == self.owner_a
            ).date_end = "2024-06-15"

    def test_joint_owners_up_to_hundred(self):
        archive = self._archive(self.unit_a2)
        archive.ownership_ids = [
            (
                0,
                0,
                {
                    "partner_id": self.owner_a.id,
                    "share": 50,
                    "date_start": "2024-01-01",
                },
            ),
            (
                0,
                0,
                {
                    "partner_id": self.owner_b.id,
                    "share": 50,
                    "date_start": "2024-01-01",
                },
            ),
        ]
        self.assertEqual(self.unit_a2.current_owner_ids, self.owner_a | self.owner_b)

    @mute_logger("odoo.sql_db")
    def test_share_bounds(self):
        archive = self._archive(self.unit_a2)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["property.ownership"].create(
                {"archive_id": archive.id, "partner_id": self.owner_a.id, "share": 0}
            )

    @mute_logger("odoo.sql_db")
    def test_one_current_archive_per_unit(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._archive(self.unit_a)
            self.env.flush_all()

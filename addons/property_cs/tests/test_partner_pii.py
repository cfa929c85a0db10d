# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .. import pii
from .common import VALID_ID, PropertyTestCommon, consent


@tagged("post_install", "-at_install")
class TestPartnerPersonalData(PropertyTestCommon):
    def test_invalid_id_numbers_refused(self):
        Partner = self.env["res.partner"]
        for bad, reason in (
            ("11010519491231002", "18 characters"),
            ("110105194912310021", "check digit"),
            ("11010519491331002X", "check digit"),
            ("1101051949123100AX", "17 digits"),
        ):
            with self.subTest(bad=bad):
                with self.assertRaisesRegex(ValidationError, reason):
                    Partner.create(
                        {
                            "name": "Bad",
                            "pcs_consent_ids": consent(),
                            "pcs_id_number": bad,
                        }
                    )

    def test_impossible_birth_date_refused(self):
        # Valid checksum, 31 February does not exist.
        first17 = "11010519490231002"
        number = first17 + pii.resident_id_check_digit(first17)
        with self.assertRaisesRegex(ValidationError, "birth date"):
            self.env["res.partner"].create(
                {"name": "Bad", "pcs_consent_ids": consent(), "pcs_id_number": number}
            )

    def test_valid_id_normalized(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Ok",
                "pcs_consent_ids": consent(),
                "pcs_id_number": " 11010519491231002x ",
            }
        )
        self.assertEqual(partner.pcs_id_number, VALID_ID)

    def test_other_id_types_not_checksummed(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Visitor",
                "pcs_id_type": "passport",
                "pcs_consent_ids": consent(),
                "pcs_id_number": "E1234567",
            }
        )
        self.assertEqual(partner.pcs_id_number_masked, "E12*4567")

    def test_front_desk_sees_masked_only(self):
        owner = self.owner_a.with_user(self.front_desk)
        self.assertEqual(owner.pcs_id_number_masked, "110***********002X")
        self.assertEqual(owner.pcs_phone_masked, "138****5678")
        with self.assertRaises(AccessError):
            owner.read(["pcs_id_number"])
        with self.assertRaises(AccessError):
            owner.read(["pcs_phone"])
        # Exports go through the same field access check.
        with self.assertRaises(AccessError):
            owner.export_data(["pcs_id_number"])
        data = owner.export_data(["name", "pcs_id_number_masked"])["datas"]
        self.assertEqual(data, [["Owner A", "110***********002X"]])

    def test_front_desk_cannot_search_raw_number(self):
        Partner = self.env["res.partner"].with_user(self.front_desk)
        with self.assertRaises(AccessError):
            Partner.search([("pcs_id_number", "like", "110105%")])
        with self.assertRaises(AccessError):
            Partner.search([], order="pcs_id_number")

    def test_personal_data_group_sees_full(self):
        owner = self.owner_a.with_user(self.privacy_officer)
        self.assertEqual(owner.pcs_id_number, VALID_ID)
        self.assertEqual(owner.pcs_phone, "13812345678")

    def test_phone_lookup_exact_or_last_four(self):
        Partner = self.env["res.partner"].with_user(self.front_desk)
        self.assertEqual(
            Partner.search([("pcs_phone_lookup", "=", "138 1234 5678")]), self.owner_a
        )
        self.assertEqual(
            Partner.search([("pcs_phone_lookup", "=", "+86 13812345678")]), self.owner_a
        )
        self.assertIn(self.owner_a, Partner.search([("pcs_phone_lookup", "=", "5678")]))
        # Partial middle digits reveal nothing.
        self.assertFalse(Partner.search([("pcs_phone_lookup", "ilike", "81234")]))

    def test_same_person_detected_by_fingerprint(self):
        twin = self.env["res.partner"].create(
            {
                "name": "Owner A again",
                "pcs_consent_ids": consent(),
                "pcs_id_number": VALID_ID.lower(),
            }
        )
        self.assertEqual(twin.pcs_find_same_person(), self.owner_a)

    def test_unit_search_by_owner_phone(self):
        Unit = self.env["property.unit"].with_user(self.front_desk)
        units = Unit.search(
            [("current_owner_ids.pcs_phone_lookup", "=", "13812345678")]
        )
        self.assertEqual(units, self.unit_a)

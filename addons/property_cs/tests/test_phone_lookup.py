# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The phone look-up finds the caller, and is no oracle for a number's hidden
digits."""

import json

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .. import pii
from .common import PropertyTestCommon

OWNER_PHONE = "13812345678"  # owner A, shown as 138****5678


def candidates():
    """The 10,000 numbers the mask 138****5678 leaves open, in order."""
    return [f"138{middle:04d}5678" for middle in range(10000)]


@tagged("post_install", "-at_install")
class TestPhoneLookup(PropertyTestCommon):
    def _lookups(self, user=None):
        return self.env["property.archive.access.log"].search(
            [
                ("action", "=", "phone_lookup"),
                ("user_id", "=", (user or self.front_desk).id),
            ]
        )

    def test_masks_hide_four_digits(self):
        self.assertEqual(self.owner_a.pcs_phone_masked, "138****5678")
        self.assertEqual(pii.mask_phone("021-5288 1234"), "021****1234")
        self.assertEqual(pii.mask_phone("52881234"), "****1234")
        self.assertEqual(pii.mask_phone("5288123"), "****123")

    def test_legitimate_lookup_finds_the_caller_and_is_logged(self):
        Partner = self.env["res.partner"].with_user(self.front_desk)
        frozen = freeze_time("2026-03-02 09:00:00")
        frozen.start()
        self.addCleanup(frozen.stop)
        found = Partner.search([("pcs_phone_lookup", "=", "138 1234 5678")])
        self.assertEqual(found, self.owner_a)
        log = self._lookups()
        self.assertEqual(len(log), 1)
        self.assertEqual(log.date.isoformat(), "2026-03-02T09:00:00")
        self.assertEqual(log.partner_id, self.owner_a)
        self.assertEqual(log.matched_partner_ids, self.owner_a)
        self.assertEqual(log.phone_hash, self.owner_a.sudo().pcs_phone_hash)
        self.assertEqual(log.company_id, self.env.company)
        # the same number again in the window is the same look-up
        Partner.search([("pcs_phone_lookup", "=", "+86 138 1234 5678")])
        self.assertEqual(len(self._lookups()), 1)
        # the four digits shown anyway are free and not logged
        self.assertIn(self.owner_a, Partner.search([("pcs_phone_lookup", "=", "5678")]))
        self.assertEqual(len(self._lookups()), 1)
        # a number nobody has is logged too, with nothing matched
        self.assertFalse(Partner.search([("pcs_phone_lookup", "=", "13900000000")]))
        self.assertEqual(len(self._lookups()), 2)
        self.assertFalse(self._lookups()[0].matched_partner_ids)

    def test_enumeration_fails_long_before_it_succeeds(self):
        """The attack of the issue: the masked value leaves 10,000 candidates;
        bisection needs many candidates per search, one by one needs
        thousands of searches."""
        Partner = self.env["res.partner"].with_user(self.front_desk)
        numbers = candidates()
        target = numbers.index(OWNER_PHONE)
        self.assertEqual(target, 1234)
        # Bisection: half the candidates OR-ed in one domain.
        half = numbers[:5000]
        domain = ["|"] * (len(half) - 1) + [
            ("pcs_phone_lookup", "=", number) for number in half
        ]
        with self.assertRaisesRegex(UserError, "one phone number"):
            Partner.search_count(domain, limit=1)
        with self.assertRaisesRegex(UserError, "one phone number"):
            Partner.search_count([("pcs_phone_lookup", "=", half)])
        # Negations and fragments answer nothing.
        self.assertFalse(Partner.search([("pcs_phone_lookup", "!=", OWNER_PHONE)]))
        self.assertFalse(Partner.search([("pcs_phone_lookup", "ilike", "381234")]))
        # One candidate per search: the limit stops the user after 10.
        tried = 0
        with freeze_time("2026-03-02 09:00:00"):
            with self.assertRaisesRegex(UserError, "10 phone numbers in the last 60"):
                for number in numbers:
                    Partner.search_count([("pcs_phone_lookup", "=", number)])
                    tried += 1
        self.assertEqual(tried, 10)
        self.assertEqual(len(self._lookups()), 10)
        # An hour later: ten more. Reaching the owner's number takes 124
        # hours of uninterrupted searching, all of them in the access log.
        with freeze_time("2026-03-02 10:00:01"):
            for number in numbers[10:20]:
                Partner.search_count([("pcs_phone_lookup", "=", number)])
            with self.assertRaises(UserError):
                Partner.search_count([("pcs_phone_lookup", "=", numbers[20])])
        self.assertEqual(len(self._lookups()), 20)
        self.assertGreater(target / 10, 120, "hours to reach the number")

    def test_other_paths_count_against_the_same_limit(self):
        self.env.company.pcs_phone_lookup_limit = 2
        Unit = self.env["property.unit"].with_user(self.front_desk)
        self.assertEqual(
            Unit.search([("current_owner_ids.pcs_phone_lookup", "=", OWNER_PHONE)]),
            self.unit_a,
        )
        Partner = self.env["res.partner"].with_user(self.front_desk)
        self.assertFalse(Partner.search([("pcs_phone_lookup", "=", "13800000001")]))
        with self.assertRaises(UserError):
            Unit.search([("current_owner_ids.pcs_phone_lookup", "=", "13800000002")])
        self.assertEqual(len(self._lookups()), 2)
        # No other field answers: the raw number and its fingerprint cannot be
        # searched, ordered, grouped or exported, the look-up field only shows
        # the mask and cannot be grouped or sorted, names do not match numbers.
        with self.assertRaises(AccessError):
            Partner.search([("pcs_phone", "=", OWNER_PHONE)])
        with self.assertRaises(AccessError):
            Partner.search([("pcs_phone_hash", "!=", False)])
        with self.assertRaises(AccessError):
            Partner.search([], order="pcs_phone")
        with self.assertRaises(AccessError):
            Partner.read_group([], ["pcs_phone_hash"], ["pcs_phone_hash"])
        with self.assertRaises(ValueError):
            Partner.read_group([], ["pcs_phone_lookup"], ["pcs_phone_lookup"])
        with self.assertRaises(ValueError):
            Partner.search([], order="pcs_phone_lookup")
        self.assertFalse(Partner.name_search(OWNER_PHONE))
        self.assertEqual(
            self.owner_a.with_user(self.front_desk).export_data(["pcs_phone_lookup"])[
                "datas"
            ],
            [["138****5678"]],
        )

    def test_limit_is_a_company_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            (settings.pcs_phone_lookup_limit, settings.pcs_phone_lookup_window),
            (10, 60),
        )
        self.env.company.pcs_phone_lookup_limit = 0
        with self.assertRaisesRegex(UserError, "turned off"):
            self.env["res.partner"].with_user(self.front_desk).search(
                [("pcs_phone_lookup", "=", OWNER_PHONE)]
            )


@tagged("post_install", "-at_install")
class TestPhoneLookupRpc(PropertyTestCommon, HttpCase):
    def _call(self, model, method, *args, **kwargs):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": kwargs,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_json_rpc_one_number_per_search(self):
        self.authenticate(self.front_desk.login, self.front_desk.login)
        domain = [
            "|",
            ("pcs_phone_lookup", "=", "13812345678"),
            ("pcs_phone_lookup", "=", "13800005678"),
        ]
        answer = self._call("res.partner", "search_count", domain)
        self.assertIn("one phone number", answer["error"]["data"]["message"])
        # Two related paths in one search are two numbers too.
        answer = self._call(
            "property.unit",
            "search_count",
            [
                "|",
                ("current_owner_ids.pcs_phone_lookup", "=", "13812345678"),
                ("current_owner_ids.pcs_phone_lookup", "=", "13800005678"),
            ],
        )
        self.assertIn("one phone number", answer["error"]["data"]["message"])
        answer = self._call(
            "res.partner",
            "web_search_read",
            [("pcs_phone_lookup", "=", "13812345678")],
            specification={"display_name": {}, "pcs_phone_masked": {}},
        )
        self.assertEqual(
            answer["result"]["records"],
            [
                {
                    "id": self.owner_a.id,
                    "display_name": "Owner A",
                    "pcs_phone_masked": "138****5678",
                }
            ],
        )
        logs = self.env["property.archive.access.log"].search(
            [("action", "=", "phone_lookup"), ("user_id", "=", self.front_desk.id)]
        )
        self.assertEqual(logs.matched_partner_ids, self.owner_a)

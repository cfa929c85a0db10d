# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval
from datetime import date

import psycopg2
from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestVacantVisit(PropertyTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_a.state = "occupied"
        cls.unit_a2.state = "unsold"
        cls.unit_b.state = "sold_vacant"
        cls.Visit = cls.env["property.vacant.visit"]

    def _keys(self, unit):
        visits = self.Visit.search([("unit_id", "=", unit.id)])
        return sorted((v.kind, v.period_key, v.date_due) for v in visits)

    def test_generation_idempotent_and_frequencies(self):
        with freeze_time("2026-03-05 01:00:00"):
            self.Visit._cron_generate()
            self.Visit._cron_generate()
            self.assertEqual(
                self._keys(self.unit_a2),
                [
                    ("cleaning", "2026-03-H1", date(2026, 3, 15)),
                    ("inspection", "2026-03", date(2026, 3, 19)),
                    ("security", "2026-W10", date(2026, 3, 8)),
                ],
            )
            self.assertEqual(
                self._keys(self.unit_b),
                [
                    ("cleaning", "2026-03", date(2026, 3, 31)),
                    ("inspection", "2026-03", date(2026, 3, 19)),
                    ("security", "2026-W10", date(2026, 3, 8)),
                ],
            )
            self.assertFalse(self._keys(self.unit_a))  # occupied: no visit
        with freeze_time("2026-03-10 01:00:00"):  # next week, same half month
            self.Visit._cron_generate()
            self.Visit._cron_generate()
            self.assertEqual(len(self._keys(self.unit_a2)), 4)
            self.assertEqual(len(self._keys(self.unit_b)), 4)
        with freeze_time("2026-03-16 01:00:00"):  # second half month, new week
            self.Visit._cron_generate()
            # unsold: cleaning every half month; sold not moved in: monthly
            self.assertIn(
                ("cleaning", "2026-03-H2", date(2026, 3, 31)), self._keys(self.unit_a2)
            )
            self.assertEqual(len(self._keys(self.unit_a2)), 6)
            self.assertEqual(len(self._keys(self.unit_b)), 5)
        with freeze_time("2026-04-01 01:00:00"):  # new month, new week
            self.Visit._cron_generate()
            self.Visit._cron_generate()
            self.assertEqual(len(self._keys(self.unit_a2)), 9)
            self.assertEqual(len(self._keys(self.unit_b)), 8)

    def test_vacant_unit_list_follows_state_and_prints(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_unit_vacant_action"
        )
        action["domain"] = literal_eval(action["domain"])
        Unit = self.env["property.unit"].with_user(self.front_desk)
        units = Unit.search(action["domain"])
        self.assertIn(self.unit_a2, units)
        self.assertNotIn(self.unit_a, units)
        self.assertNotIn(self.unit_b, units)  # other project
        html = (
            self.env["ir.actions.report"]
            .with_user(self.front_desk)
            ._render_qweb_html("property_cs.report_vacant_units", units.ids)[0]
            .decode()
        )
        self.assertIn(self.unit_a2.code, html)
        self.unit_a2.state = "occupied"
        self.assertNotIn(self.unit_a2, Unit.search(action["domain"]))

    def test_period_unique_in_database(self):
        with freeze_time("2026-03-05 01:00:00"):
            self.Visit._cron_generate()
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self.Visit.create(
                    {
                        "unit_id": self.unit_a2.id,
                        "kind": "inspection",
                        "period_key": "2026-03",
                        "date_due": date(2026, 3, 19),
                    }
                )

    def test_unit_no_longer_vacant_cancels_planned_visits(self):
        with freeze_time("2026-03-05 01:00:00"):
            self.Visit._cron_generate()
            self.unit_b.state = "occupied"
            self.Visit._cron_generate()
        visits = self.Visit.search([("unit_id", "=", self.unit_b.id)])
        self.assertEqual(set(visits.mapped("state")), {"cancelled"})

    def test_visit_sign_in_with_key_loan_and_finding_becomes_request(self):
        key_set = self.env["property.key.set"].create({"unit_id": self.unit_a2.id})
        with freeze_time("2026-03-05 09:00:00"):
            self.Visit._cron_generate()
            visit = self.Visit.search(
                [("unit_id", "=", self.unit_a2.id), ("kind", "=", "inspection")]
            )
            loan = (
                self.env["property.key.loan"]
                .with_user(self.front_desk)
                .create(
                    {
                        "key_set_id": key_set.id,
                        "borrower_user_id": self.front_desk.id,
                        "purpose": "inspection",
                    }
                )
            )
            visit.with_user(self.front_desk).action_sign_in()
            self.assertEqual(visit.user_id, self.front_desk)
            self.assertEqual(visit.key_loan_id, loan)
            photo = (
                self.env["ir.attachment"]
                .with_user(self.front_desk)
                .create(
                    {
                        "name": "leak.txt",
                        "raw": b"photo",
                        "res_model": "property.finding",
                    }
                )
            )
            finding = (
                self.env["property.finding"]
                .with_user(self.front_desk)
                .create(
                    {
                        "name": "Water leak in the bathroom",
                        "project_id": self.project_a.id,
                        "unit_id": self.unit_a2.id,
                        "visit_id": visit.id,
                        "category": "vacant_unit",
                        "attachment_ids": [(6, 0, photo.ids)],
                    }
                )
            )
            self.assertTrue(finding.ticket_id)
            self.assertEqual(finding.ticket_id.name, "Water leak in the bathroom")
            self.assertEqual(visit.finding_count, 1)
            self.assertEqual(photo.res_id, finding.id)
            self.assertEqual(
                self.env["ir.attachment"].search_count(
                    [
                        ("res_model", "=", "helpdesk.ticket"),
                        ("res_id", "=", finding.ticket_id.id),
                    ]
                ),
                1,
            )
            visit.with_user(self.front_desk).action_done()
            self.assertEqual(visit.state, "done")

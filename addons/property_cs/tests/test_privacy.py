# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import VALID_ID, VALID_ID_2, PropertyTestCommon


@tagged("post_install", "-at_install")
class TestPrivacy(PropertyTestCommon):
    def _log(self, partner):
        return self.env["property.archive.access.log"].search(
            [("partner_id", "=", partner.id)]
        )

    def _reveal(self, user, partner, field="id_number", **vals):
        action = partner.with_user(user).action_pcs_reveal_id()
        context = dict(action["context"], default_field=field)
        wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**context)
            .create(vals)
        )
        return wizard

    # Reveal ------------------------------------------------------------
    def test_reveal_needs_purpose_and_writes_one_row(self):
        wizard = self._reveal(self.privacy_officer, self.owner_a)
        self.assertFalse(wizard.value)
        self.assertEqual(wizard.masked_value, "110***********002X")
        with self.assertRaisesRegex(UserError, "purpose"):
            wizard.action_reveal()
        self.assertFalse(self._log(self.owner_a))
        wizard.write({"purpose": "service", "reason": "Verify identity at handover"})
        wizard.action_reveal()
        self.assertEqual(wizard.value, VALID_ID)
        wizard.action_reveal()  # pressing again: still one consultation
        with self.assertRaisesRegex(UserError, "new reveal"):
            wizard.partner_id = self.owner_b
        forged = self._reveal(
            self.privacy_officer,
            self.owner_b,
            state="revealed",
            purpose="other",
            reason="Skipping the log",
        )
        self.assertEqual(forged.state, "draft")
        self.assertFalse(forged.value)
        forged.write({"state": "revealed"})
        self.assertFalse(forged.value)
        self.assertFalse(self._log(self.owner_b))
        log = self._log(self.owner_a)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.action, "reveal_id")
        self.assertEqual(log.purpose, "service")
        self.assertEqual(log.user_id, self.privacy_officer)
        self.assertEqual(log.archive_id, self.archive_a)
        phone = self._reveal(
            self.privacy_officer,
            self.owner_a,
            field="phone",
            purpose="emergency",
            reason="Water leak in the flat below",
        )
        phone.action_reveal()
        self.assertEqual(phone.value, "13812345678")
        self.assertEqual(len(self._log(self.owner_a)), 2)

    def test_reveal_refused_outside_personal_data_group(self):
        with self.assertRaises(AccessError):
            self._reveal(
                self.front_desk, self.owner_a, purpose="service", reason="Just curious"
            ).action_reveal()
        self.assertFalse(self._log(self.owner_a))

    def test_reveal_from_ownership_line(self):
        ownership = self.archive_a.ownership_ids
        action = ownership.with_user(self.privacy_officer).action_pcs_reveal_id()
        self.assertEqual(action["context"]["default_partner_id"], self.owner_a.id)

    # Consent -----------------------------------------------------------
    def test_id_number_needs_consent(self):
        with self.assertRaisesRegex(ValidationError, "consent"):
            self.env["res.partner"].create(
                {"name": "No consent", "pcs_id_number": VALID_ID}
            )
        partner = self.env["res.partner"].create({"name": "Later"})
        with self.assertRaisesRegex(ValidationError, "consent"):
            partner.pcs_id_number = VALID_ID_2

    def test_collect_wizard_records_consent(self):
        partner = self.env["res.partner"].create({"name": "New Owner"})
        wizard = Form(
            self.env["property.pii.collect.wizard"]
            .with_user(self.privacy_officer)
            .with_context(default_partner_id=partner.id)
        )
        wizard.id_number = VALID_ID_2
        wizard.phone = "13700001111"
        wizard.channel = "counter"
        wizard.attachment = base64.b64encode(b"%PDF signed form")
        wizard.save().action_save()
        self.assertEqual(partner.pcs_id_number, VALID_ID_2)
        consent_rec = partner.pcs_consent_ids
        self.assertEqual(consent_rec.channel, "counter")
        self.assertEqual(consent_rec.user_id, self.privacy_officer)
        self.assertEqual(consent_rec.attachment_id.res_model, "property.consent")
        self.assertTrue(partner.pcs_has_consent)
        # The consent is evidence: neither changed nor deleted, only withdrawn.
        with self.assertRaises(UserError):
            consent_rec.with_user(self.privacy_officer).write({"channel": "paper"})
        with self.assertRaises(UserError):
            consent_rec.sudo().unlink()
        consent_rec.with_user(self.privacy_officer).action_withdraw()
        self.assertTrue(consent_rec.date_withdrawn)
        self.assertFalse(partner.pcs_id_number)
        self.assertFalse(partner.pcs_id_number_masked)

    # Export ------------------------------------------------------------
    def test_export_json_and_xlsx_logged(self):
        wizard = (
            self.env["property.personal.data.export.wizard"]
            .with_user(self.privacy_officer)
            .create(
                {
                    "partner_id": self.owner_a.id,
                    "purpose": "owner_request",
                    "reason": "Written request of 2 March",
                }
            )
        )
        wizard.action_export()
        self.assertEqual(len(wizard.attachment_ids), 2)
        json_file = wizard.attachment_ids.filtered(lambda a: a.name.endswith(".json"))
        data = json.loads(json_file.raw)
        self.assertEqual(data["person"]["id_number"], VALID_ID)
        self.assertEqual(data["ownerships"][0]["archive"], self.archive_a.name)
        self.assertEqual(data["consents"][0]["channel"], "counter")
        self.assertIn("tickets", data)
        log = self._log(self.owner_a)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.action, "export")
        # The files are the requester's: a colleague cannot read them.
        with self.assertRaises(AccessError):
            json_file.with_user(self.front_desk).read(["raw"])
        with self.assertRaises(AccessError):
            self.env["property.personal.data.export.wizard"].with_user(
                self.front_desk
            ).create({"partner_id": self.owner_a.id})

    # Archive opening -----------------------------------------------------
    def test_archive_manager_opens_with_purpose_one_row_per_open(self):
        archive = self.archive_a.with_user(self.director)
        spec = {"name": {}, "document_ids": {"fields": {"type_id": {}}}}
        for reason in ("Check the covenant copy", "Court request"):
            action = archive.action_open_full()
            wizard = (
                self.env[action["res_model"]]
                .with_user(self.director)
                .with_context(**action["context"])
                .create({"purpose": "legal", "reason": reason})
            )
            form = wizard.action_open()
            self.assertEqual(form["res_id"], archive.id)
            archive.with_context(**form["context"]).web_read(spec)
        logs = self.env["property.archive.access.log"].search(
            [("archive_id", "=", archive.id)]
        )
        self.assertEqual(len(logs), 2)
        self.assertEqual(set(logs.mapped("purpose")), {"legal"})

    # Retention ---------------------------------------------------------
    def test_retention_anonymises_former_owners_only_once(self):
        self.env.company.pcs_pii_retention_years = 2
        resident = self.env["res.partner"].create(
            {"name": "Tenant T", "email": "t@example.com", "street": "Road 1"}
        )
        self.archive_a.resident_ids = [
            (
                0,
                0,
                {
                    "partner_id": resident.id,
                    "relation": "tenant",
                    "date_start": "2019-01-01",
                    "date_end": "2021-06-30",
                },
            )
        ]
        # A former owner of unit A1-1-0102, who sold in June 2024.
        former = self._create_owner("Former Owner", id_number=VALID_ID_2)
        self.env["property.archive"].create(
            {
                "unit_id": self.unit_a2.id,
                "date_open": "2020-01-01",
                "ownership_ids": [
                    (
                        0,
                        0,
                        {
                            "partner_id": former.id,
                            "date_start": "2020-01-01",
                            "date_end": "2024-06-30",
                        },
                    )
                ],
            }
        )
        Partner = self.env["res.partner"]
        with freeze_time("2026-03-01"):
            Partner._cron_pcs_retention()
            Partner._cron_pcs_retention()
        self.assertTrue(resident.pcs_anonymised)
        self.assertEqual(resident.name, f"ANON-{resident.id:06d}")
        self.assertFalse(resident.email or resident.street)
        self.assertEqual(resident.pcs_anonymised_date, date(2026, 3, 1))
        # The former owner left in June 2024: less than two years ago.
        self.assertFalse(former.pcs_anonymised)
        self.assertEqual(former.pcs_id_number, VALID_ID_2)
        # Owner A is a current owner.
        self.assertFalse(self.owner_a.pcs_anonymised)
        with freeze_time("2026-01-01"):
            Partner._cron_pcs_retention()
        with freeze_time("2026-07-01"):
            Partner._cron_pcs_retention()
            self.assertTrue(former.pcs_anonymised)
            self.assertFalse(former.pcs_id_number)
            self.assertFalse(former.pcs_phone_masked)
            write_date = former.write_date
            Partner._cron_pcs_retention()
            self.assertEqual(former.write_date, write_date)
        self.assertTrue(former.exists())
        self.assertFalse(self.owner_a.pcs_anonymised)

    def test_retention_keeps_people_with_a_login(self):
        """An owner who uses the portal keeps his data, however old the tie."""
        self.env.company.pcs_pii_retention_years = 2
        self.archive_b.ownership_ids.write({"date_end": date(2024, 6, 30)})
        with freeze_time("2027-01-01"):
            self.env["res.partner"]._cron_pcs_retention()
        self.assertFalse(self.owner_b.pcs_anonymised)
        self.assertEqual(self.owner_b.pcs_id_number, VALID_ID_2)

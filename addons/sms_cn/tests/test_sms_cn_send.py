# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import timedelta
from unittest.mock import patch

import requests

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.sms.tools.sms_api import SmsApi

from .common import SmsCnCommon


@tagged("post_install", "-at_install")
class TestSmsCnSend(SmsCnCommon):
    """Test mode (no provider contacted), template mapping, refusals, IAP
    fallback. The providers' own tests are in sms_aliyun and
    sms_tencentcloud."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gateway = cls._make_gateway(cls.company, state="test")
        cls.dunning, cls.outage = cls._make_templates(cls.gateway, "SMS_1", "SMS_2")
        cls.odoo_template = cls.env["sms.template"].create(
            {
                "name": "催缴提醒",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "body": "尊敬的业主，您的{{ object.ref or '' }}物业费"
                "{{ object.function or '' }}元尚未缴纳，请于6月30日前缴纳。",
            }
        )
        cls.dunning.sms_template_ids = cls.odoo_template
        for index, owner in enumerate(cls.owners):
            owner.write({"ref": f"A-1-030{index}", "function": f"{index + 1}00.00"})

    def _no_http(self):
        """Fail the test if anything is sent to a provider."""
        return patch.object(
            requests.Session, "send", side_effect=AssertionError("HTTP request sent")
        )

    def test_test_mode_logs_as_sent_and_sends_nothing(self):
        sms = self._dunning_sms()
        self.assertEqual(
            sms.body,
            "尊敬的业主，您的A-1-0302物业费1,280.00元尚未缴纳，请于5月31日前缴纳。",
        )
        with self._no_http():
            sms._send()
        self.assertRecordValues(
            sms,
            [
                {
                    "state": "pending",
                    "failure_type": False,
                    "sms_cn_gateway_id": self.gateway.id,
                    "sms_cn_template_id": self.dunning.id,
                    "sms_cn_template_code": "SMS_1",
                    "sms_cn_test_mode": True,
                    "to_delete": False,
                }
            ],
        )
        self.assertEqual(
            json.loads(sms.sms_cn_params_json),
            {"unit": "A-1-0302", "amount": "1,280.00", "date": "5月31日"},
        )
        self.assertTrue(sms.sms_cn_sent_date)

    def test_free_text_without_template_is_refused(self):
        sms = self.env["sms.sms"].create(
            {
                "number": "13800138000",
                "body": "Dear owner, please pay.",
                "sms_cn_company_id": self.company.id,
            }
        )
        with self._no_http():
            sms._send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_cn_no_template")
        self.assertIn("Chinese carriers reject free text", sms.sms_cn_error_message)

    def test_refusal_is_written_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["sms_cn"], ["zh_CN"])
        clerk = new_test_user(
            self.env, login="sms_cn_clerk", groups="base.group_user", lang="zh_CN"
        )
        sms = (
            self.env["sms.sms"]
            .with_user(clerk)
            .sudo()
            .create(
                {
                    "number": "13800138000",
                    "body": "明天上午停水。",
                    "sms_cn_company_id": self.company.id,
                }
            )
        )
        sms._send()
        self.assertEqual(sms.failure_type, "sms_cn_no_template")
        self.assertIn("不能发送自由文本", sms.sms_cn_error_message)

    def test_message_sms_on_a_document_updates_its_notification(self):
        owner = self.owners[0]
        with self._no_http():
            message = owner._message_sms_with_template(
                template=self.odoo_template, partner_ids=owner.ids
            )
        notification = message.notification_ids
        self.assertEqual(notification.notification_type, "sms")
        self.assertEqual(notification.notification_status, "pending")
        sms = self.env["sms.sms"].search([("mail_message_id", "=", message.id)])
        self.assertEqual(sms.sms_cn_company_id, self.company)
        self.assertEqual(sms.sms_cn_sms_template_id, self.odoo_template)
        self.assertEqual(sms.sms_cn_template_id, self.dunning)
        self.assertEqual(
            json.loads(sms.sms_cn_params_json),
            {"unit": "A-1-0300", "amount": "100.00", "date": "6月30日"},
        )
        # free text on the same document: refused, the notification in error
        with self._no_http():
            message = owner._message_sms(
                "您好，请到前台领取快递。", partner_ids=owner.ids
            )
        self.assertEqual(message.notification_ids.notification_status, "exception")
        self.assertEqual(message.notification_ids.failure_type, "sms_cn_no_template")
        self.assertIn("free text", message.notification_ids.failure_reason)

    def test_composer_mass_send_with_an_odoo_template(self):
        composer = (
            self.env["sms.composer"]
            .with_context(
                default_res_model="res.partner",
                default_res_ids=self.owners.ids,
                default_composition_mode="mass",
                default_template_id=self.odoo_template.id,
            )
            .create({"mass_force_send": True, "mass_keep_log": True})
        )
        with self._no_http():
            composer.action_send_sms()
        sms = self.env["sms.sms"].search([("partner_id", "in", self.owners.ids)])
        self.assertEqual(len(sms), 3)
        self.assertEqual(set(sms.mapped("state")), {"pending"})
        self.assertEqual(set(sms.mapped("sms_cn_template_code")), {"SMS_1"})
        self.assertEqual(sms.sms_cn_company_id, self.company)
        # the Odoo template was changed into something not registered
        self.odoo_template.body = "尊敬的业主，请尽快缴纳物业费。"
        composer = (
            self.env["sms.composer"]
            .with_context(
                default_res_model="res.partner",
                default_res_ids=self.owners[0].ids,
                default_composition_mode="mass",
                default_template_id=self.odoo_template.id,
            )
            .create({"mass_force_send": True})
        )
        composer.action_send_sms()
        changed = self.env["sms.sms"].search(
            [("partner_id", "=", self.owners[0].id), ("state", "=", "error")]
        )
        self.assertEqual(changed.failure_type, "sms_cn_no_template")
        self.assertIn("was the Odoo SMS template changed", changed.sms_cn_error_message)

    def test_explicit_template_needs_every_parameter(self):
        sms = self._dunning_sms(date="")
        sms._send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_cn_template")
        self.assertIn("needs a value for: date", sms.sms_cn_error_message)
        unknown = self.env["sms.sms"].create(
            {
                "number": "13800138000",
                "body": "x",
                "sms_cn_company_id": self.company.id,
                "sms_cn_template_key": "property_parking_notice",
                "sms_cn_params_json": "{}",
            }
        )
        unknown._send()
        self.assertEqual(unknown.failure_type, "sms_cn_no_template")
        self.assertIn("property_parking_notice", unknown.sms_cn_error_message)

    def test_numbers_outside_mainland_china_are_refused(self):
        sms = self._dunning_sms(number="+1 650 555 0100") | self._dunning_sms(
            number="010-6552 8888"
        )
        sms._send()
        self.assertEqual(
            sms.mapped("failure_type"),
            ["sms_country_not_supported", "sms_number_format"],
        )

    def test_company_without_gateway_still_uses_iap(self):
        """Company 2 has no gateway: its SMS go to Odoo's IAP service
        unchanged; company 1's go to its gateway, in the same batch."""
        iap_result = []

        def _send_sms_batch(api, messages, delivery_reports_url=False):
            iap_result.extend(messages)
            return [
                {"uuid": number["uuid"], "state": "success"}
                for message in messages
                for number in message["numbers"]
            ]

        sms_iap = self.env["sms.sms"].create(
            {
                "number": "13600136003",
                "body": "Dear owner, please pay.",
                "partner_id": self.owner_2.id,
                "sms_cn_company_id": self.company_2.id,
            }
        )
        sms_cn = self._dunning_sms()
        self.assertFalse(self.company_2.sms_cn_gateway_id)
        with patch.object(SmsApi, "_send_sms_batch", _send_sms_batch), self._no_http():
            (sms_iap | sms_cn).send()
        self.assertEqual(
            [message["content"] for message in iap_result], ["Dear owner, please pay."]
        )
        self.assertFalse(sms_iap.sms_cn_gateway_id)
        self.assertTrue(sms_iap.to_delete)  # IAP's own handling, as before
        self.assertEqual(sms_cn.state, "pending")
        self.assertFalse(sms_cn.to_delete)
        # the API falls back to the given text without a gateway
        values = self.env["sms.sms"]._sms_cn_template_values(
            "property_dunning_reminder",
            {"unit": "B-2-0101"},
            company=self.company_2,
            body="Dear owner, B-2-0101 is unpaid.",
        )
        self.assertEqual(values["body"], "Dear owner, B-2-0101 is unpaid.")

    def test_disabled_gateway_sends_through_iap(self):
        self.gateway.state = "disabled"
        sms = self._dunning_sms()
        with patch.object(
            SmsApi,
            "_send_sms_batch",
            return_value=[{"uuid": sms.uuid, "state": "success"}],
        ) as iap:
            sms.send()
        iap.assert_called_once()
        self.assertFalse(sms.sms_cn_gateway_id)

    def test_sent_sms_are_kept_then_handed_to_the_clean_up(self):
        sms = self._dunning_sms()
        sms._send()
        self.env["sms.sms"]._gc_sms_cn_kept()
        self.assertFalse(sms.to_delete)
        self.env.cr.execute(
            "UPDATE sms_sms SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=181), sms.id),
        )
        sms.invalidate_recordset(["create_date"])
        self.env["sms.sms"]._gc_sms_cn_kept()
        self.assertTrue(sms.to_delete)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import TransactionCase, tagged

from .common import KEY_1, KEY_2, AliyunCommonMixin


@tagged("post_install", "-at_install")
class TestAliyunSend(AliyunCommonMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._aliyun_setup()

    def test_one_sms_goes_out_through_sendsms(self):
        sms = self._dunning_sms(number="138 0013 8000")
        sms._send()
        [request] = self.fake.requests
        self.assertEqual(request.action, "SendSms")
        self.assertEqual(request.account, KEY_1)  # the signature was verified
        self.assertEqual(request.query["PhoneNumbers"], "+8613800138000")
        self.assertEqual(request.query["SignName"], "阳光花园物业")
        self.assertEqual(request.query["TemplateCode"], "SMS_480125001")
        self.assertEqual(
            json.loads(request.query["TemplateParam"]),
            {"unit": "A-1-0302", "amount": "1,280.00", "date": "5月31日"},
        )
        self.assertEqual(request.query["OutId"], sms.uuid)
        self.assertEqual(
            self.fake.sent[0]["content"],
            "【阳光花园物业】尊敬的业主，您的A-1-0302物业费1,280.00元尚未缴纳，请于5月31日前缴纳。",
        )
        self.assertRecordValues(
            sms,
            [
                {
                    "state": "pending",
                    "failure_type": False,
                    "sms_cn_provider_ref": request.answer["BizId"],
                    "sms_cn_test_mode": False,
                    "sms_cn_template_code": "SMS_480125001",
                }
            ],
        )

    def test_composer_mass_send_goes_out_by_100_with_sendbatchsms(self):
        owners = self.env["res.partner"].create(
            [
                {
                    "name": f"业主{index:03d}",
                    "mobile": f"1390000{index:04d}",
                    "ref": f"C-{index:04d}",
                    "company_id": self.company.id,
                }
                for index in range(150)
            ]
        )
        template = self.env["sms.template"].create(
            {
                "name": "停水通知",
                "model_id": self.env["ir.model"]._get_id("res.partner"),
                "body": "尊敬的业主：因管道检修，{{ object.ref }}将于6月1日8:00至"
                "6月1日18:00暂停供水，请提前做好准备。给您带来不便，敬请谅解。",
            }
        )
        self.outage.sms_template_ids = template
        composer = (
            self.env["sms.composer"]
            .with_context(
                default_res_model="res.partner",
                default_res_ids=owners.ids,
                default_composition_mode="mass",
                default_template_id=template.id,
            )
            .create({"mass_force_send": True, "mass_keep_log": False})
        )
        composer.action_send_sms()
        batches = self.fake.actions("SendBatchSms")
        self.assertEqual(len(batches), 2)
        self.assertEqual(
            [len(json.loads(b.form["PhoneNumberJson"])) for b in batches], [100, 50]
        )
        first = batches[0]
        self.assertEqual(first.query, {"TemplateCode": "SMS_480125002"})
        self.assertEqual(json.loads(first.form["PhoneNumberJson"])[0], "+8613900000000")
        self.assertEqual(set(json.loads(first.form["SignNameJson"])), {"阳光花园物业"})
        self.assertEqual(
            json.loads(first.form["TemplateParamJson"])[0],
            {
                "reason": "管道检修",
                "area": "C-0000",
                "start": "6月1日8:00",
                "end": "6月1日18:00",
                "outage": "供水",
            },
        )
        sms = self.env["sms.sms"].search([("partner_id", "in", owners.ids)])
        self.assertEqual(len(sms), 150)
        self.assertEqual(set(sms.mapped("state")), {"pending"})
        self.assertEqual(
            set(sms.mapped("sms_cn_provider_ref")),
            {b.answer["BizId"] for b in batches},
        )

    def test_unregistered_template_or_signature_is_an_error_on_the_sms(self):
        self.dunning.code = "SMS_000000000"  # not approved on this account
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_cn_template")
        self.assertEqual(sms.sms_cn_error_code, "isv.SMS_TEMPLATE_ILLEGAL")
        self.assertIn("refused template SMS_000000000", sms.sms_cn_error_message)
        self.assertIn("该账号下找不到对应模板", sms.sms_cn_error_message)

        self.dunning.code = "SMS_480125001"
        self.gateway.sign_name = "阳光物业"
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.failure_type, "sms_cn_signature")
        self.assertIn("【阳光物业】", sms.sms_cn_error_message)

    def test_throttling_is_a_sending_limit(self):
        self.fake.throttled_numbers = {"13800138000"}
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.failure_type, "sms_cn_limit")
        self.assertEqual(sms.sms_cn_error_code, "isv.BUSINESS_LIMIT_CONTROL")
        self.fake.throttle_api = True
        sms = self._dunning_sms(number="13900139000")
        sms._send()
        self.assertEqual(sms.failure_type, "sms_cn_limit")
        self.assertEqual(sms.sms_cn_error_code, "Throttling.User")
        self.assertIn("Resend later", sms.sms_cn_error_message)

    def test_wrong_secret_is_refused_by_the_signature_check(self):
        self.gateway.aliyun_access_key_secret = "not-the-secret"
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_acc")
        self.assertEqual(sms.sms_cn_error_code, "SignatureDoesNotMatch")
        self.assertEqual(len(self.fake.sent), 0)

    def test_timeout_is_a_server_error_that_says_so(self):
        self.fake.delay = 2  # the gateway waits 1 second
        sms = self._dunning_sms() | self._dunning_sms(number="13900139000")
        sms._send()
        self.assertEqual(sms.mapped("failure_type"), ["sms_server", "sms_server"])
        self.assertEqual(sms.mapped("sms_cn_error_code"), ["Timeout", "Timeout"])
        self.assertIn("did not answer within 1 seconds", sms[0].sms_cn_error_message)
        # one request only: after a timeout the rest of the batch is not tried
        self.assertEqual(len(self.fake.requests), 1)

    def test_each_company_sends_with_its_own_account(self):
        sms_1 = self._dunning_sms()
        sms_2 = self._dunning_sms(number="13600136003", company=self.company_2)
        (sms_1 | sms_2)._send()
        by_account = {r.account: r for r in self.fake.requests}
        self.assertEqual(set(by_account), {KEY_1, KEY_2})
        self.assertEqual(by_account[KEY_1].query["SignName"], "阳光花园物业")
        self.assertEqual(by_account[KEY_2].query["SignName"], "绿城物业")
        self.assertEqual(by_account[KEY_2].query["TemplateCode"], "SMS_490000001")
        self.assertEqual(sms_1.sms_cn_gateway_id, self.gateway)
        self.assertEqual(sms_2.sms_cn_gateway_id, self.gateway_2)
        self.assertEqual((sms_1 | sms_2).mapped("state"), ["pending", "pending"])

    def test_queued_sms_go_out_with_the_queue_job(self):
        """SMS written in the queue (as dunning does) leave with Odoo's SMS
        queue job through the gateway."""
        sms = self._dunning_sms()
        self.assertEqual(sms.state, "outgoing")
        self.env["sms.sms"]._process_queue()
        self.assertEqual(sms.state, "pending")
        self.assertEqual(len(self.fake.actions("SendSms")), 1)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from .common import (
    APP_1,
    APP_2,
    DUNNING_ID,
    ID_1,
    ID_2,
    OUTAGE_ID,
    TencentCloudCommonMixin,
)

OUTAGE = {
    "reason": "供电线路检修",
    "area": "3号楼",
    "start": "6月1日8:00",
    "end": "6月1日18:00",
    "outage": "供电",
}


@tagged("post_install", "-at_install")
class TestTencentCloudSend(TencentCloudCommonMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tencentcloud_setup()

    def _outage_sms(self, numbers, **params):
        Sms = self.env["sms.sms"]
        values = Sms._sms_cn_template_values(
            "property_outage_notice", dict(OUTAGE, **params), company=self.company
        )
        return Sms.create([dict(values, number=number) for number in numbers])

    def test_one_sms_goes_out_with_sendsms(self):
        sms = self._dunning_sms(number="+86 138 0013 8000")
        sms._send()
        [request] = self.fake.requests
        self.assertEqual(request.account, ID_1)  # the signature was verified
        self.assertEqual(request.headers["x-tc-action"], "SendSms")
        self.assertEqual(request.headers["x-tc-version"], "2021-01-11")
        self.assertEqual(request.headers["x-tc-region"], "ap-guangzhou")
        self.assertEqual(
            request.json,
            {
                "PhoneNumberSet": ["+8613800138000"],
                "SmsSdkAppId": APP_1,
                "SignName": "阳光花园物业",
                "TemplateId": DUNNING_ID,
                "TemplateParamSet": ["A-1-0302", "1,280.00", "5月31日"],
            },
        )
        [sent] = self.fake.sent
        self.assertEqual(
            sent["content"],
            "【阳光花园物业】尊敬的业主，您的A-1-0302物业费1,280.00元尚未缴纳，请于5月31日前缴纳。",
        )
        self.assertEqual(sms.state, "pending")
        self.assertEqual(sms.sms_cn_provider_ref, sent["serial"])

    def test_a_notice_to_250_owners_goes_out_in_requests_of_200(self):
        numbers = [f"1370000{index:04d}" for index in range(250)]
        sms = self._outage_sms(numbers)
        sms._send()
        requests = self.fake.actions("SendSms")
        self.assertEqual([len(r.json["PhoneNumberSet"]) for r in requests], [200, 50])
        self.assertEqual(
            requests[0].json["TemplateParamSet"],
            ["供电线路检修", "3号楼", "6月1日8:00", "6月1日18:00", "供电"],
        )
        self.assertEqual(set(sms.mapped("state")), {"pending"})
        self.assertEqual(len(set(sms.mapped("sms_cn_provider_ref"))), 250)

    def test_other_values_or_the_same_number_twice_go_in_other_requests(self):
        sms = (
            self._outage_sms(["13700000001", "13700000002"])
            | self._outage_sms(["13700000003"], area="5号楼")
            | self._outage_sms(["13700000001"])
        )
        sms._send()
        self.assertEqual(
            [r.json["PhoneNumberSet"] for r in self.fake.requests],
            [
                ["+8613700000001", "+8613700000002"],
                ["+8613700000001"],
                ["+8613700000003"],
            ],
        )
        self.assertEqual(set(sms.mapped("state")), {"pending"})

    def test_a_refused_number_fails_alone(self):
        self.fake.limited_numbers = {"13700000002"}
        sms = self._outage_sms(["13700000001", "13700000002", "13700000003"])
        sms._send()
        self.assertEqual(len(self.fake.requests), 1)
        self.assertEqual(sms.mapped("state"), ["pending", "error", "pending"])
        self.assertEqual(sms[1].failure_type, "sms_cn_limit")
        self.assertEqual(
            sms[1].sms_cn_error_code, "LimitExceeded.PhoneNumberDailyLimit"
        )
        self.assertIn(
            "单个手机号日下发短信条数超过设定的上限", sms[1].sms_cn_error_message
        )

    def test_refusals_of_the_whole_request(self):
        self.dunning.code = "1839999"
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.failure_type, "sms_cn_template")
        self.assertEqual(
            sms.sms_cn_error_code, "FailedOperation.TemplateIncorrectOrUnapproved"
        )
        self.assertIn("refused template 1839999", sms.sms_cn_error_message)
        self.dunning.code = DUNNING_ID

        self.gateway.sign_name = "阳光物业"
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.failure_type, "sms_cn_signature")
        self.gateway.sign_name = "阳光花园物业"

        self.gateway.tencentcloud_secret_key = "not-the-key"
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.failure_type, "sms_acc")
        self.assertEqual(sms.sms_cn_error_code, "AuthFailure.SignatureFailure")
        self.gateway.tencentcloud_secret_key = "key-of-company-one-0123456789"

        self.fake.request_limit = True
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.failure_type, "sms_cn_limit")
        self.assertEqual(sms.sms_cn_error_code, "RequestLimitExceeded")
        self.assertEqual(len(self.fake.sent), 0)

    def test_timeout_is_a_server_error_that_says_so(self):
        self.fake.delay = 2  # the gateway waits 1 second
        sms = self._dunning_sms()
        sms._send()
        self.assertEqual(sms.failure_type, "sms_server")
        self.assertEqual(sms.sms_cn_error_code, "Timeout")
        self.assertIn("may have sent the SMS anyway", sms.sms_cn_error_message)

    def test_each_company_sends_with_its_own_account(self):
        sms_1 = self._dunning_sms()
        sms_2 = self._dunning_sms(number="13600136003", company=self.company_2)
        (sms_1 | sms_2)._send()
        by_account = {r.account: r.json for r in self.fake.requests}
        self.assertEqual(by_account[ID_1]["SmsSdkAppId"], APP_1)
        self.assertEqual(by_account[ID_2]["SmsSdkAppId"], APP_2)
        self.assertEqual(by_account[ID_2]["SignName"], "绿城物业")
        self.assertEqual((sms_1 | sms_2).mapped("state"), ["pending", "pending"])

    def test_composer_on_one_document(self):
        owner = self.owners[1]
        composer = (
            self.env["sms.composer"]
            .with_context(
                default_res_model="res.partner",
                default_res_id=owner.id,
                default_composition_mode="comment",
            )
            .create(
                {
                    "body": "尊敬的业主：因水管爆裂，2号楼将于今天14:00至今天18:00"
                    "暂停供水，请提前做好准备。给您带来不便，敬请谅解。"
                }
            )
        )
        composer.action_send_sms()
        [request] = self.fake.requests
        self.assertEqual(request.json["PhoneNumberSet"], ["+8613900139001"])
        self.assertEqual(
            request.json["TemplateParamSet"],
            ["水管爆裂", "2号楼", "今天14:00", "今天18:00", "供水"],
        )
        message = owner.message_ids[0]
        self.assertEqual(message.notification_ids.notification_status, "pending")

    def test_composer_mass_send_to_owners(self):
        template = self.env["sms.template"].create(
            {
                "name": "停电通知",
                "model_id": self.env["ir.model"]._get_id("res.partner"),
                "body": "尊敬的业主：因供电线路检修，{{ object.function }}将于"
                "6月1日8:00至6月1日18:00暂停供电，请提前做好准备。给您带来不便，敬请谅解。",
            }
        )
        self.outage.sms_template_ids = template
        self.owners[:2].function = "3号楼"
        self.owners[2].function = "5号楼"
        composer = (
            self.env["sms.composer"]
            .with_context(
                default_res_model="res.partner",
                default_res_ids=self.owners.ids,
                default_composition_mode="mass",
                default_template_id=template.id,
            )
            .create({"mass_force_send": True, "mass_keep_log": True})
        )
        composer.action_send_sms()
        self.assertEqual(
            [
                (r.json["PhoneNumberSet"], r.json["TemplateParamSet"][1])
                for r in self.fake.requests
            ],
            [
                (["+8613800138000", "+8613900139001"], "3号楼"),
                (["+8613700137002"], "5号楼"),
            ],
        )
        sms = self.env["sms.sms"].search([("partner_id", "in", self.owners.ids)])
        self.assertEqual(set(sms.mapped("state")), {"pending"})
        self.assertEqual(set(sms.mapped("sms_cn_template_code")), {OUTAGE_ID})

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import HttpCase, TransactionCase, tagged

from .common import TencentCloudCommonMixin


@tagged("post_install", "-at_install")
class TestTencentCloudStatus(TencentCloudCommonMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tencentcloud_setup()

    def test_pulled_reports_mark_delivered_and_failed(self):
        self.fake.undelivered = {"13900139000": "MK:0001"}
        delivered = self._dunning_sms()
        failed = self._dunning_sms(number="13900139000")
        (delivered | failed)._send()
        self.env["sms.cn.gateway"]._cron_fetch_status()
        [pull] = self.fake.actions("PullSmsSendStatus")
        self.assertEqual(pull.json, {"Limit": 100, "SmsSdkAppId": "1400000001"})
        self.assertEqual(delivered.state, "sent")
        self.assertEqual(delivered.sms_cn_error_code, "DELIVRD")
        self.assertTrue(delivered.sms_cn_delivery_date)
        self.assertEqual(failed.state, "error")
        self.assertEqual(failed.failure_type, "sms_not_delivered")
        self.assertEqual(failed.sms_cn_error_code, "MK:0001")
        # nothing is waiting any more: the next run does not even ask
        self.fake.reset()
        self.env["sms.cn.gateway"]._cron_fetch_status()
        self.assertFalse(self.fake.requests)

    def test_reports_are_pulled_in_batches(self):
        sms = self.env["sms.sms"]
        for index in range(150):
            sms |= self._dunning_sms(number=f"1370000{index:04d}")
        sms._send()
        self.assertEqual(self.gateway._sms_cn_fetch_status(100), (100, 1))
        self.assertEqual(self.gateway._sms_cn_fetch_status(100), (50, 0))
        self.assertEqual(set(sms.mapped("state")), {"sent"})


@tagged("post_install", "-at_install")
class TestTencentCloudCallback(TencentCloudCommonMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tencentcloud_setup()

    def _post(self, token, reports):
        return self.url_open(
            f"/sms_cn/report/{self.gateway.id}/{token}",
            data=json.dumps(reports),
            headers={"Content-Type": "application/json"},
        )

    def test_status_callback_updates_the_sms(self):
        sms = self._dunning_sms() | self._dunning_sms(number="13900139000")
        sms._send()
        reports = [
            {
                "user_receive_time": "2026-05-20 10:00:05",
                "nationcode": "86",
                "mobile": "13800138000",
                "report_status": "SUCCESS",
                "errmsg": "DELIVRD",
                "description": "用户短信送达成功",
                "sid": sms[0].sms_cn_provider_ref,
            },
            {
                "user_receive_time": "2026-05-20 10:00:07",
                "nationcode": "86",
                "mobile": "13900139000",
                "report_status": "FAIL",
                "errmsg": "MK:0001",
                "description": "空号",
                "sid": sms[1].sms_cn_provider_ref,
            },
            {  # another system's message on the same application: ignored
                "user_receive_time": "2026-05-20 10:00:09",
                "nationcode": "86",
                "mobile": "13700137000",
                "report_status": "SUCCESS",
                "errmsg": "DELIVRD",
                "description": "用户短信送达成功",
                "sid": "2645:unknown",
            },
        ]
        self.assertEqual(self._post("guessed", reports).status_code, 403)
        self.assertEqual(sms.mapped("state"), ["pending", "pending"])
        response = self._post(self.gateway.report_token, reports)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"result": 0, "errmsg": "OK"})
        self.assertEqual(sms.mapped("state"), ["sent", "error"])
        self.assertIn("空号", sms[1].sms_cn_error_message)
        # a callback repeated, or the same report pulled later: no change
        self._post(self.gateway.report_token, reports)
        self.env["sms.cn.gateway"]._cron_fetch_status()
        self.assertEqual(sms.mapped("state"), ["sent", "error"])

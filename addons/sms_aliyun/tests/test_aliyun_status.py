# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import datetime, timedelta, timezone

from odoo.tests import HttpCase, TransactionCase, tagged

from .common import AliyunCommonMixin


@tagged("post_install", "-at_install")
class TestAliyunStatus(AliyunCommonMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._aliyun_setup()

    def test_status_query_marks_delivered_and_failed_once(self):
        self.fake.undelivered = {"13900139000": "MK:0001"}
        delivered = self._dunning_sms()
        failed = self._dunning_sms(number="13900139000")
        (delivered | failed)._send()
        self.fake.reset()
        self.env["sms.cn.gateway"]._cron_fetch_status()
        queries = self.fake.actions("QuerySendDetails")
        self.assertEqual(len(queries), 2)
        today = datetime.now(timezone(timedelta(hours=8))).strftime("%Y%m%d")
        self.assertEqual(
            {(q.query["PhoneNumber"], q.query["SendDate"]) for q in queries},
            {("13800138000", today), ("13900139000", today)},
        )
        self.assertEqual(queries[0].query["BizId"], delivered.sms_cn_provider_ref)
        self.assertEqual(delivered.state, "sent")
        self.assertTrue(delivered.sms_cn_delivery_date)
        self.assertEqual(failed.state, "error")
        self.assertEqual(failed.failure_type, "sms_not_delivered")
        self.assertEqual(failed.sms_cn_error_code, "MK:0001")
        self.assertIn("not delivered", failed.sms_cn_error_message)
        # nothing left to ask: a second run sends no request
        self.fake.reset()
        self.env["sms.cn.gateway"]._cron_fetch_status()
        self.assertFalse(self.fake.requests)

    def test_waiting_reports_are_asked_again_later(self):
        self.fake.reports_ready = False
        sms = self._dunning_sms()
        sms._send()
        self.env["sms.cn.gateway"]._cron_fetch_status()
        self.assertEqual(sms.state, "pending")
        self.assertTrue(sms.sms_cn_last_check)
        self.fake.reset()
        self.env["sms.cn.gateway"]._cron_fetch_status()
        self.assertFalse(self.fake.requests)  # asked less than 5 minutes ago
        self.fake.reports_ready = True
        sms.sms_cn_last_check -= timedelta(minutes=6)
        self.env["sms.cn.gateway"]._cron_fetch_status()
        self.assertEqual(sms.state, "sent")

    def test_the_document_notification_follows_the_delivery(self):
        owner = self.owners[0]
        message = owner._message_sms(
            "尊敬的业主，您的A-1-0302物业费300.00元尚未缴纳，请于6月30日前缴纳。",
            partner_ids=owner.ids,
        )
        notification = message.notification_ids
        self.assertEqual(notification.notification_status, "pending")
        self.env["sms.cn.gateway"]._cron_fetch_status()
        self.assertEqual(notification.notification_status, "sent")


@tagged("post_install", "-at_install")
class TestAliyunReportPush(AliyunCommonMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._aliyun_setup()

    def _post(self, token, reports):
        return self.url_open(
            f"/sms_cn/report/{self.gateway.id}/{token}",
            data=json.dumps(reports),
            headers={"Content-Type": "application/json"},
        )

    def test_pushed_reports_update_the_sms(self):
        sms = self._dunning_sms() | self._dunning_sms(number="13900139000")
        sms._send()
        biz_id = sms[0].sms_cn_provider_ref
        reports = [
            {
                "phone_number": "13800138000",
                "send_time": "2026-05-20 10:00:00",
                "report_time": "2026-05-20 10:00:05",
                "success": True,
                "err_code": "DELIVERED",
                "err_msg": "用户接收成功",
                "sms_size": "1",
                "biz_id": biz_id,
                "out_id": sms[0].uuid,
            },
            {
                "phone_number": "13900139000",
                "send_time": "2026-05-20 10:00:00",
                "report_time": "2026-05-20 10:00:07",
                "success": False,
                "err_code": "IC:0001",
                "err_msg": "空号",
                "sms_size": "1",
                "biz_id": sms[1].sms_cn_provider_ref,
                "out_id": sms[1].uuid,
            },
        ]
        response = self._post("not-the-token", reports)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(sms.mapped("state"), ["pending", "pending"])

        response = self._post(self.gateway.report_token, reports)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"code": 0, "msg": "接收成功"})
        self.assertEqual(sms.mapped("state"), ["sent", "error"])
        self.assertEqual(sms[0].sms_cn_delivery_date, datetime(2026, 5, 20, 2, 0, 5))
        self.assertIn("空号", sms[1].sms_cn_error_message)
        # the provider retries a push: nothing changes twice
        response = self._post(self.gateway.report_token, reports)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(sms.mapped("state"), ["sent", "error"])

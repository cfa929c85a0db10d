# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.sms_cn.tests.common import (
    DUNNING_TEXT,
    OUTAGE_TEXT,
    SmsCnCommonMixin,
)

from .fake_aliyun import FakeAliyunSms

KEY_1, SECRET_1 = "LTAI5tTestCompanyOne0001", "secret-of-company-one-0123456789ab"
KEY_2, SECRET_2 = "LTAI5tTestCompanyTwo0002", "secret-of-company-two-0123456789ab"


class AliyunCommonMixin(SmsCnCommonMixin):
    """Each company has its Alibaba Cloud account; both accounts exist on
    the fake endpoint with their approved signature and templates."""

    @classmethod
    def _aliyun_setup(cls):
        cls._sms_cn_setup()
        cls.fake = FakeAliyunSms(
            {
                KEY_1: {
                    "secret": SECRET_1,
                    "signs": {"阳光花园物业"},
                    "templates": {
                        "SMS_480125001": DUNNING_TEXT,
                        "SMS_480125002": OUTAGE_TEXT,
                    },
                },
                KEY_2: {
                    "secret": SECRET_2,
                    "signs": {"绿城物业"},
                    "templates": {"SMS_490000001": DUNNING_TEXT},
                },
            }
        ).start()
        cls.addClassCleanup(cls.fake.stop)
        cls.gateway = cls._make_gateway(
            cls.company,
            provider="aliyun",
            state="enabled",
            aliyun_access_key_id=KEY_1,
            aliyun_access_key_secret=SECRET_1,
            aliyun_endpoint=cls.fake.url,
        )
        cls.dunning, cls.outage = cls._make_templates(
            cls.gateway, "SMS_480125001", "SMS_480125002"
        )
        cls.gateway_2 = cls._make_gateway(
            cls.company_2,
            provider="aliyun",
            state="enabled",
            sign_name="绿城物业",
            aliyun_access_key_id=KEY_2,
            aliyun_access_key_secret=SECRET_2,
            aliyun_endpoint=cls.fake.url,
        )
        cls._make_templates(cls.gateway_2, "SMS_490000001", "SMS_490000002")

    def setUp(self):
        super().setUp()
        self.fake.reset()
        self.fake.sent = []
        self.fake.throttled_numbers = set()
        self.fake.throttle_api = False
        self.fake.undelivered = {}
        self.fake.reports_ready = True

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.sms_cn.tests.common import SmsCnCommonMixin

from .fake_tencentcloud import FakeTencentCloudSms

ID_1, KEY_1, APP_1 = (
    "AKIDTestCompanyOne0001",
    "key-of-company-one-0123456789",
    "1400000001",
)
ID_2, KEY_2, APP_2 = (
    "AKIDTestCompanyTwo0002",
    "key-of-company-two-0123456789",
    "1400000002",
)
DUNNING_ID, OUTAGE_ID = "1830001", "1830002"


class TencentCloudCommonMixin(SmsCnCommonMixin):
    """Each company has its Tencent Cloud account and SMS application; the
    fake endpoint knows both, with their approved signature and templates
    (registered with {1}, {2}... as Tencent Cloud numbers them)."""

    @classmethod
    def _tencentcloud_setup(cls):
        cls._sms_cn_setup()
        cls.gateway = cls._make_gateway(
            cls.company,
            provider="tencentcloud",
            state="enabled",
            tencentcloud_secret_id=ID_1,
            tencentcloud_secret_key=KEY_1,
            tencentcloud_sdk_app_id=APP_1,
        )
        cls.dunning, cls.outage = cls._make_templates(
            cls.gateway, DUNNING_ID, OUTAGE_ID
        )
        cls.gateway_2 = cls._make_gateway(
            cls.company_2,
            provider="tencentcloud",
            state="enabled",
            sign_name="绿城物业",
            tencentcloud_secret_id=ID_2,
            tencentcloud_secret_key=KEY_2,
            tencentcloud_sdk_app_id=APP_2,
        )
        cls._make_templates(cls.gateway_2, "1900001", "1900002")
        cls.fake = FakeTencentCloudSms(
            {
                ID_1: {
                    "secret": KEY_1,
                    "app": APP_1,
                    "signs": {"阳光花园物业"},
                    "templates": {
                        DUNNING_ID: cls.dunning.registered_content,
                        OUTAGE_ID: cls.outage.registered_content,
                    },
                },
                ID_2: {
                    "secret": KEY_2,
                    "app": APP_2,
                    "signs": {"绿城物业"},
                    "templates": {"1900001": cls.dunning.registered_content},
                },
            }
        ).start()
        cls.addClassCleanup(cls.fake.stop)
        (cls.gateway | cls.gateway_2).tencentcloud_endpoint = cls.fake.url

    def setUp(self):
        super().setUp()
        self.fake.clear()

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import BaseCase, tagged

from ..tools.aliyun_api import canonical_query, sign_v3


@tagged("post_install", "-at_install")
class TestAliyunSignature(BaseCase):
    def test_signature_matches_the_published_example(self):
        """The fixed example of Alibaba Cloud's "V3 request structure and
        signature" document (RunInstances, AccessKey YourAccessKeyId /
        YourAccessKeySecret): canonical request hash 7ea06492..., signature
        06563a9e..."""
        headers = sign_v3(
            "POST",
            "ecs.cn-shanghai.aliyuncs.com",
            "RunInstances",
            {
                "ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
                "RegionId": "cn-shanghai",
            },
            b"",
            "YourAccessKeyId",
            "YourAccessKeySecret",
            date="2023-10-26T10:22:32Z",
            nonce="3156853299f313e23d1673dc12e1703d",
            version="2014-05-26",
        )
        self.assertEqual(
            headers["Authorization"],
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;"
            "x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
            "x-acs-version,Signature="
            "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
        )
        self.assertEqual(
            headers["x-acs-content-sha256"],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        )

    def test_query_is_encoded_as_rfc3986(self):
        self.assertEqual(
            canonical_query(
                {
                    "TemplateParam": '{"unit":"A-1 0302"}',
                    "SignName": "阳光花园物业",
                    "PhoneNumbers": "+8613800138000",
                }
            ),
            "PhoneNumbers=%2B8613800138000"
            "&SignName=%E9%98%B3%E5%85%89%E8%8A%B1%E5%9B%AD%E7%89%A9%E4%B8%9A"
            "&TemplateParam=%7B%22unit%22%3A%22A-1%200302%22%7D",
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from ..tools.tencentcloud_api import sign_tc3


@tagged("post_install", "-at_install")
class TestTencentCloudSignature(TransactionCase):
    def test_signature_matches_the_published_example(self):
        """The example of Tencent Cloud's "Signature v3" document
        (DescribeInstances on cvm, timestamp 1551113065, the masked
        example keys): signature 2230eefd..."""
        payload = (
            b'{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], '
            b'"Name": "instance-name"}]}'
        )
        self.assertEqual(
            sign_tc3(
                "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
                "Gu5t9xGARNpq86cd98joQYCN3*******",
                "cvm.tencentcloudapi.com",
                payload,
                1551113065,
                service="cvm",
            ),
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/"
            "2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
            "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
        )

    def test_templates_are_registered_with_numbered_variables(self):
        gateway = self.env["sms.cn.gateway"].create(
            {
                "name": "Tencent Cloud",
                "company_id": self.env["res.company"].create({"name": "T"}).id,
                "provider": "tencentcloud",
            }
        )
        template = self.env["sms.cn.template"].create(
            {
                "gateway_id": gateway.id,
                "name": "停水停电通知",
                "code": "1830002",
                "content": "因${reason}，${area}将于${start}至${end}暂停${outage}。"
                "${area}业主请提前准备。",
            }
        )
        self.assertEqual(
            template.registered_content,
            "因{1}，{2}将于{3}至{4}暂停{5}。{2}业主请提前准备。",
        )

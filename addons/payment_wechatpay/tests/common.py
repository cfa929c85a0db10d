# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields

from odoo.addons.account_payment.tests.common import AccountPaymentCommon
from odoo.addons.payment_wechatpay.tests import fake_wechatpay

MCH_ID = "1900000109"
APP_ID = "wxd678efh567hg6787"
APIV3_KEY = "0123456789abcdefABCDEF0123456789"


class WechatpayCommon(AccountPaymentCommon):
    """A company in China (CNY) with WeChat Pay pointed at a local fake API."""

    country_code = "CN"
    chart_template = "generic_coa"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.merchant_key = fake_wechatpay.new_rsa_key()
        cls.fake = fake_wechatpay.FakeWechatpay(
            MCH_ID, APP_ID, APIV3_KEY, cls.merchant_key.public_key()
        )
        cls.addClassCleanup(cls.fake.stop)
        cls.currency = cls.company_data["currency"]
        cls.wechatpay = cls._prepare_provider(
            "wechatpay",
            update_values={
                "wechatpay_mch_id": MCH_ID,
                "wechatpay_app_id": APP_ID,
                "wechatpay_mch_serial_no": "3775B6A45ACD588826D15E583A95F5DD00000001",
                "wechatpay_mch_private_key": fake_wechatpay.private_pem(
                    cls.merchant_key
                ),
                "wechatpay_apiv3_key": APIV3_KEY,
                "wechatpay_platform_certificates": cls.fake.certificate_pem,
                "wechatpay_api_url": cls.fake.url,
                "is_published": True,
            },
        )
        cls.provider = cls.wechatpay
        cls.wechatpay.journal_id = cls.company_data["default_journal_bank"]
        cls.payment_method = cls.env.ref("payment.payment_method_wechat_pay")
        cls.payment_method_id = cls.payment_method.id
        cls.amount = 88.88
        cls.owner = cls.env["res.partner"].create(
            {"name": "业主 张三", "email": "owner@example.com"}
        )

    def setUp(self):
        super().setUp()
        self.fake.orders.clear()
        self.fake.refunds.clear()
        self.fake.requests.clear()
        self.fake.delay = 0
        self.fake.refund_status = "SUCCESS"
        self.fake.signing_serial = None

    def _create_invoice(self, amount=None):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.owner.id,
                "currency_id": self.currency.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "物业服务费",
                            "quantity": 1,
                            "price_unit": amount or self.amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _create_wechatpay_tx(self, invoice=None, **values):
        values.setdefault("reference", "PCS_TEST_0001")
        if invoice:
            values.setdefault("invoice_ids", [Command.set(invoice.ids)])
            values.setdefault("amount", invoice.amount_total)
            values.setdefault("partner_id", invoice.partner_id.id)
        return self._create_transaction("redirect", **values)

    def _place_order(self, tx):
        """Render the redirect form as the payment page does (Native order)."""
        return tx._get_processing_values()

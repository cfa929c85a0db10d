# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields

from odoo.addons.account_payment.tests.common import AccountPaymentCommon
from odoo.addons.payment_alipay.tests import fake_alipay

APP_ID = "2021000122600000"
SELLER_ID = "2088101122136241"


class AlipayCommon(AccountPaymentCommon):
    """A company in China (CNY) with Alipay pointed at a local fake gateway."""

    country_code = "CN"
    chart_template = "generic_coa"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.app_key = fake_alipay.new_rsa_key()
        cls.fake = fake_alipay.FakeAlipay(APP_ID, cls.app_key.public_key(), SELLER_ID)
        cls.addClassCleanup(cls.fake.stop)
        cls.currency = cls.company_data["currency"]
        cls.alipay = cls._prepare_provider(
            "alipay",
            update_values={
                "alipay_app_id": APP_ID,
                # As pasted from Alipay's key tool: base64 bodies without PEM lines.
                "alipay_app_private_key": fake_alipay.bare_base64(
                    fake_alipay.private_pem(cls.app_key)
                ),
                "alipay_public_key": fake_alipay.bare_base64(
                    fake_alipay.public_pem(cls.fake.alipay_key)
                ),
                "alipay_seller_id": SELLER_ID,
                "alipay_gateway_url": cls.fake.url,
                "is_published": True,
            },
        )
        cls.provider = cls.alipay
        cls.alipay.journal_id = cls.company_data["default_journal_bank"]
        cls.payment_method = cls.env.ref("payment.payment_method_alipay")
        cls.payment_method_id = cls.payment_method.id
        cls.amount = 88.88
        cls.owner = cls.env["res.partner"].create(
            {"name": "业主 李四", "email": "owner.li@example.com"}
        )

    def setUp(self):
        super().setUp()
        self.fake.trades.clear()
        self.fake.refunds.clear()
        self.fake.requests.clear()
        self.fake.delay = 0

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

    def _create_alipay_tx(self, invoice=None, **values):
        values.setdefault("reference", "PCS_TEST_0001")
        if invoice:
            values.setdefault("invoice_ids", [Command.set(invoice.ids)])
            values.setdefault("amount", invoice.amount_total)
            values.setdefault("partner_id", invoice.partner_id.id)
        return self._create_transaction("redirect", **values)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Owners pay their property fee invoices from the portal with WeChat Pay and
Alipay (issue 18): the providers of payment_wechatpay and payment_alipay,
pointed at their local fakes, on invoices made by the billing run. Run by
pytest-odoo on the databases with every addon (with and without demo data);
built on the billing test base, no demo record is read."""

import json
import re
from datetime import date
from html import unescape

import odoo
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.account_payment.tests.common import AccountPaymentCommon
from odoo.addons.payment_alipay import const as alipay_const
from odoo.addons.payment_alipay.tests import fake_alipay
from odoo.addons.payment_alipay.tests.common import APP_ID as ALIPAY_APP_ID
from odoo.addons.payment_alipay.tests.common import SELLER_ID
from odoo.addons.payment_wechatpay import const as wechat_const
from odoo.addons.payment_wechatpay.tests import fake_wechatpay
from odoo.addons.payment_wechatpay.tests.common import APIV3_KEY, APP_ID, MCH_ID
from odoo.addons.property_billing.tests.common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)
DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36"


def form_values(form_html):
    return {
        name: unescape(value)
        for name, value in re.findall(r'name="(\w+)" value="([^"]*)"', form_html)
    }


def _ensure_http_server():
    """pytest-odoo starts Odoo's server without its HTTP thread: spawn it."""
    server = odoo.service.server.server
    if server is None:
        server = odoo.service.server.ThreadedServer(odoo.http.root)
        odoo.service.server.server = server
    if getattr(server, "httpd", None) is None:
        server.http_spawn()


@tagged("post_install", "-at_install", "property_payment")
class TestPropertyInvoicePortalPayment(
    PropertyBillingTestCommon, AccountPaymentCommon, HttpCase
):
    """A company in China (CNY) whose property invoices owners A and B pay
    in the portal; WeChat Pay and Alipay published for the company."""

    country_code = "CN"
    chart_template = "generic_coa"

    @classmethod
    def setUpClass(cls):
        _ensure_http_server()
        super().setUpClass()
        bank = cls.company_data["default_journal_bank"]
        # WeChat Pay against its local fake API.
        cls.merchant_key = fake_wechatpay.new_rsa_key()
        cls.fake_wechat = fake_wechatpay.FakeWechatpay(
            MCH_ID, APP_ID, APIV3_KEY, cls.merchant_key.public_key()
        )
        cls.addClassCleanup(cls.fake_wechat.stop)
        cls.wechatpay = cls._prepare_provider(
            "wechatpay",
            company=cls.company,
            update_values={
                "wechatpay_mch_id": MCH_ID,
                "wechatpay_app_id": APP_ID,
                "wechatpay_mch_serial_no": "3775B6A45ACD588826D15E583A95F5DD00000001",
                "wechatpay_mch_private_key": fake_wechatpay.private_pem(
                    cls.merchant_key
                ),
                "wechatpay_apiv3_key": APIV3_KEY,
                "wechatpay_platform_certificates": cls.fake_wechat.certificate_pem,
                "wechatpay_api_url": cls.fake_wechat.url,
                "is_published": True,
                "journal_id": bank.id,
            },
        )
        # Alipay against its local fake gateway.
        cls.app_key = fake_alipay.new_rsa_key()
        cls.fake_alipay = fake_alipay.FakeAlipay(
            ALIPAY_APP_ID, cls.app_key.public_key(), SELLER_ID
        )
        cls.addClassCleanup(cls.fake_alipay.stop)
        cls.alipay = cls._prepare_provider(
            "alipay",
            company=cls.company,
            update_values={
                "alipay_app_id": ALIPAY_APP_ID,
                "alipay_app_private_key": fake_alipay.bare_base64(
                    fake_alipay.private_pem(cls.app_key)
                ),
                "alipay_public_key": fake_alipay.bare_base64(
                    fake_alipay.public_pem(cls.fake_alipay.alipay_key)
                ),
                "alipay_seller_id": SELLER_ID,
                "alipay_gateway_url": cls.fake_alipay.url,
                "is_published": True,
                "journal_id": bank.id,
            },
        )
        # Property fee invoices of owners A and B, made by the billing run.
        cls.user_a, cls.user_b = cls.owner_user_a, cls.owner_user_b
        units = cls._create_units(
            2, prefix="PAY", area=50.0, owners=cls.owner_a | cls.owner_b
        )
        cls.Billing._billing_run(cls.company, PERIOD, project_ids=cls.project.ids)
        cls.invoice_a = cls.Move.search([("pcs_unit_id", "=", units[0].id)])
        cls.invoice_b = cls.Move.search([("pcs_unit_id", "=", units[1].id)])

    def setUp(self):
        super().setUp()
        for fake in (self.fake_wechat, self.fake_alipay):
            fake.requests.clear()
        self.fake_wechat.orders.clear()
        self.fake_alipay.trades.clear()

    def _pay(self, invoice, provider, access_token=None):
        """``/invoice/transaction`` as the portal's payment form calls it."""
        method = provider.payment_method_ids.filtered(
            lambda m: m.code in ("wechat_pay", "alipay")
        )[:1]
        return self.make_jsonrpc_request(
            f"/invoice/transaction/{invoice.id}",
            {
                "access_token": access_token
                if access_token is not None
                else invoice._portal_ensure_token(),
                "provider_id": provider.id,
                "payment_method_id": method.id,
                "token_id": None,
                "amount": invoice.amount_residual,
                "flow": "redirect",
                "tokenization_requested": False,
                "landing_route": invoice.get_portal_url(),
                "is_validation": False,
            },
            headers={"User-Agent": DESKTOP},
        )

    def test_owner_sees_wechatpay_and_alipay_on_own_property_invoice(self):
        self.assertEqual(self.invoice_a.currency_id.name, "CNY")
        self.assertEqual(self.invoice_a.payment_state, "not_paid")
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open(f"/my/invoices/{self.invoice_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.invoice_a.name, page.text)
        for provider in (self.wechatpay, self.alipay):
            self.assertIn(f'data-provider-id="{provider.id}"', page.text)
        # Unpublished (the demo's state until real keys are entered): not offered.
        self.alipay.is_published = False
        page = self.url_open(f"/my/invoices/{self.invoice_a.id}")
        self.assertIn(f'data-provider-id="{self.wechatpay.id}"', page.text)
        self.assertNotIn(f'data-provider-id="{self.alipay.id}"', page.text)

    def test_owner_pays_property_invoice_with_wechatpay(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        result = self._pay(self.invoice_a, self.wechatpay)
        self.assertIn(wechat_const.QR_ROUTE, result["redirect_form_html"])
        tx = self.invoice_a.transaction_ids
        self.assertEqual(tx.partner_id, self.owner_a)
        self.assertEqual(tx.amount, self.invoice_a.amount_total)
        order = self.fake_wechat.orders[tx.reference]
        self.assertEqual(
            order["amount"],
            {"total": round(self.invoice_a.amount_total * 100), "currency": "CNY"},
        )
        body, headers = self.fake_wechat.notification(
            self.fake_wechat.pay(tx.reference)
        )
        response = self.url_open(
            f"{wechat_const.NOTIFY_ROUTE}/{self.wechatpay.id}",
            data=body.encode(),
            headers=headers,
        )
        self.assertEqual(response.json()["code"], "SUCCESS")
        self.assertEqual(tx.state, "done")
        self.assertEqual(self.invoice_a.payment_state, "paid")
        self.assertEqual(self.invoice_a.amount_residual, 0.0)
        self.assertEqual(self.invoice_b.payment_state, "not_paid")
        payment = self.env["account.payment"].search(
            [("payment_transaction_id", "=", tx.id)]
        )
        self.assertEqual(payment.partner_id, self.owner_a)
        self.assertEqual(payment.journal_id, self.wechatpay.journal_id)

    def test_owner_pays_property_invoice_with_alipay(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        result = self._pay(self.invoice_a, self.alipay)
        values = form_values(result["redirect_form_html"])
        self.assertEqual(values["method"], "alipay.trade.page.pay")
        self.assertTrue(self.fake_alipay.verify_request(values))
        tx = self.invoice_a.transaction_ids
        biz = json.loads(values["biz_content"])
        self.assertEqual(biz["total_amount"], f"{self.invoice_a.amount_total:.2f}")
        self.fake_alipay.pay(tx.reference, biz["total_amount"])
        response = self.url_open(
            f"{alipay_const.NOTIFY_ROUTE}/{self.alipay.id}",
            data=self.fake_alipay.notification(tx.reference),
        )
        self.assertEqual(response.text, "success")
        self.assertEqual(tx.state, "done")
        self.assertEqual(self.invoice_a.payment_state, "paid")

    def test_owner_b_cannot_pay_or_see_owner_a_invoice(self):
        self.authenticate(self.user_b.login, self.user_b.login)
        with mute_logger("odoo.http"):
            page = self.url_open(f"/my/invoices/{self.invoice_a.id}")
            self.assertTrue(page.url.endswith("/my"), page.url)
            self.assertNotIn(self.invoice_a.name, page.text)
            # Without the invoice's access token the transaction is refused.
            with self.assertRaises(JsonRpcException):
                self._pay(self.invoice_a, self.wechatpay, access_token="")
            with self.assertRaises(JsonRpcException):
                self._pay(self.invoice_a, self.alipay, access_token="forged")
        self.assertFalse(self.invoice_a.transaction_ids)
        self.assertFalse(self.fake_wechat.orders)
        # Owner B's own invoice is payable.
        result = self._pay(self.invoice_b, self.wechatpay)
        self.assertIn(wechat_const.QR_ROUTE, result["redirect_form_html"])
        self.assertEqual(self.invoice_b.transaction_ids.partner_id, self.owner_b)

    def test_provider_of_another_company_or_disabled_is_refused(self):
        other = self.env["res.company"].create({"name": "Other Property Co"})
        foreign = self.wechatpay.copy({"company_id": other.id, "is_published": True})
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open(f"/my/invoices/{self.invoice_a.id}")
        self.assertNotIn(f'data-provider-id="{foreign.id}"', page.text)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._pay(self.invoice_a, foreign)
        # Nor a provider the company disabled.
        self.alipay.state = "disabled"
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._pay(self.invoice_a, self.alipay)
        self.assertFalse(self.invoice_a.transaction_ids)

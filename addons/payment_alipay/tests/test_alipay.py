# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re
from datetime import datetime, timedelta
from html import unescape
from unittest.mock import patch
from urllib.parse import urlencode

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.payment_alipay import const
from odoo.addons.payment_alipay.tests import fake_alipay
from odoo.addons.payment_alipay.tests.common import AlipayCommon

IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36"
MUTED = (
    "odoo.addons.payment_alipay.controllers.main",
    "odoo.addons.payment_alipay.models.payment_provider",
    "odoo.addons.payment_alipay.models.payment_transaction",
)


def form_params(form_html):
    action = re.search(r'action="([^"]+)"', form_html).group(1)
    values = {
        name: unescape(value)
        for name, value in re.findall(r'name="(\w+)" value="([^"]*)"', form_html)
    }
    return unescape(action), values


@tagged("post_install", "-at_install")
class TestAlipay(AlipayCommon, HttpCase):
    def _notify(self, params, provider=None):
        provider = provider or self.alipay
        return self.url_open(f"{const.NOTIFY_ROUTE}/{provider.id}", data=params)

    def _invoice_tx(self):
        invoice = self._create_invoice()
        tx = self._create_alipay_tx(invoice)
        tx._get_processing_values()
        return invoice, tx

    def _tx_payments(self, tx):
        return self.env["account.payment"].search(
            [("payment_transaction_id", "=", tx.id)]
        )

    # --- the cashier ---

    def test_page_pay_request_is_signed_as_alipay_expects(self):
        _invoice, tx = self._invoice_tx()
        action, params = form_params(tx._get_processing_values()["redirect_form_html"])
        self.assertEqual(action, self.fake.url)
        self.assertTrue(self.fake.verify_request(params))
        self.assertEqual(params["method"], "alipay.trade.page.pay")
        self.assertEqual(params["charset"], "utf-8")
        self.assertTrue(
            params["notify_url"].endswith(f"/payment/alipay/notify/{self.alipay.id}")
        )
        self.assertTrue(
            params["return_url"].endswith(f"/payment/alipay/return/{self.alipay.id}")
        )
        biz = json.loads(params["biz_content"])
        self.assertEqual(biz["out_trade_no"], tx.reference)
        self.assertEqual(biz["total_amount"], "88.88")
        self.assertEqual(biz["product_code"], "FAST_INSTANT_TRADE_PAY")
        # Alipay's clock is Beijing time, whatever the server's time zone.
        sent = datetime.strptime(params["timestamp"], "%Y-%m-%d %H:%M:%S")
        beijing_now = fields.Datetime.now() + timedelta(hours=8)
        self.assertLess(abs((sent - beijing_now).total_seconds()), 120)

    def test_owner_pays_from_portal_page_pay_on_desktop_wap_on_phone(self):
        invoice = self._create_invoice()
        invoice._portal_ensure_token()
        params = {
            "access_token": invoice.access_token,
            "provider_id": self.alipay.id,
            "payment_method_id": self.payment_method_id,
            "token_id": None,
            "amount": invoice.amount_total,
            "flow": "redirect",
            "tokenization_requested": False,
            "landing_route": invoice.get_portal_url(),
            "is_validation": False,
        }
        route = f"/invoice/transaction/{invoice.id}"
        desktop = self.make_jsonrpc_request(
            route, params, headers={"User-Agent": DESKTOP}
        )
        _action, values = form_params(desktop["redirect_form_html"])
        self.assertEqual(values["method"], "alipay.trade.page.pay")
        phone = self.make_jsonrpc_request(route, params, headers={"User-Agent": IPHONE})
        _action, values = form_params(phone["redirect_form_html"])
        self.assertEqual(values["method"], "alipay.trade.wap.pay")
        self.assertEqual(
            json.loads(values["biz_content"])["product_code"], "QUICK_WAP_WAY"
        )
        self.assertTrue(self.fake.verify_request(values))
        references = invoice.transaction_ids.mapped("reference")
        for reference in references:
            self.assertRegex(reference, r"^[0-9A-Za-z_]{1,64}$")

    def test_invoice_reference_fits_alipay_rules(self):
        invoice = self._create_invoice()
        reference = self.env["payment.transaction"]._compute_reference(
            "alipay", invoice_ids=[Command.set(invoice.ids)]
        )
        self.assertEqual(reference, invoice.name.replace("/", "_"))

    # --- notifications ---

    def test_ten_identical_notifications_make_one_payment(self):
        invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        params = self.fake.notification(tx.reference)
        for _i in range(10):
            response = self._notify(params)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.text, "success")
        self.assertEqual(tx.state, "done")
        self.assertEqual(
            tx.provider_reference, self.fake.trades[tx.reference]["trade_no"]
        )
        payments = self._tx_payments(tx)
        self.assertEqual(len(payments), 1)
        self.assertEqual(payments.amount, 88.88)
        tx._post_process()
        self.assertEqual(len(self._tx_payments(tx)), 1)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(invoice.amount_residual, 0.0)

    def test_bad_signature_is_refused_before_anything_is_written(self):
        invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        good = self.fake.notification(tx.reference)
        cases = {
            "another key": self.fake.notification(
                tx.reference, key=fake_alipay.new_rsa_key()
            ),
            "tampered amount": dict(good, total_amount="8888.00"),
            "no signature": {k: v for k, v in good.items() if k != "sign"},
            "RSA1 signature type": dict(good, sign_type="RSA"),
            "garbage signature": dict(good, sign="not base64 !"),
        }
        with mute_logger(*MUTED):
            for name, params in cases.items():
                response = self._notify(params)
                self.assertEqual(response.status_code, 401, name)
                self.assertEqual(response.text, "fail", name)
        self.assertEqual(tx.state, "draft")
        self.assertFalse(self._tx_payments(tx))
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_amount_mismatch_puts_transaction_in_error_without_payment(self):
        invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "0.01")
        with self.assertLogs(
            "odoo.addons.payment_alipay.models.payment_transaction", "WARNING"
        ) as logs:
            response = self._notify(self.fake.notification(tx.reference))
        self.assertEqual(response.text, "success")
        self.assertIn("amount mismatch", logs.output[0])
        self.assertNotIn("业主", logs.output[0])
        self.assertEqual(tx.state, "error")
        self.assertFalse(self._tx_payments(tx))
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_notification_for_another_app_or_seller_is_refused(self):
        _invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        with mute_logger(*MUTED):
            for override in (
                {"app_id": "2021000000000001"},
                {"seller_id": "2088000000000001"},
            ):
                response = self._notify(
                    self.fake.notification(tx.reference, **override)
                )
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.text, "fail")
        self.assertEqual(tx.state, "draft")

    # --- return page and queries ---

    def test_return_from_cashier_queries_the_trade(self):
        invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        query = urlencode(self.fake.return_params(tx.reference))
        response = self.url_open(
            f"{const.RETURN_ROUTE}/{self.alipay.id}?{query}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/payment/status"))
        self.assertEqual(tx.state, "done")
        self.assertEqual(invoice.payment_state, "paid")

    def test_forged_return_does_not_query(self):
        _invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        params = dict(self.fake.return_params(tx.reference), sign="Zm9yZ2Vk")
        self.fake.requests.clear()
        self.url_open(
            f"{const.RETURN_ROUTE}/{self.alipay.id}?{urlencode(params)}",
            allow_redirects=False,
        )
        self.assertEqual(tx.state, "draft")
        self.assertFalse(self.fake.requests)

    def test_cron_queries_paid_order_whose_notification_was_lost(self):
        invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        with freeze_time(fields.Datetime.now() + timedelta(minutes=5)):
            self.env["payment.transaction"]._cron_alipay_query_pending()
        self.assertEqual(tx.state, "done")
        self.assertEqual(len(self._tx_payments(tx)), 1)
        self.assertEqual(invoice.payment_state, "paid")

    def test_status_page_asks_alipay_when_notification_is_late(self):
        invoice = self._create_invoice()
        invoice._portal_ensure_token()
        self.make_jsonrpc_request(
            f"/invoice/transaction/{invoice.id}",
            {
                "access_token": invoice.access_token,
                "provider_id": self.alipay.id,
                "payment_method_id": self.payment_method_id,
                "token_id": None,
                "amount": invoice.amount_total,
                "flow": "redirect",
                "tokenization_requested": False,
                "landing_route": invoice.get_portal_url(),
                "is_validation": False,
            },
        )
        tx = invoice.transaction_ids
        self.fake.pay(tx.reference, "88.88")
        with freeze_time(fields.Datetime.now() + timedelta(minutes=1)):
            status = self.make_jsonrpc_request("/payment/status/poll", {})
        self.assertEqual(status["state"], "done")
        self.assertEqual(len(self._tx_payments(tx)), 1)
        self.assertEqual(invoice.payment_state, "paid")

    def test_unpaid_order_is_cancelled_once_expired(self):
        _invoice, tx = self._invoice_tx()
        tx.action_alipay_query()
        self.assertEqual(tx.state, "draft")
        with freeze_time(fields.Datetime.now() + timedelta(hours=3)):
            tx.action_alipay_query()
        self.assertEqual(tx.state, "cancel")

    def test_query_timeout_is_refused_with_nothing_written(self):
        _invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        self.fake.delay = 2
        with patch.object(const, "REQUEST_TIMEOUT", 1), mute_logger(*MUTED):
            with self.assertRaises(ValidationError) as error:
                tx.action_alipay_query()
        self.assertIn("did not answer in time", str(error.exception))
        self.assertEqual(tx.state, "draft")
        self.assertFalse(self._tx_payments(tx))

    # --- refunds ---

    def _done_tx(self):
        invoice, tx = self._invoice_tx()
        self.fake.pay(tx.reference, "88.88")
        self._notify(self.fake.notification(tx.reference))
        self.assertEqual(tx.state, "done")
        return invoice, tx

    def test_partial_refund_goes_back_through_alipay(self):
        _invoice, tx = self._done_tx()
        tx.action_refund(amount_to_refund=20.0)
        refund_tx = tx.child_transaction_ids
        self.assertEqual(refund_tx.state, "done")
        self.assertEqual(
            self.fake.refunds[(tx.reference, refund_tx.reference)], "20.00"
        )
        self.assertRegex(refund_tx.reference, r"^[0-9A-Za-z_]{1,64}$")
        self.assertEqual(self._tx_payments(refund_tx).payment_type, "outbound")

    def test_refund_too_large_is_refused(self):
        _invoice, tx = self._done_tx()
        tx.action_refund(amount_to_refund=80.0)
        with self.assertRaises(ValidationError), mute_logger(*MUTED):
            tx.action_refund(amount_to_refund=20.0)

    def test_refund_timeout_stays_pending_then_notified(self):
        _invoice, tx = self._done_tx()
        self.fake.delay = 2
        with patch.object(const, "REQUEST_TIMEOUT", 1), mute_logger(*MUTED):
            tx.action_refund(amount_to_refund=10.0)
        refund_tx = tx.child_transaction_ids
        self.assertEqual(refund_tx.state, "pending")
        self.assertFalse(self._tx_payments(refund_tx))
        self.fake.delay = 0
        params = self.fake.notification(
            tx.reference,
            out_biz_no=refund_tx.reference,
            refund_fee="10.00",
            gmt_refund="2026-01-05 10:00:00.123",
        )
        for _i in range(3):
            self.assertEqual(self._notify(params).text, "success")
        self.assertEqual(refund_tx.state, "done")
        self.assertEqual(len(self._tx_payments(refund_tx)), 1)

    def test_payment_texts_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["payment_alipay"], ["zh_CN"], overwrite=True
        )
        env = self.env(context=dict(self.env.context, lang="zh_CN"))
        field = env["payment.provider"]._fields["alipay_public_key"]
        self.assertEqual(field.get_description(env)["string"], "支付宝公钥")

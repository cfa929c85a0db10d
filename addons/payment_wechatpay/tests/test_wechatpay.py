# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import time
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.payment_wechatpay import const
from odoo.addons.payment_wechatpay.tests import fake_wechatpay
from odoo.addons.payment_wechatpay.tests.common import MCH_ID, WechatpayCommon

IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36"
IN_WECHAT = IPHONE + " MicroMessenger/8.0.47(0x18002f2f) NetType/WIFI Language/zh_CN"


@tagged("post_install", "-at_install")
class TestWechatpay(WechatpayCommon, HttpCase):
    # --- helpers ---

    def _notify(self, body, headers, provider=None):
        provider = provider or self.wechatpay
        return self.url_open(
            f"{const.NOTIFY_ROUTE}/{provider.id}", data=body.encode(), headers=headers
        )

    def _paid_invoice_tx(self):
        invoice = self._create_invoice()
        tx = self._create_wechatpay_tx(invoice)
        self._place_order(tx)
        return invoice, tx

    def _tx_payments(self, tx):
        return self.env["account.payment"].search(
            [("payment_transaction_id", "=", tx.id)]
        )

    # --- placing the order ---

    def test_native_order_shows_qr_code_page(self):
        invoice = self._create_invoice()
        tx = self._create_wechatpay_tx(invoice)
        values = self._place_order(tx)

        order = self.fake.orders[tx.reference]
        self.assertEqual(order["amount"], {"total": 8888, "currency": "CNY"})
        self.assertEqual(order["mchid"], MCH_ID)
        self.assertTrue(
            order["notify_url"].endswith(
                f"/payment/wechatpay/notify/{self.wechatpay.id}"
            )
        )
        self.assertTrue(order["time_expire"].endswith("+08:00"))
        self.assertEqual(tx.wechatpay_trade_type, "native")
        self.assertTrue(tx.wechatpay_code_url.startswith("weixin://wxpay/bizpayurl"))
        form = values["redirect_form_html"]
        self.assertIn(const.QR_ROUTE, form)

        action = re.search(r'action="([^"]+)"', form).group(1)
        params = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
        page = self.url_open(
            f"{action}?reference={params['reference']}"
            f"&access_token={params['access_token']}"
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("Scan the QR code with WeChat to pay", page.text)
        self.assertIn('src="data:image/png;base64,', page.text)
        self.assertIn(tx.reference, page.text)
        forged = self.url_open(
            f"{const.QR_ROUTE}?reference={tx.reference}&access_token=x"
        )
        self.assertEqual(forged.status_code, 404)

    def test_invoice_reference_fits_wechat_rules(self):
        invoice = self._create_invoice()
        reference = self.env["payment.transaction"]._compute_reference(
            "wechatpay", invoice_ids=[Command.set(invoice.ids)]
        )
        self.assertRegex(reference, r"^[0-9A-Za-z_\-|*]{6,32}$")
        self.assertEqual(reference, invoice.name.replace("/", "_"))

    def test_owner_pays_from_portal_qr_on_desktop_h5_on_phone(self):
        invoice = self._create_invoice()
        invoice._portal_ensure_token()
        params = {
            "access_token": invoice.access_token,
            "provider_id": self.wechatpay.id,
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
        self.assertIn(const.QR_ROUTE, desktop["redirect_form_html"])

        self.wechatpay.wechatpay_h5_enabled = True
        phone = self.make_jsonrpc_request(route, params, headers={"User-Agent": IPHONE})
        self.assertIn(
            "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb",
            phone["redirect_form_html"],
        )
        self.assertIn('name="redirect_url"', phone["redirect_form_html"])
        wechat = self.make_jsonrpc_request(
            route, params, headers={"User-Agent": IN_WECHAT}
        )
        self.assertIn(const.QR_ROUTE, wechat["redirect_form_html"])
        txs = invoice.transaction_ids
        self.assertEqual(len(txs), 3)
        self.assertEqual(
            sorted(txs.mapped("wechatpay_trade_type")), ["h5", "native", "native"]
        )

    def test_request_signed_with_another_key_is_refused(self):
        other = fake_wechatpay.new_rsa_key()
        self.wechatpay.wechatpay_mch_private_key = fake_wechatpay.private_pem(other)
        tx = self._create_wechatpay_tx()
        with (
            self.assertRaises(ValidationError),
            mute_logger("odoo.addons.payment_wechatpay.models.payment_provider"),
        ):
            self._place_order(tx)
        self.assertFalse(self.fake.orders)

    # --- notifications ---

    def test_ten_identical_notifications_make_one_payment(self):
        invoice, tx = self._paid_invoice_tx()
        body, headers = self.fake.notification(self.fake.pay(tx.reference))
        for _i in range(10):
            response = self._notify(body, headers)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.json()["code"], "SUCCESS")
        self.assertEqual(tx.state, "done")
        self.assertEqual(
            tx.provider_reference, self.fake.orders[tx.reference]["transaction_id"]
        )
        payments = self._tx_payments(tx)
        self.assertEqual(len(payments), 1)
        self.assertEqual(payments.amount, 88.88)
        self.assertEqual(payments.state, "paid")
        # The status page polling afterwards changes nothing.
        tx._post_process()
        self.assertEqual(len(self._tx_payments(tx)), 1)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(invoice.amount_residual, 0.0)

    def test_bad_signature_is_refused_before_anything_is_written(self):
        invoice, tx = self._paid_invoice_tx()
        resource = self.fake.pay(tx.reference)
        cases = {
            "another key": self.fake.notification(
                resource, key=fake_wechatpay.new_rsa_key()
            ),
            "unknown certificate": self.fake.notification(resource, serial="ABCDEF"),
        }
        body, headers = self.fake.notification(resource)
        cases["tampered body"] = (body.replace('"id": "EV-', '"id": "EV-X'), headers)
        cases["no signature"] = (body, {"Content-Type": "application/json"})
        with mute_logger(
            "odoo.addons.payment_wechatpay.controllers.main",
            "odoo.addons.payment_wechatpay.models.payment_provider",
        ):
            for name, (body_, headers_) in cases.items():
                response = self._notify(body_, headers_)
                self.assertEqual(response.status_code, 401, name)
                self.assertEqual(response.json()["code"], "FAIL", name)
        self.assertEqual(tx.state, "draft")
        self.assertFalse(self._tx_payments(tx))
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_replayed_old_notification_is_refused(self):
        invoice, tx = self._paid_invoice_tx()
        old = int(time.time()) - 600
        body, headers = self.fake.notification(
            self.fake.pay(tx.reference), timestamp=old
        )
        with mute_logger(
            "odoo.addons.payment_wechatpay.controllers.main",
            "odoo.addons.payment_wechatpay.models.payment_provider",
        ):
            response = self._notify(body, headers)
        self.assertEqual(response.status_code, 401)
        self.assertEqual(tx.state, "draft")
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_resource_encrypted_with_another_key_is_refused(self):
        _invoice, tx = self._paid_invoice_tx()
        resource = self.fake.pay(tx.reference)
        self.fake.apiv3_key = "X" * 32
        try:
            body, headers = self.fake.notification(resource)
        finally:
            self.fake.apiv3_key = self.wechatpay.wechatpay_apiv3_key
        with mute_logger("odoo.addons.payment_wechatpay.controllers.main"):
            response = self._notify(body, headers)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(tx.state, "draft")

    def test_amount_mismatch_puts_transaction_in_error_without_payment(self):
        invoice, tx = self._paid_invoice_tx()
        body, headers = self.fake.notification(self.fake.pay(tx.reference, total=1))
        with self.assertLogs(
            "odoo.addons.payment_wechatpay.models.payment_transaction", "WARNING"
        ) as logs:
            response = self._notify(body, headers)
        self.assertEqual(response.status_code, 200)
        self.assertIn("amount mismatch", logs.output[0])
        self.assertNotIn("业主", logs.output[0])  # no personal data in the log
        self.assertEqual(tx.state, "error")
        self.assertIn("88.88", tx.state_message)
        self.assertFalse(self._tx_payments(tx))
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_notification_of_another_merchant_is_refused(self):
        _invoice, tx = self._paid_invoice_tx()
        resource = dict(self.fake.pay(tx.reference), mchid="1900000999")
        body, headers = self.fake.notification(resource)
        with mute_logger(
            "odoo.addons.payment_wechatpay.controllers.main",
            "odoo.addons.payment_wechatpay.models.payment_transaction",
        ):
            response = self._notify(body, headers)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(tx.state, "draft")

    def test_public_key_mode(self):
        self.wechatpay.write(
            {
                "wechatpay_public_key_id": "PUB_KEY_ID_0119000001092025",
                "wechatpay_public_key": fake_wechatpay.public_pem(
                    self.fake.platform_key
                ),
                "wechatpay_platform_certificates": False,
            }
        )
        self.fake.signing_serial = "PUB_KEY_ID_0119000001092025"
        invoice, tx = self._paid_invoice_tx()
        body, headers = self.fake.notification(
            self.fake.pay(tx.reference), serial="PUB_KEY_ID_0119000001092025"
        )
        self.assertEqual(self._notify(body, headers).status_code, 200)
        self.assertEqual(tx.state, "done")
        self.assertEqual(invoice.payment_state, "paid")

    # --- queries when the notification never came ---

    def test_cron_queries_paid_order_whose_notification_was_lost(self):
        invoice, tx = self._paid_invoice_tx()
        self.fake.pay(tx.reference)
        with freeze_time(fields.Datetime.now() + timedelta(minutes=5)):
            self.env["payment.transaction"]._cron_wechatpay_query_pending()
        self.assertEqual(tx.state, "done")
        self.assertEqual(len(self._tx_payments(tx)), 1)
        self.assertEqual(invoice.payment_state, "paid")

    def test_status_page_asks_wechatpay_when_notification_is_late(self):
        invoice = self._create_invoice()
        invoice._portal_ensure_token()
        values = self.make_jsonrpc_request(
            f"/invoice/transaction/{invoice.id}",
            {
                "access_token": invoice.access_token,
                "provider_id": self.wechatpay.id,
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
        self.assertIn(const.QR_ROUTE, values["redirect_form_html"])
        self.fake.pay(tx.reference)
        with freeze_time(fields.Datetime.now() + timedelta(minutes=1)):
            status = self.make_jsonrpc_request("/payment/status/poll", {})
        self.assertEqual(status["state"], "done")
        self.assertEqual(len(self._tx_payments(tx)), 1)
        self.assertEqual(invoice.payment_state, "paid")

    def test_query_button_and_expired_orders(self):
        _invoice, tx = self._paid_invoice_tx()
        tx.action_wechatpay_query()
        self.assertEqual(tx.state, "draft")  # NOTPAY, still payable
        never_placed = self._create_wechatpay_tx(reference="PCS_TEST_0002")
        with freeze_time(fields.Datetime.now() + timedelta(hours=3)):
            tx.action_wechatpay_query()
            never_placed.action_wechatpay_query()
        self.assertEqual(tx.state, "cancel")
        self.assertEqual(never_placed.state, "cancel")

    def test_timeout_when_placing_the_order_is_refused(self):
        tx = self._create_wechatpay_tx()
        self.fake.delay = const.REQUEST_TIMEOUT + 0.5
        with (
            self.assertRaises(ValidationError) as error,
            mute_logger("odoo.addons.payment_wechatpay.models.payment_provider"),
        ):
            self._place_order(tx)
        self.assertIn("did not answer in time", str(error.exception))
        self.assertFalse(tx.wechatpay_code_url)
        self.assertEqual(tx.state, "draft")

    # --- refunds ---

    def _done_tx(self):
        invoice, tx = self._paid_invoice_tx()
        body, headers = self.fake.notification(self.fake.pay(tx.reference))
        self._notify(body, headers)
        self.assertEqual(tx.state, "done")
        return invoice, tx

    def test_partial_refund_goes_back_through_wechatpay(self):
        _invoice, tx = self._done_tx()
        tx.action_refund(amount_to_refund=20.0)
        refund_tx = tx.child_transaction_ids
        self.assertEqual(refund_tx.operation, "refund")
        self.assertEqual(refund_tx.amount, -20.0)
        self.assertEqual(refund_tx.state, "done")
        refund = self.fake.refunds[refund_tx.reference]
        self.assertEqual(refund["amount"], {"refund": 2000, "total": 8888})
        self.assertEqual(self._tx_payments(refund_tx).payment_type, "outbound")

    def test_refund_processing_then_notified(self):
        _invoice, tx = self._done_tx()
        self.fake.refund_status = "PROCESSING"
        tx.action_refund(amount_to_refund=88.88)
        refund_tx = tx.child_transaction_ids
        self.assertEqual(refund_tx.state, "pending")
        self.fake.refunds[refund_tx.reference]["status"] = "SUCCESS"
        body, headers = self.fake.notification(
            self.fake.refund_resource(refund_tx.reference), event_type="REFUND.SUCCESS"
        )
        for _i in range(3):
            self.assertEqual(self._notify(body, headers).status_code, 200)
        self.assertEqual(refund_tx.state, "done")
        self.assertEqual(len(self._tx_payments(refund_tx)), 1)

    def test_refund_answer_timeout_stays_pending_until_queried(self):
        _invoice, tx = self._done_tx()
        self.fake.delay = const.REQUEST_TIMEOUT + 0.5
        with mute_logger("odoo.addons.payment_wechatpay.models.payment_provider"):
            tx.action_refund(amount_to_refund=10.0)
        refund_tx = tx.child_transaction_ids
        self.assertEqual(refund_tx.state, "pending")
        self.assertFalse(self._tx_payments(refund_tx))
        self.fake.delay = 0
        refund_tx.action_wechatpay_query()
        self.assertEqual(refund_tx.state, "done")
        self.assertEqual(len(self._tx_payments(refund_tx)), 1)

    def test_download_platform_certificates(self):
        self.wechatpay.wechatpay_platform_certificates = False
        self.assertIsNone(
            self.wechatpay._wechatpay_get_verification_key(self.fake.serial)
        )
        self.wechatpay.action_wechatpay_download_certificates()
        self.assertIn(
            "BEGIN CERTIFICATE", self.wechatpay.wechatpay_platform_certificates
        )
        self.assertIsNotNone(
            self.wechatpay._wechatpay_get_verification_key(self.fake.serial)
        )

    def test_payment_page_texts_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["payment_wechatpay"], ["zh_CN"], overwrite=True
        )
        view = self.env.ref("payment_wechatpay.qr_page").with_context(lang="zh_CN")
        self.assertIn("请使用微信扫一扫支付", view.arch_db)
        provider = self.wechatpay.with_context(lang="zh_CN")
        self.assertEqual(
            provider._fields["wechatpay_mch_id"].get_description(provider.env)[
                "string"
            ],
            "商户号",
        )

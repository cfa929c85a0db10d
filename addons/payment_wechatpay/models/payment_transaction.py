# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import re
from datetime import timedelta
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import SQL, format_amount
from odoo.tools.misc import hmac as hmac_tool

from odoo.addons.payment import utils as payment_utils

from .. import const
from .payment_provider import WechatpayApiError

_logger = logging.getLogger(__name__)

# out_trade_no: 6 to 32 of [0-9A-Za-z_-|*]; out_refund_no: up to 64 of those and @.
REFERENCE_FORBIDDEN = re.compile(r"[^0-9A-Za-z_\-|*]")
REFERENCE_MAX_PREFIX = 26  # leaves room for the "-<n>" Odoo appends to a reused prefix
NOT_FOUND_CODES = ("ORDER_NOT_EXIST", "ORDERNOTEXIST", "RESOURCE_NOT_EXISTS")


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    wechatpay_code_url = fields.Char(
        string="WeChat Pay QR Code Link",
        help="The code_url of a Native order, shown to the customer as a QR code.",
        readonly=True,
    )
    wechatpay_trade_type = fields.Selection(
        string="WeChat Pay Trade Type",
        selection=[("native", "Native (QR code)"), ("h5", "H5 (phone browser)")],
        readonly=True,
    )

    # === BUSINESS METHODS - REFERENCE === #

    @api.constrains("provider_id", "invoice_ids")
    def _check_wechatpay_invoice_company(self):
        """An invoice is paid through a provider of its own company, enabled
        or in test mode: the portal offers no other, and a request naming
        another provider is refused (the money would reach another
        merchant account and the payment another company's books)."""
        for tx in self.filtered(lambda t: t.provider_code == "wechatpay"):
            if tx.provider_id.state == "disabled":
                raise ValidationError(
                    self.env._("WeChat Pay: this payment provider is disabled.")
                )
            if tx.invoice_ids.company_id - tx.provider_id.company_id:
                raise ValidationError(
                    self.env._(
                        "WeChat Pay: invoices of %(invoice_company)s cannot be "
                        "paid through the provider of %(provider_company)s.",
                        invoice_company=", ".join(
                            tx.invoice_ids.company_id.mapped("name")
                        ),
                        provider_company=tx.provider_id.company_id.name,
                    )
                )

    @api.model
    def _compute_reference(self, provider_code, prefix=None, separator="-", **kwargs):
        """Override of `payment` to keep references within WeChat Pay's rules.

        Invoice names such as ``INV/2026/00001`` are kept readable as
        ``INV_2026_00001``; too long a prefix falls back to a dated one.
        """
        if provider_code != "wechatpay":
            return super()._compute_reference(
                provider_code, prefix=prefix, separator=separator, **kwargs
            )
        if not prefix:
            prefix = self.sudo()._compute_reference_prefix(
                provider_code, separator, **kwargs
            )
        prefix = REFERENCE_FORBIDDEN.sub("_", prefix or "")
        if not 6 <= len(prefix) <= REFERENCE_MAX_PREFIX:
            prefix = payment_utils.singularize_reference_prefix(
                prefix="tx", max_length=REFERENCE_MAX_PREFIX
            )
        return super()._compute_reference(
            provider_code, prefix=prefix, separator=separator, **kwargs
        )

    # === BUSINESS METHODS - PAYMENT FLOW === #

    def _get_specific_rendering_values(self, processing_values):
        """Override of `payment` to place the WeChat Pay order.

        A phone browser with H5 enabled goes to WeChat Pay's H5 page; every other
        browser (desktop, WeChat's own browser) gets the QR code page.
        """
        res = super()._get_specific_rendering_values(processing_values)
        if self.provider_code != "wechatpay":
            return res
        base_url = self.provider_id.get_base_url()
        if self._wechatpay_get_trade_type() == "h5":
            data = self._wechatpay_create_order("h5")
            h5_url = data.get("h5_url")
            if not h5_url:
                raise ValidationError(
                    self.env._("WeChat Pay: the order has no payment link.")
                )
            parts = urlsplit(h5_url)
            params = dict(parse_qsl(parts.query))
            params["redirect_url"] = f"{base_url}/payment/status"
            self.wechatpay_trade_type = "h5"
            return {
                "api_url": urlunsplit(parts._replace(query="")),
                "url_params": params,
            }
        data = self._wechatpay_create_order("native")
        if not data.get("code_url"):
            raise ValidationError(
                self.env._("WeChat Pay: the order has no payment link.")
            )
        self.write(
            {"wechatpay_code_url": data["code_url"], "wechatpay_trade_type": "native"}
        )
        return {
            "api_url": f"{base_url}{const.QR_ROUTE}",
            "url_params": {
                "reference": self.reference,
                # As payment_utils.generate_access_token, without needing a request.
                "access_token": hmac_tool(
                    self.env(su=True), "generate_access_token", self.reference
                ),
            },
        }

    def _wechatpay_get_trade_type(self):
        user_agent = ""
        if request:
            user_agent = request.httprequest.headers.get("User-Agent", "")
        if const.WECHAT_UA_MARKER in user_agent:
            return "native"  # H5 payment is refused inside WeChat's browser.
        is_phone = any(marker in user_agent for marker in const.MOBILE_UA_MARKERS)
        if is_phone and self.provider_id.wechatpay_h5_enabled:
            return "h5"
        return "native"

    def _wechatpay_get_expiry(self):
        """Return the moment the order stops being payable (naive UTC)."""
        return self.create_date + timedelta(minutes=const.ORDER_VALIDITY_MINUTES)

    def _wechatpay_prepare_order_payload(self, trade_type):
        provider = self.provider_id
        expiry = pytz.utc.localize(self._wechatpay_get_expiry())
        payload = {
            "appid": provider.wechatpay_app_id,
            "mchid": provider.wechatpay_mch_id,
            "description": (self.company_id.name or self.reference)[:60]
            + " "
            + self.reference,
            "out_trade_no": self.reference,
            "time_expire": expiry.astimezone(pytz.timezone("Asia/Shanghai")).isoformat(
                timespec="seconds"
            ),
            "notify_url": provider._wechatpay_get_notify_url(),
            "amount": {
                "total": payment_utils.to_minor_currency_units(
                    self.amount, self.currency_id
                ),
                "currency": self.currency_id.name,
            },
        }
        if trade_type == "h5":
            payload["scene_info"] = {
                "payer_client_ip": request.httprequest.remote_addr
                if request
                else "127.0.0.1",
                "h5_info": {"type": "Wap"},
            }
        return payload

    def _wechatpay_create_order(self, trade_type):
        payload = self._wechatpay_prepare_order_payload(trade_type)
        _logger.info(
            "WeChat Pay: placing a %s order for transaction %s",
            trade_type,
            self.reference,
        )
        return self.provider_id._wechatpay_make_request(
            "POST", f"/v3/pay/transactions/{trade_type}", payload=payload
        )

    def _send_refund_request(self, amount_to_refund=None):
        """Override of `payment` to refund through WeChat Pay.

        If WeChat Pay does not answer in time, the refund stays pending (the money
        may be on its way) until its status is queried.
        """
        refund_tx = super()._send_refund_request(amount_to_refund=amount_to_refund)
        if self.provider_code != "wechatpay":
            return refund_tx
        provider = self.provider_id
        payload = {
            "out_trade_no": self.reference,
            "out_refund_no": refund_tx.reference,
            "notify_url": provider._wechatpay_get_notify_url(),
            "amount": {
                "refund": payment_utils.to_minor_currency_units(
                    -refund_tx.amount, refund_tx.currency_id
                ),
                "total": payment_utils.to_minor_currency_units(
                    self.amount, self.currency_id
                ),
                "currency": self.currency_id.name,
            },
        }
        _logger.info(
            "WeChat Pay: refund %s of %s requested", refund_tx.reference, self.reference
        )
        try:
            data = provider._wechatpay_make_request(
                "POST", "/v3/refund/domestic/refunds", payload=payload
            )
        except WechatpayApiError:
            raise
        except ValidationError as error:
            refund_tx._set_pending(state_message=str(error))
            return refund_tx
        refund_tx._wechatpay_apply_resource(data)
        return refund_tx

    # === BUSINESS METHODS - NOTIFICATIONS AND QUERIES === #

    @api.model
    def _wechatpay_handle_resource(self, provider, resource):
        """Apply a verified and decrypted resource (notification or query answer).

        :param provider: the provider whose keys verified the resource.
        :return: the transaction.
        """
        if resource.get("mchid") != provider.wechatpay_mch_id:
            _logger.warning("WeChat Pay: resource for another merchant refused")
            raise ValidationError(
                self.env._("WeChat Pay: the merchant ID does not match.")
            )
        tx = self._get_tx_from_notification_data("wechatpay", resource)
        if tx.provider_id != provider:
            raise ValidationError(
                self.env._("WeChat Pay: the merchant ID does not match.")
            )
        tx._wechatpay_apply_resource(resource)
        return tx

    def _wechatpay_apply_resource(self, resource):
        self._handle_notification_data("wechatpay", resource)
        self._wechatpay_post_process_now()

    def _get_tx_from_notification_data(self, provider_code, notification_data):
        """Override of `payment` to find the transaction of a WeChat Pay resource."""
        tx = super()._get_tx_from_notification_data(provider_code, notification_data)
        if provider_code != "wechatpay" or len(tx) == 1:
            return tx
        if notification_data.get("out_refund_no"):
            reference = notification_data["out_refund_no"]
            tx = self.search(
                [("reference", "=", reference), ("provider_code", "=", "wechatpay")]
            )
            if not tx:  # A refund made in the merchant platform.
                source_tx = self.search(
                    [
                        ("reference", "=", notification_data.get("out_trade_no")),
                        ("provider_code", "=", "wechatpay"),
                        ("operation", "!=", "refund"),
                    ]
                )
                if source_tx:
                    tx = source_tx._wechatpay_create_refund_tx(notification_data)
        else:
            reference = notification_data.get("out_trade_no")
            tx = self.search(
                [("reference", "=", reference), ("provider_code", "=", "wechatpay")]
            )
        if len(tx) != 1:
            raise ValidationError(
                self.env._(
                    "WeChat Pay: no transaction found matching reference %s.", reference
                )
            )
        return tx

    def _wechatpay_create_refund_tx(self, data):
        amount = payment_utils.to_major_currency_units(
            (data.get("amount") or {}).get("refund") or 0, self.currency_id
        )
        if amount <= 0:
            return self.browse()
        return self._create_child_transaction(
            amount, is_refund=True, reference=data["out_refund_no"]
        )

    def _wechatpay_lock(self):
        """Lock the transaction rows until the end of the database transaction.

        A second notification of the same payment waits here; when the first one
        commits, PostgreSQL refuses the second (serialization failure) and Odoo
        replays it, which then finds the transaction already processed.
        """
        self.env.cr.execute(
            SQL(
                "SELECT id FROM payment_transaction WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            ),
            log_exceptions=False,  # a serialization failure here is expected
        )
        self.invalidate_recordset()

    def _process_notification_data(self, notification_data):
        """Override of `payment` to apply a WeChat Pay payment or refund."""
        super()._process_notification_data(notification_data)
        if self.provider_code != "wechatpay":
            return
        self._wechatpay_lock()
        if self.operation == "refund":
            self._wechatpay_process_refund(notification_data)
        else:
            self._wechatpay_process_payment(notification_data)

    def _wechatpay_process_payment(self, data):
        trade_state = data.get("trade_state")
        if trade_state in const.PAYMENT_STATUS_MAPPING["done"]:
            amount = data.get("amount") or {}
            expected = payment_utils.to_minor_currency_units(
                self.amount, self.currency_id
            )
            received = amount.get("total")
            currency = amount.get("currency") or "CNY"
            if received != expected or currency != self.currency_id.name:
                _logger.warning(
                    "WeChat Pay: amount mismatch on transaction %s: expected %s %s, "
                    "received %s %s; no payment recorded",
                    self.reference,
                    expected,
                    self.currency_id.name,
                    received,
                    currency,
                )
                self._set_error(
                    self.env._(
                        "WeChat Pay reported %(received)s %(currency)s (in fen) "
                        "but the transaction is for %(expected)s.",
                        received=received,
                        currency=currency,
                        expected=format_amount(self.env, self.amount, self.currency_id),
                    )
                )
                return
            if self.state != "done":
                self.provider_reference = data.get("transaction_id")
            self._set_done()
        elif trade_state in const.PAYMENT_STATUS_MAPPING["pending"]:
            self._set_pending()
        elif trade_state in const.PAYMENT_STATUS_MAPPING["draft"]:
            if fields.Datetime.now() > self._wechatpay_get_expiry():
                self._set_canceled(
                    self.env._("The WeChat Pay order expired without payment.")
                )
        elif trade_state in const.PAYMENT_STATUS_MAPPING["cancel"]:
            self._set_canceled(self.env._("The WeChat Pay order was closed."))
        elif trade_state in const.PAYMENT_STATUS_MAPPING["error"]:
            self._set_error(
                self.env._(
                    "WeChat Pay: %(reason)s",
                    reason=data.get("trade_state_desc") or trade_state,
                )
            )
        else:
            _logger.warning(
                "WeChat Pay: unknown trade state %s for transaction %s",
                trade_state,
                self.reference,
            )
            self._set_error(
                self.env._("WeChat Pay: unknown payment state %s.", trade_state)
            )

    def _wechatpay_process_refund(self, data):
        status = data.get("refund_status") or data.get("status")
        if status in const.REFUND_STATUS_MAPPING["done"]:
            refunded = (data.get("amount") or {}).get("refund")
            expected = payment_utils.to_minor_currency_units(
                -self.amount, self.currency_id
            )
            if refunded != expected:
                _logger.warning(
                    "WeChat Pay: refund amount mismatch on transaction %s: "
                    "expected %s, received %s",
                    self.reference,
                    expected,
                    refunded,
                )
                self._set_error(
                    self.env._(
                        "WeChat Pay refunded %(received)s (in fen) but the refund "
                        "is for %(expected)s.",
                        received=refunded,
                        expected=format_amount(
                            self.env, -self.amount, self.currency_id
                        ),
                    )
                )
                return
            if self.state != "done":
                self.provider_reference = data.get("refund_id")
            self._set_done()
        elif status in const.REFUND_STATUS_MAPPING["pending"]:
            self._set_pending()
        elif status in const.REFUND_STATUS_MAPPING["cancel"]:
            self._set_canceled(self.env._("WeChat Pay closed the refund."))
        elif status in const.REFUND_STATUS_MAPPING["error"]:
            self._set_error(
                self.env._(
                    "WeChat Pay could not pay the refund back; handle it in "
                    "the merchant platform."
                )
            )
        else:
            self._set_error(self.env._("WeChat Pay: unknown refund state %s.", status))

    def _wechatpay_post_process_now(self):
        """Create the payment and reconcile the invoices at once.

        The transaction row is locked, so a notification, a query and the status
        page cannot post-process it twice. Should the accounting fail, the state is
        kept and Odoo's post-processing job tries again.
        """
        if self.state not in ("done", "cancel") or self.is_post_processed:
            return
        try:
            with self.env.cr.savepoint():
                self._post_process()
        except (UserError, ValidationError):
            _logger.exception(
                "WeChat Pay: post-processing of transaction %s failed; left to the "
                "post-processing job",
                self.reference,
            )
            self.env.ref("payment.cron_post_process_payment_tx")._trigger()

    def _wechatpay_query(self):
        """Ask WeChat Pay for the state of the transaction and apply it."""
        self.ensure_one()
        provider = self.provider_id
        try:
            if self.operation == "refund":
                data = provider._wechatpay_make_request(
                    "GET", f"/v3/refund/domestic/refunds/{quote(self.reference)}"
                )
                data.setdefault("mchid", provider.wechatpay_mch_id)
            else:
                data = provider._wechatpay_make_request(
                    "GET",
                    f"/v3/pay/transactions/out-trade-no/{quote(self.reference)}",
                    query={"mchid": provider.wechatpay_mch_id},
                )
        except WechatpayApiError as error:
            if error.verified and error.code in NOT_FOUND_CODES:
                self._wechatpay_process_not_found()
                return
            raise
        self._wechatpay_handle_resource(provider, data)

    def _wechatpay_process_not_found(self):
        self._wechatpay_lock()
        if self.operation == "refund":
            self._set_error(self.env._("WeChat Pay has no record of this refund."))
        elif fields.Datetime.now() > self._wechatpay_get_expiry():
            self._set_canceled(
                self.env._("The WeChat Pay order expired without payment.")
            )
        self._wechatpay_post_process_now()

    def action_wechatpay_query(self):
        """Button: ask WeChat Pay for the state of the transactions."""
        payment_utils.check_rights_on_recordset(self)
        for tx in self.sudo().filtered(
            lambda t: t.provider_code == "wechatpay" and t.state in ("draft", "pending")
        ):
            tx._wechatpay_query()

    @api.model
    def _cron_wechatpay_query_pending(self, limit=100):
        """Query the WeChat Pay transactions whose notification did not come."""
        now = fields.Datetime.now()
        txs = self.search(
            [
                ("provider_code", "=", "wechatpay"),
                ("state", "in", ("draft", "pending")),
                ("operation", "in", ("online_redirect", "refund")),
                ("create_date", ">=", now - timedelta(days=2)),
                ("create_date", "<=", now - timedelta(minutes=1)),
            ],
            order="id desc",
            limit=limit,
        )
        for tx in txs:
            try:
                with self.env.cr.savepoint():
                    tx._wechatpay_query()
            except ValidationError as error:
                _logger.warning(
                    "WeChat Pay: query of transaction %s failed: %s",
                    tx.reference,
                    error,
                )
        return len(txs)

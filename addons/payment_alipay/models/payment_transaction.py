# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import re
from datetime import timedelta
from urllib.parse import parse_qsl

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import SQL, float_compare, float_repr, format_amount

from odoo.addons.payment import utils as payment_utils

from .. import const
from .payment_provider import AlipayApiError

_logger = logging.getLogger(__name__)

# out_trade_no and out_request_no: up to 64 letters, digits and underscores.
REFERENCE_FORBIDDEN = re.compile(r"[^0-9A-Za-z_]")
REFERENCE_MAX_PREFIX = 56


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    # === BUSINESS METHODS - REFERENCE === #

    @api.constrains("provider_id", "invoice_ids")
    def _check_alipay_invoice_company(self):
        """An invoice is paid through a provider of its own company, enabled
        or in test mode: the portal offers no other, and a request naming
        another provider is refused (the money would reach another
        merchant account and the payment another company's books)."""
        for tx in self.filtered(lambda t: t.provider_code == "alipay"):
            if tx.provider_id.state == "disabled":
                raise ValidationError(
                    self.env._("Alipay: this payment provider is disabled.")
                )
            if tx.invoice_ids.company_id - tx.provider_id.company_id:
                raise ValidationError(
                    self.env._(
                        "Alipay: invoices of %(invoice_company)s cannot be "
                        "paid through the provider of %(provider_company)s.",
                        invoice_company=", ".join(
                            tx.invoice_ids.company_id.mapped("name")
                        ),
                        provider_company=tx.provider_id.company_id.name,
                    )
                )

    @api.model
    def _compute_reference(self, provider_code, prefix=None, separator="-", **kwargs):
        """Override of `payment` to keep references within Alipay's rules.

        ``INV/2026/00001`` becomes ``INV_2026_00001``; a second attempt for the same
        invoice ``INV_2026_00001_1``.
        """
        if provider_code != "alipay":
            return super()._compute_reference(
                provider_code, prefix=prefix, separator=separator, **kwargs
            )
        if not prefix:
            prefix = self.sudo()._compute_reference_prefix(provider_code, "_", **kwargs)
        prefix = REFERENCE_FORBIDDEN.sub("_", prefix or "")
        if not prefix or len(prefix) > REFERENCE_MAX_PREFIX:
            prefix = payment_utils.singularize_reference_prefix(
                prefix="tx", separator="_", max_length=REFERENCE_MAX_PREFIX
            )
        return super()._compute_reference(
            provider_code, prefix=prefix, separator="_", **kwargs
        )

    # === BUSINESS METHODS - PAYMENT FLOW === #

    def _get_specific_rendering_values(self, processing_values):
        """Override of `payment` to send the customer to Alipay's cashier.

        Desktop browsers get the page pay (QR code or login on Alipay's page),
        phones the wap pay that opens the Alipay app.
        """
        res = super()._get_specific_rendering_values(processing_values)
        if self.provider_code != "alipay":
            return res
        provider = self.provider_id
        method, product_code = (
            const.WAP_PAY if self._alipay_is_phone() else const.PAGE_PAY
        )
        biz_content = {
            "out_trade_no": self.reference,
            "total_amount": self._alipay_amount(self.amount),
            "subject": f"{self.company_id.name or ''} {self.reference}".strip()[:256],
            "product_code": product_code,
            "time_expire": self._alipay_expiry_text(),
        }
        if method == const.WAP_PAY[0]:
            biz_content["quit_url"] = f"{provider.get_base_url()}/payment/status"
        signed = provider._alipay_sign_page_request(
            method,
            biz_content,
            return_url=provider._alipay_get_return_url(),
            notify_url=provider._alipay_get_notify_url(),
        )
        return {
            "api_url": provider._alipay_get_gateway_url(),
            "url_params": dict(parse_qsl(signed, keep_blank_values=True)),
        }

    @api.model
    def _alipay_is_phone(self):
        user_agent = (
            request.httprequest.headers.get("User-Agent", "") if request else ""
        )
        return any(marker in user_agent for marker in const.MOBILE_UA_MARKERS)

    def _alipay_amount(self, amount):
        return float_repr(amount, self.currency_id.decimal_places)

    def _alipay_get_expiry(self):
        return self.create_date + timedelta(minutes=const.ORDER_VALIDITY_MINUTES)

    def _alipay_expiry_text(self):
        expiry = pytz.utc.localize(self._alipay_get_expiry())
        return expiry.astimezone(pytz.timezone(const.ALIPAY_TZ)).strftime(
            const.TIME_FORMAT
        )

    def _send_refund_request(self, amount_to_refund=None):
        """Override of `payment` to refund through Alipay (alipay.trade.refund).

        If Alipay does not answer in time, the refund stays pending until queried.
        """
        refund_tx = super()._send_refund_request(amount_to_refund=amount_to_refund)
        if self.provider_code != "alipay":
            return refund_tx
        biz_content = {
            "out_trade_no": self.reference,
            "refund_amount": self._alipay_amount(-refund_tx.amount),
            "out_request_no": refund_tx.reference,
        }
        _logger.info(
            "Alipay: refund %s of %s requested", refund_tx.reference, self.reference
        )
        try:
            answer = self.provider_id._alipay_call("alipay.trade.refund", biz_content)
        except AlipayApiError:
            raise
        except ValidationError as error:
            refund_tx._set_pending(state_message=str(error))
            return refund_tx
        if answer.get("fund_change") == "Y":
            refund_tx._alipay_apply(
                {
                    "out_biz_no": refund_tx.reference,
                    "refund_status": "REFUND_SUCCESS",
                    "trade_no": answer.get("trade_no"),
                }
            )
        else:  # A repeated request, or not settled yet: ask again.
            refund_tx._alipay_query()
        return refund_tx

    # === BUSINESS METHODS - NOTIFICATIONS AND QUERIES === #

    @api.model
    def _alipay_handle_notification(self, provider, data):
        """Apply verified notification or query data of `provider`."""
        if data.get("app_id") != provider.alipay_app_id or (
            provider.alipay_seller_id
            and data.get("seller_id")
            and data["seller_id"] != provider.alipay_seller_id
        ):
            _logger.warning("Alipay: notification for another app or seller refused")
            raise ValidationError(
                self.env._("Alipay: the app ID or seller does not match.")
            )
        tx = self._get_tx_from_notification_data("alipay", data)
        if tx.provider_id != provider:
            raise ValidationError(
                self.env._("Alipay: the app ID or seller does not match.")
            )
        tx._alipay_apply(data)
        return tx

    def _alipay_apply(self, data):
        self._handle_notification_data("alipay", data)
        self._alipay_post_process_now()

    def _get_tx_from_notification_data(self, provider_code, notification_data):
        """Override of `payment` to find the transaction of Alipay data."""
        tx = super()._get_tx_from_notification_data(provider_code, notification_data)
        if provider_code != "alipay" or len(tx) == 1:
            return tx
        reference = notification_data.get("out_biz_no") or notification_data.get(
            "out_trade_no"
        )
        tx = self.search(
            [("reference", "=", reference), ("provider_code", "=", "alipay")]
        )
        if len(tx) != 1:
            raise ValidationError(
                self.env._(
                    "Alipay: no transaction found matching reference %s.", reference
                )
            )
        return tx

    def _alipay_lock(self):
        """Lock the transaction rows (see payment_wechatpay: same reasoning)."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM payment_transaction WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            ),
            log_exceptions=False,  # a serialization failure here is expected
        )
        self.invalidate_recordset()

    def _process_notification_data(self, notification_data):
        """Override of `payment` to apply an Alipay payment or refund."""
        super()._process_notification_data(notification_data)
        if self.provider_code != "alipay":
            return
        self._alipay_lock()
        if self.operation == "refund":
            self._alipay_process_refund(notification_data)
        else:
            self._alipay_process_payment(notification_data)

    def _alipay_process_payment(self, data):
        status = data.get("trade_status")
        if status in const.PAYMENT_STATUS_MAPPING["done"]:
            try:
                received = float(data.get("total_amount"))
            except (TypeError, ValueError):
                received = None
            if (
                received is None
                or float_compare(
                    received,
                    self.amount,
                    precision_digits=self.currency_id.decimal_places,
                )
                != 0
            ):
                _logger.warning(
                    "Alipay: amount mismatch on transaction %s: expected %s, "
                    "received %s; no payment recorded",
                    self.reference,
                    self._alipay_amount(self.amount),
                    data.get("total_amount"),
                )
                self._set_error(
                    self.env._(
                        "Alipay reported %(received)s but the transaction is for "
                        "%(expected)s.",
                        received=data.get("total_amount"),
                        expected=format_amount(self.env, self.amount, self.currency_id),
                    )
                )
                return
            if self.state != "done":
                self.provider_reference = data.get("trade_no")
            self._set_done()
        elif status in const.PAYMENT_STATUS_MAPPING["pending"]:
            self._set_pending()
        elif status in const.PAYMENT_STATUS_MAPPING["cancel"]:
            # Also sent when a paid trade is fully refunded: a done payment stays.
            self._set_canceled(self.env._("The Alipay trade was closed."))
        elif status is None and fields.Datetime.now() > self._alipay_get_expiry():
            self._set_canceled(self.env._("The Alipay order expired without payment."))
        elif status is not None:
            _logger.warning(
                "Alipay: unknown trade status %s for transaction %s",
                status,
                self.reference,
            )
            self._set_error(self.env._("Alipay: unknown payment state %s.", status))

    def _alipay_process_refund(self, data):
        if data.get("refund_status") == "REFUND_SUCCESS" or data.get("gmt_refund"):
            if self.state != "done":
                self.provider_reference = data.get("trade_no")
            self._set_done()
        elif data.get("not_found"):
            self._set_error(self.env._("Alipay has no record of this refund."))

    def _alipay_post_process_now(self):
        """Create the payment and reconcile the invoices at once (row is locked)."""
        if self.state not in ("done", "cancel") or self.is_post_processed:
            return
        try:
            with self.env.cr.savepoint():
                self._post_process()
        except (UserError, ValidationError):
            _logger.exception(
                "Alipay: post-processing of transaction %s failed; left to the "
                "post-processing job",
                self.reference,
            )
            self.env.ref("payment.cron_post_process_payment_tx")._trigger()

    def _alipay_query(self):
        """Ask Alipay for the state of the transaction and apply it."""
        self.ensure_one()
        provider = self.provider_id
        if self.operation == "refund":
            answer = provider._alipay_call(
                "alipay.trade.fastpay.refund.query",
                {
                    "out_trade_no": self.source_transaction_id.reference,
                    "out_request_no": self.reference,
                },
            )
            data = {"out_biz_no": self.reference, "app_id": provider.alipay_app_id}
            if answer.get("refund_status") == "REFUND_SUCCESS" or (
                answer.get("refund_amount") and "refund_status" not in answer
            ):
                data.update(
                    refund_status="REFUND_SUCCESS", trade_no=answer.get("trade_no")
                )
            elif not answer.get("refund_amount"):
                data["not_found"] = True
            self._alipay_apply(data)
            return
        try:
            answer = provider._alipay_call(
                "alipay.trade.query", {"out_trade_no": self.reference}
            )
        except AlipayApiError as error:
            if error.sub_code not in const.NOT_FOUND_SUB_CODES:
                raise
            # The customer never opened the cashier: nothing exists at Alipay.
            answer = {"out_trade_no": self.reference}
        answer["app_id"] = provider.alipay_app_id
        self._alipay_handle_notification(provider, answer)

    def action_alipay_query(self):
        """Button: ask Alipay for the state of the transactions."""
        payment_utils.check_rights_on_recordset(self)
        for tx in self.sudo().filtered(
            lambda t: t.provider_code == "alipay" and t.state in ("draft", "pending")
        ):
            tx._alipay_query()

    @api.model
    def _cron_alipay_query_pending(self, limit=100):
        """Query the Alipay transactions whose notification did not come."""
        now = fields.Datetime.now()
        txs = self.search(
            [
                ("provider_code", "=", "alipay"),
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
                    tx._alipay_query()
            except ValidationError as error:
                _logger.warning(
                    "Alipay: query of transaction %s failed: %s", tx.reference, error
                )
        return len(txs)

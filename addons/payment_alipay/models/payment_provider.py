# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import binascii
import logging
from urllib.error import URLError

import pytz
from alipay import AliPay
from alipay.exceptions import AliPayException, AliPayValidationError
from alipay.utils import AliPayConfig

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import const

_logger = logging.getLogger(__name__)

PEM_HEADERS = {
    "private": ("-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"),
    "private_pkcs1": (
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----END RSA PRIVATE KEY-----",
    ),
    "public": ("-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----"),
}


def _pem(text, kind):
    """Alipay's key tool gives the bare base64 body: add the PEM lines."""
    text = (text or "").strip()
    if not text or "-----BEGIN" in text:
        return text
    begin, end = PEM_HEADERS[kind]
    return f"{begin}\n{text}\n{end}"


class AlipayApiError(ValidationError):
    """A signed business answer of Alipay that is not a success."""

    def __init__(self, message, code=None, sub_code=None):
        super().__init__(message)
        self.code = code
        self.sub_code = sub_code


class PaymentProvider(models.Model):
    _inherit = "payment.provider"

    code = fields.Selection(
        selection_add=[("alipay", "Alipay")], ondelete={"alipay": "set default"}
    )
    alipay_app_id = fields.Char(
        string="Alipay App ID",
        help="The APPID of the web application created in the Alipay open platform.",
        required_if_provider="alipay",
    )
    alipay_app_private_key = fields.Text(
        string="App Private Key",
        help="The application private key (RSA2, 2048 bits) made with Alipay's key "
        "tool; it signs the requests.",
        required_if_provider="alipay",
        groups="base.group_system",
    )
    alipay_public_key = fields.Text(
        help="The Alipay public key shown in the open platform after uploading the "
        "application public key; it verifies Alipay's answers and notifications.",
        required_if_provider="alipay",
    )
    alipay_seller_id = fields.Char(
        string="Alipay Seller ID",
        help="The merchant's Alipay user ID (PID, 2088...). When set, notifications "
        "for another seller are refused.",
    )
    alipay_gateway_url = fields.Char(
        string="Alipay Gateway URL",
        help="Leave empty for Alipay's gateway (the sandbox in test mode). Change it "
        "only for a proxy or a test server.",
    )

    # === COMPUTE METHODS === #

    def _compute_feature_support_fields(self):
        """Override of `payment` to enable refunds."""
        res = super()._compute_feature_support_fields()
        self.filtered(lambda p: p.code == "alipay").update(
            {"support_refund": "partial"}
        )
        return res

    # === BUSINESS METHODS === #

    def _get_supported_currencies(self):
        """Override of `payment` to return CNY."""
        supported_currencies = super()._get_supported_currencies()
        if self.code == "alipay":
            supported_currencies = supported_currencies.filtered(
                lambda c: c.name in const.SUPPORTED_CURRENCIES
            )
        return supported_currencies

    def _get_default_payment_method_codes(self):
        """Override of `payment` to return the default payment method codes."""
        default_codes = super()._get_default_payment_method_codes()
        if self.code != "alipay":
            return default_codes
        return const.DEFAULT_PAYMENT_METHOD_CODES

    def _alipay_get_gateway_url(self):
        self.ensure_one()
        if self.alipay_gateway_url:
            return self.alipay_gateway_url
        return (
            const.SANDBOX_GATEWAY if self.state == "test" else const.PRODUCTION_GATEWAY
        )

    def _alipay_get_notify_url(self):
        return f"{self.get_base_url()}{const.NOTIFY_ROUTE}/{self.id}"

    def _alipay_get_return_url(self):
        return f"{self.get_base_url()}{const.RETURN_ROUTE}/{self.id}"

    @api.model
    def _alipay_now(self):
        """The current time as Alipay expects it (Beijing time, no zone)."""
        now = pytz.utc.localize(fields.Datetime.now())
        return now.astimezone(pytz.timezone(const.ALIPAY_TZ)).strftime(
            const.TIME_FORMAT
        )

    def _alipay_get_client(self):
        """Return a `python-alipay-sdk` client for this provider (RSA2).

        Constructing it loads the keys only; it calls no API.
        """
        self.ensure_one()
        provider = self.sudo()
        public_key = _pem(provider.alipay_public_key, "public")
        client = None
        for kind in ("private", "private_pkcs1"):
            try:
                client = AliPay(
                    appid=provider.alipay_app_id,
                    app_private_key_string=_pem(provider.alipay_app_private_key, kind),
                    alipay_public_key_string=public_key,
                    sign_type="RSA2",
                    config=AliPayConfig(timeout=const.REQUEST_TIMEOUT),
                )
                break
            except (ValueError, IndexError, TypeError):
                continue
        if client is None:
            raise ValidationError(
                self.env._(
                    "Alipay: the app private key or the Alipay public key is not valid."
                )
            )
        # The SDK picks the production or sandbox gateway; we keep it in a field.
        client._gateway = provider._alipay_get_gateway_url()  # pylint: disable=protected-access
        return client

    def _alipay_sign_page_request(self, method, biz_content, **params):
        """Return the signed parameters of a page to open in the browser."""
        client = self._alipay_get_client()
        signed = client.client_api(
            method, biz_content, timestamp=self._alipay_now(), **params
        )
        return signed

    def _alipay_call(self, method, biz_content):
        """Call an Alipay API and return its verified answer (a dict).

        :raise AlipayApiError: if Alipay answers with a business error.
        :raise ValidationError: if Alipay cannot be reached in time or its answer is
            not signed by Alipay.
        """
        client = self._alipay_get_client()
        try:
            answer = client.server_api(
                method, biz_content, timestamp=self._alipay_now()
            )
        except AliPayValidationError:
            _logger.warning("Alipay: answer to %s with an invalid signature", method)
            raise ValidationError(
                self.env._("Alipay: the answer of the server could not be verified.")
            ) from None
        except AliPayException as error:
            _logger.warning("Alipay: %s failed with code %s", method, error.code)
            raise AlipayApiError(
                self.env._("Alipay refused the request (code %s).", error.code),
                code=error.code,
            ) from None
        except (URLError, TimeoutError, ConnectionError, ValueError):
            _logger.warning("Alipay: no answer from the gateway for %s", method)
            raise ValidationError(
                self.env._(
                    "Alipay: the Alipay server did not answer in time. "
                    "Please try again in a moment."
                )
            ) from None
        if answer.get("code") != const.SUCCESS_CODE:
            _logger.warning(
                "Alipay: %s answered %s %s",
                method,
                answer.get("code"),
                answer.get("sub_code"),
            )
            raise AlipayApiError(
                self.env._(
                    "Alipay refused the request: %(message)s",
                    message=answer.get("sub_msg") or answer.get("msg"),
                ),
                code=answer.get("code"),
                sub_code=answer.get("sub_code"),
            )
        return answer

    def _alipay_verify_notification(self, data):
        """Return whether notification or return parameters are signed by Alipay.

        As the specification says: `sign` and `sign_type` are left out, the other
        parameters sorted and joined as ``key=value&...``, verified with RSA2 and
        the Alipay public key.
        """
        self.ensure_one()
        params = dict(data)
        signature = params.pop("sign", None)
        if not signature or params.get("sign_type") != "RSA2":
            return False
        try:
            return self._alipay_get_client().verify(params, signature)
        except (
            ValueError,
            TypeError,
            binascii.Error,
            AliPayException,
            ValidationError,
        ):
            return False

    def _alipay_receive_notification(self, data):
        """Verify and apply a notification; return (HTTP status, text to answer).

        The RSA2 signature is verified before any transaction is looked up; a
        refused notification writes nothing.
        """
        if not self or self.code != "alipay" or self.state == "disabled":
            return 404, "fail"
        if not self._alipay_verify_notification(data):
            _logger.warning(
                "Alipay: notification refused, invalid signature (provider %s)", self.id
            )
            return 401, "fail"
        try:
            with self.env.cr.savepoint():
                self.env["payment.transaction"].sudo()._alipay_handle_notification(
                    self, data
                )
        except ValidationError as error:
            _logger.warning("Alipay: notification refused: %s", error)
            return 400, "fail"
        return 200, "success"

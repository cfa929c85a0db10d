# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import logging
import time
from datetime import datetime, timezone
from urllib.parse import urlencode

import requests

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import const, utils

_logger = logging.getLogger(__name__)


class WechatpayApiError(ValidationError):
    """An answer of the WeChat Pay API that is not a success (HTTP 4xx/5xx)."""

    def __init__(self, message, status=None, code=None, verified=False):
        super().__init__(message)
        self.status = status
        self.code = code
        self.verified = verified


class PaymentProvider(models.Model):
    _inherit = "payment.provider"

    code = fields.Selection(
        selection_add=[("wechatpay", "WeChat Pay")],
        ondelete={"wechatpay": "set default"},
    )
    wechatpay_mch_id = fields.Char(
        string="Merchant ID",
        help="The merchant number (商户号) given by WeChat Pay.",
        required_if_provider="wechatpay",
    )
    wechatpay_app_id = fields.Char(
        string="App ID",
        help="The AppID of the official account, mini program or app bound to the "
        "merchant number.",
        required_if_provider="wechatpay",
    )
    wechatpay_mch_serial_no = fields.Char(
        string="Merchant API Certificate Serial Number",
        help="The serial number of the merchant API certificate (商户API证书).",
        required_if_provider="wechatpay",
    )
    wechatpay_mch_private_key = fields.Text(
        string="Merchant API Private Key",
        help="The content of apiclient_key.pem, used to sign the requests.",
        required_if_provider="wechatpay",
        groups="base.group_system",
    )
    wechatpay_apiv3_key = fields.Char(
        string="APIv3 Key",
        help="The 32-character APIv3 key set in the merchant platform; it decrypts "
        "the notifications.",
        required_if_provider="wechatpay",
        groups="base.group_system",
    )
    wechatpay_platform_certificates = fields.Text(
        string="Platform Certificates",
        help="The WeChat Pay platform certificates (PEM, one or several) that verify "
        "the answers and notifications. Download them with the button once the "
        "other keys are set. Not needed with a WeChat Pay public key.",
        groups="base.group_system",
    )
    wechatpay_public_key_id = fields.Char(
        string="WeChat Pay Public Key ID",
        help="The ID of the WeChat Pay public key (PUB_KEY_ID_...), for merchants who "
        "verify with the WeChat Pay public key instead of platform certificates.",
    )
    wechatpay_public_key = fields.Text(
        string="WeChat Pay Public Key",
        help="The WeChat Pay public key (pub_key.pem) downloaded from the merchant "
        "platform.",
        groups="base.group_system",
    )
    wechatpay_api_url = fields.Char(
        string="WeChat Pay API URL",
        help="The address of the WeChat Pay API. Change it only for a proxy or a test "
        "server.",
        default=const.DEFAULT_API_URL,
    )
    wechatpay_h5_enabled = fields.Boolean(
        string="H5 Payment on Phones",
        help="Open WeChat Pay directly on phone browsers (H5 payment). The product "
        "must be enabled and the domain registered in the merchant platform. "
        "Otherwise phones are shown the QR code too.",
    )

    # === CONSTRAINT METHODS === #

    @api.constrains(
        "state", "code", "wechatpay_platform_certificates", "wechatpay_public_key"
    )
    def _check_wechatpay_verification_key(self):
        for provider in self.sudo().filtered(
            lambda p: p.code == "wechatpay" and p.state != "disabled"
        ):
            if provider.wechatpay_public_key and not provider.wechatpay_public_key_id:
                raise ValidationError(
                    self.env._("WeChat Pay: the public key needs its public key ID.")
                )
            try:
                if provider.wechatpay_public_key:
                    utils.load_public_key(provider.wechatpay_public_key)
                utils.load_certificates(provider.wechatpay_platform_certificates)
            except utils.WechatpayCryptoError as error:
                raise ValidationError(
                    self.env._(
                        "WeChat Pay: the platform certificate or public key "
                        "is not valid."
                    )
                ) from error

    # === COMPUTE METHODS === #

    def _compute_feature_support_fields(self):
        """Override of `payment` to enable refunds."""
        res = super()._compute_feature_support_fields()
        self.filtered(lambda p: p.code == "wechatpay").update(
            {"support_refund": "partial"}
        )
        return res

    # === BUSINESS METHODS - PAYMENT FLOW === #

    def _get_supported_currencies(self):
        """Override of `payment` to return CNY."""
        supported_currencies = super()._get_supported_currencies()
        if self.code == "wechatpay":
            supported_currencies = supported_currencies.filtered(
                lambda c: c.name in const.SUPPORTED_CURRENCIES
            )
        return supported_currencies

    def _get_default_payment_method_codes(self):
        """Override of `payment` to return the default payment method codes."""
        default_codes = super()._get_default_payment_method_codes()
        if self.code != "wechatpay":
            return default_codes
        return const.DEFAULT_PAYMENT_METHOD_CODES

    def _wechatpay_get_notify_url(self):
        self.ensure_one()
        return f"{self.get_base_url()}{const.NOTIFY_ROUTE}/{self.id}"

    def _wechatpay_get_api_url(self):
        self.ensure_one()
        return (self.wechatpay_api_url or const.DEFAULT_API_URL).rstrip("/")

    def _wechatpay_send(self, method, path, payload=None, query=None):
        """Send a signed request; return (HTTP status, headers, body text).

        :raise ValidationError: if the API cannot be reached in time.
        """
        self.ensure_one()
        url = path + (f"?{urlencode(query)}" if query else "")
        body = (
            json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            if payload is not None
            else ""
        )
        try:
            private_key = utils.load_private_key(self.sudo().wechatpay_mch_private_key)
        except utils.WechatpayCryptoError as error:
            raise ValidationError(
                self.env._("WeChat Pay: the merchant API private key is not valid.")
            ) from error
        headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": "Odoo payment_wechatpay",
            "Authorization": utils.build_authorization(
                method,
                url,
                body,
                self.wechatpay_mch_id,
                self.wechatpay_mch_serial_no,
                private_key,
            ),
        }
        try:
            response = requests.request(
                method,
                self._wechatpay_get_api_url() + url,
                data=body.encode() if body else None,
                headers=headers,
                timeout=const.REQUEST_TIMEOUT,
            )
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout):
            _logger.warning(
                "WeChat Pay: no answer from the API for %s %s", method, path
            )
            raise ValidationError(
                self.env._(
                    "WeChat Pay: the WeChat Pay server did not answer in time. "
                    "Please try again in a moment."
                )
            ) from None
        return response.status_code, response.headers, response.content.decode()

    def _wechatpay_make_request(self, method, path, payload=None, query=None):
        """Call the API and return its verified JSON answer.

        :raise WechatpayApiError: if the answer is an error.
        :raise ValidationError: if the API cannot be reached or its answer is not
            signed by WeChat Pay.
        """
        status, headers, text = self._wechatpay_send(method, path, payload, query)
        verified = self._wechatpay_verify_signature(headers, text)
        if 200 <= status < 300:
            if not verified:
                _logger.warning(
                    "WeChat Pay: answer to %s %s with a missing or invalid signature",
                    method,
                    path,
                )
                raise ValidationError(
                    self.env._(
                        "WeChat Pay: the answer of the server could not be verified."
                    )
                )
            return json.loads(text) if text else {}
        try:
            error = json.loads(text) if text else {}
        except ValueError:
            error = {}
        _logger.warning(
            "WeChat Pay: %s %s answered HTTP %s %s",
            method,
            path,
            status,
            error.get("code"),
        )
        raise WechatpayApiError(
            self.env._(
                "WeChat Pay refused the request: %(message)s",
                message=error.get("message") or status,
            ),
            status=status,
            code=error.get("code"),
            verified=verified,
        )

    def _wechatpay_verify_signature(self, headers, body):
        """Return whether a response or notification is signed by WeChat Pay.

        :param headers: the HTTP headers (case-insensitive mapping).
        :param str body: the raw body as received.
        """
        self.ensure_one()
        timestamp = headers.get("Wechatpay-Timestamp")
        nonce = headers.get("Wechatpay-Nonce")
        signature = headers.get("Wechatpay-Signature")
        serial = headers.get("Wechatpay-Serial")
        signature_type = headers.get("Wechatpay-Signature-Type", const.SIGNATURE_TYPE)
        if not (timestamp and nonce and signature and serial):
            return False
        if signature_type != const.SIGNATURE_TYPE:
            return False
        try:
            age = abs(time.time() - int(timestamp))
        except ValueError:
            return False
        if age > const.SIGNATURE_MAX_AGE:
            _logger.warning("WeChat Pay: signature timestamp too old or too new")
            return False
        public_key = self._wechatpay_get_verification_key(serial)
        if public_key is None:
            _logger.warning(
                "WeChat Pay: unknown platform certificate or key %s", serial
            )
            return False
        message = utils.verification_message(timestamp, nonce, body)
        return utils.rsa_verify(public_key, message, signature)

    def _wechatpay_get_verification_key(self, serial):
        """Return the public key of the platform certificate or public key id."""
        provider = self.sudo()
        if (
            provider.wechatpay_public_key_id
            and serial == provider.wechatpay_public_key_id
        ):
            try:
                return utils.load_public_key(provider.wechatpay_public_key)
            except utils.WechatpayCryptoError:
                return None
        try:
            certificates = utils.load_certificates(
                provider.wechatpay_platform_certificates
            )
        except utils.WechatpayCryptoError:
            return None
        certificate = certificates.get(serial.upper())
        if certificate is None or not _is_valid_now(certificate):
            return None
        return certificate.public_key()

    def _wechatpay_decrypt_resource(self, resource):
        """Decrypt the `resource` of a notification into a dict."""
        self.ensure_one()
        if resource.get("algorithm") != "AEAD_AES_256_GCM":
            raise utils.WechatpayCryptoError("unsupported algorithm")
        plain = utils.aes_gcm_decrypt(
            self.sudo().wechatpay_apiv3_key,
            resource.get("nonce"),
            resource.get("ciphertext"),
            resource.get("associated_data"),
        )
        return json.loads(plain)

    def _wechatpay_receive_notification(self, headers, body):
        """Verify, decrypt and apply a notification; return (HTTP status, code, text).

        The signature (platform certificate or public key, timestamp at most 5
        minutes off) is checked and the resource decrypted before any transaction
        is looked up. A refused notification writes nothing.
        """
        if not self or self.code != "wechatpay" or self.state == "disabled":
            return 404, "FAIL", "unknown merchant"
        if not self._wechatpay_verify_signature(headers, body):
            _logger.warning(
                "WeChat Pay: notification refused, invalid signature (provider %s)",
                self.id,
            )
            return 401, "FAIL", "signature verification failed"
        try:
            event = json.loads(body)
            resource = self._wechatpay_decrypt_resource(event["resource"])
        except (
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            utils.WechatpayCryptoError,
        ):
            _logger.warning("WeChat Pay: notification refused, resource not readable")
            return 400, "FAIL", "resource cannot be decrypted"
        event_type = event.get("event_type")
        if event_type not in const.PAYMENT_EVENTS + const.REFUND_EVENTS:
            _logger.info("WeChat Pay: notification %s ignored", event_type)
            return 200, "SUCCESS", "OK"
        try:
            with self.env.cr.savepoint():
                self.env["payment.transaction"].sudo()._wechatpay_handle_resource(
                    self, resource
                )
        except ValidationError as error:
            _logger.warning("WeChat Pay: notification refused: %s", error)
            return 400, "FAIL", "notification refused"
        return 200, "SUCCESS", "OK"

    # === ACTION METHODS === #

    def action_wechatpay_download_certificates(self):
        """Download the platform certificates and keep them on the provider.

        The answer of /v3/certificates is verified with the certificates it brings
        (as the specification says), after decrypting them with the APIv3 key.
        """
        self.ensure_one()
        status, headers, text = self._wechatpay_send("GET", "/v3/certificates")
        if status != 200:
            raise ValidationError(
                self.env._(
                    "WeChat Pay refused the request: %(message)s", message=status
                )
            )
        pems = []
        try:
            for item in json.loads(text).get("data", []):
                encrypted = item["encrypt_certificate"]
                pems.append(
                    utils.aes_gcm_decrypt(
                        self.sudo().wechatpay_apiv3_key,
                        encrypted["nonce"],
                        encrypted["ciphertext"],
                        encrypted["associated_data"],
                    )
                )
            certificates = utils.load_certificates("\n".join(pems))
        except (ValueError, KeyError, TypeError, utils.WechatpayCryptoError) as error:
            raise ValidationError(
                self.env._(
                    "WeChat Pay: the certificates could not be decrypted "
                    "with the APIv3 key."
                )
            ) from error
        certificate = certificates.get((headers.get("Wechatpay-Serial") or "").upper())
        message = utils.verification_message(
            headers.get("Wechatpay-Timestamp"), headers.get("Wechatpay-Nonce"), text
        )
        if certificate is None or not utils.rsa_verify(
            certificate.public_key(), message, headers.get("Wechatpay-Signature") or ""
        ):
            raise ValidationError(
                self.env._(
                    "WeChat Pay: the answer of the server could not be verified."
                )
            )
        self.sudo().wechatpay_platform_certificates = "\n".join(pems)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s platform certificate(s) downloaded.",
                    count=len(certificates),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }


def _is_valid_now(certificate):
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    not_before = getattr(certificate, "not_valid_before_utc", None)
    if not_before is not None:  # cryptography >= 42
        not_before = not_before.replace(tzinfo=None)
        not_after = certificate.not_valid_after_utc.replace(tzinfo=None)
    else:
        not_before, not_after = (
            certificate.not_valid_before,
            certificate.not_valid_after,
        )
    return not_before <= now <= not_after

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Signatures and encryption of the WeChat Pay API v3, with `cryptography`.

Written here rather than taken from the `wechatpayv3` SDK: its client downloads
the platform certificates over the network when it is constructed, keeps them in
memory or in files of its own, and calls a fixed gateway. Odoo keeps the keys
and certificates on the provider record and the API address in a field.

- Request signature (签名生成): SHA256 with RSA (PKCS#1 v1.5) of
  ``METHOD\\nURL\\ntimestamp\\nnonce\\nbody\\n`` with the merchant API private
  key, sent as ``Authorization: WECHATPAY2-SHA256-RSA2048 mchid=...``.
- Response and notification signature (签名验证): SHA256 with RSA of
  ``timestamp\\nnonce\\nbody\\n`` with the WeChat Pay platform key, in the
  headers ``Wechatpay-Timestamp``, ``Wechatpay-Nonce``, ``Wechatpay-Signature``
  and ``Wechatpay-Serial`` (the platform certificate serial or the public key id).
- Encrypted resources (回调报文解密): AEAD_AES_256_GCM with the APIv3 key
  (32 bytes), the resource's nonce (12 bytes) and associated_data.
"""

import base64
import secrets
import time

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PEM_CERT_BEGIN = "-----BEGIN CERTIFICATE-----"
PEM_CERT_END = "-----END CERTIFICATE-----"


class WechatpayCryptoError(ValueError):
    """A key, certificate, signature or ciphertext that cannot be used."""


def load_private_key(pem):
    """Return the RSA private key of a PEM text (PKCS#8 as downloaded, or PKCS#1)."""
    text = (pem or "").strip()
    if text and "-----BEGIN" not in text:  # The bare base64 body was pasted.
        text = f"-----BEGIN PRIVATE KEY-----\n{text}\n-----END PRIVATE KEY-----"
    try:
        return serialization.load_pem_private_key(text.encode(), password=None)
    except (ValueError, TypeError) as error:
        raise WechatpayCryptoError("invalid merchant private key") from error


def load_public_key(pem):
    text = (pem or "").strip()
    if text and "-----BEGIN" not in text:
        text = f"-----BEGIN PUBLIC KEY-----\n{text}\n-----END PUBLIC KEY-----"
    try:
        return serialization.load_pem_public_key(text.encode())
    except (ValueError, TypeError) as error:
        raise WechatpayCryptoError("invalid WeChat Pay public key") from error


def split_certificates(pem_text):
    """Return the PEM blocks of a text holding one or several certificates."""
    blocks, text = [], pem_text or ""
    while PEM_CERT_BEGIN in text:
        start = text.index(PEM_CERT_BEGIN)
        end = text.find(PEM_CERT_END, start)
        if end < 0:
            break
        end += len(PEM_CERT_END)
        blocks.append(text[start:end])
        text = text[end:]
    return blocks


def load_certificates(pem_text):
    """Return {serial number in upper-case hex: certificate} of a PEM text."""
    certificates = {}
    for block in split_certificates(pem_text):
        try:
            certificate = x509.load_pem_x509_certificate(block.encode())
        except ValueError as error:
            raise WechatpayCryptoError("invalid platform certificate") from error
        certificates[certificate_serial(certificate)] = certificate
    return certificates


def certificate_serial(certificate):
    return format(certificate.serial_number, "X")


def rsa_sign(private_key, message):
    signature = private_key.sign(message.encode(), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode()


def rsa_verify(public_key, message, signature):
    try:
        public_key.verify(
            base64.b64decode(signature, validate=True),
            message.encode(),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def build_authorization(
    method, url, body, mch_id, serial_no, private_key, timestamp=None, nonce=None
):
    """Return the Authorization header of a request to the API.

    :param str url: the path with its query string
        (``/v3/pay/transactions/out-trade-no/X?mchid=1``).
    :param str body: the exact JSON text sent, or ``""`` for a GET.
    """
    timestamp = str(timestamp or int(time.time()))
    nonce = nonce or secrets.token_hex(16).upper()
    message = f"{method}\n{url}\n{timestamp}\n{nonce}\n{body}\n"
    signature = rsa_sign(private_key, message)
    return (
        f'WECHATPAY2-SHA256-RSA2048 mchid="{mch_id}",nonce_str="{nonce}",'
        f'signature="{signature}",timestamp="{timestamp}",serial_no="{serial_no}"'
    )


def verification_message(timestamp, nonce, body):
    return f"{timestamp}\n{nonce}\n{body}\n"


def aes_gcm_decrypt(apiv3_key, nonce, ciphertext, associated_data):
    """Decrypt an encrypted resource; raise WechatpayCryptoError if it fails."""
    key = (apiv3_key or "").encode()
    if len(key) != 32:
        raise WechatpayCryptoError("the APIv3 key must be 32 characters")
    try:
        data = base64.b64decode(ciphertext, validate=True)
        plain = AESGCM(key).decrypt(
            (nonce or "").encode(), data, (associated_data or "").encode()
        )
    except (InvalidTag, ValueError, TypeError) as error:
        raise WechatpayCryptoError("the resource cannot be decrypted") from error
    return plain.decode()


def aes_gcm_encrypt(apiv3_key, nonce, plaintext, associated_data):
    """Encrypt like WeChat Pay does (used by the tests' fake server)."""
    data = AESGCM(apiv3_key.encode()).encrypt(
        nonce.encode(), plaintext.encode(), (associated_data or "").encode()
    )
    return base64.b64encode(data).decode()

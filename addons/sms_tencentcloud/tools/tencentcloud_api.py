# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tencent Cloud SMS (API 2021-01-11) over plain HTTPS.

Requests are POSTed as JSON and signed with TC3-HMAC-SHA256 (TencentCloud
API signature v3), as ``tencentcloud-sdk-python-common`` does:

    CanonicalRequest = POST \\n / \\n (empty query) \\n
                       content-type:<ct>\\nhost:<host>\\n \\n
                       content-type;host \\n HexSHA256(payload)
    StringToSign     = TC3-HMAC-SHA256 \\n <timestamp> \\n
                       <date>/sms/tc3_request \\n HexSHA256(CanonicalRequest)
    SecretSigning    = HMAC(HMAC(HMAC("TC3" + SecretKey, date), "sms"),
                            "tc3_request")
    Signature        = HexHMAC-SHA256(SecretSigning, StringToSign)

``date`` is the UTC date of the timestamp. The API answers HTTP 200 with
``{"Response": {...}}``; errors are ``{"Response": {"Error": {"Code",
"Message"}, "RequestId"}}``.
"""

import hashlib
import hmac
import json
import time
from datetime import datetime, timezone
from urllib.parse import urlsplit

import requests

from odoo.addons.sms_cn.tools import SmsCnTransportError

API_VERSION = "2021-01-11"
SERVICE = "sms"
ALGORITHM = "TC3-HMAC-SHA256"
CONTENT_TYPE = "application/json; charset=utf-8"


def _hmac(key, message):
    return hmac.new(key, message.encode(), hashlib.sha256)


def sign_tc3(
    secret_id,
    secret_key,
    host,
    payload,
    timestamp,
    service=SERVICE,
    content_type=CONTENT_TYPE,
):
    """Return the ``Authorization`` header of a TC3-signed POST.

    :param payload: the exact request body (bytes)
    :param timestamp: int UNIX time, sent as ``X-TC-Timestamp``
    """
    date = datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d")
    canonical_request = "\n".join(
        [
            "POST",
            "/",
            "",
            f"content-type:{content_type}\nhost:{host}\n",
            "content-type;host",
            hashlib.sha256(payload).hexdigest(),
        ]
    )
    scope = f"{date}/{service}/tc3_request"
    string_to_sign = "\n".join(
        [
            ALGORITHM,
            str(timestamp),
            scope,
            hashlib.sha256(canonical_request.encode()).hexdigest(),
        ]
    )
    key = _hmac(("TC3" + secret_key).encode(), date).digest()
    key = _hmac(key, service).digest()
    key = _hmac(key, "tc3_request").digest()
    signature = _hmac(key, string_to_sign).hexdigest()
    return (
        f"{ALGORITHM} Credential={secret_id}/{scope}, "
        f"SignedHeaders=content-type;host, Signature={signature}"
    )


class TencentCloudSmsClient:
    """Calls SMS actions; answers the ``Response`` object (success or error).

    Network failures and answers that are not JSON raise
    :class:`SmsCnTransportError`.
    """

    def __init__(self, endpoint, secret_id, secret_key, region, timeout=10):
        self.endpoint = endpoint.rstrip("/")
        self.host = urlsplit(self.endpoint).netloc
        self.secret_id = secret_id
        self.secret_key = secret_key
        self.region = region
        self.timeout = timeout

    def call(self, action, params):
        payload = json.dumps(params, ensure_ascii=False).encode()
        timestamp = int(time.time())
        headers = {
            "Authorization": sign_tc3(
                self.secret_id, self.secret_key, self.host, payload, timestamp
            ),
            "Content-Type": CONTENT_TYPE,
            "Host": self.host,
            "X-TC-Action": action,
            "X-TC-Timestamp": str(timestamp),
            "X-TC-Version": API_VERSION,
            "X-TC-Region": self.region,
            "X-TC-Language": "zh-CN",
        }
        try:
            response = requests.post(
                f"{self.endpoint}/", data=payload, headers=headers, timeout=self.timeout
            )
        except requests.Timeout as error:
            raise SmsCnTransportError("Timeout", str(error)) from error
        except requests.RequestException as error:
            raise SmsCnTransportError("ConnectionError", str(error)) from error
        try:
            data = response.json()
        except ValueError as error:
            raise SmsCnTransportError(
                f"HTTP{response.status_code}", response.text[:200]
            ) from error
        if not isinstance(data, dict) or not isinstance(data.get("Response"), dict):
            raise SmsCnTransportError(f"HTTP{response.status_code}", str(data)[:200])
        return data["Response"]

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Alibaba Cloud SMS (Dysmsapi 2017-05-25) over plain HTTPS.

Requests are signed with Alibaba Cloud's signature V3 (ACS3-HMAC-SHA256),
the method of the current SDKs (``alibabacloud-tea-openapi``):

    CanonicalRequest = Method \\n CanonicalURI \\n CanonicalQueryString \\n
                       CanonicalHeaders \\n SignedHeaders \\n HexSHA256(body)
    StringToSign     = "ACS3-HMAC-SHA256" \\n HexSHA256(CanonicalRequest)
    Signature        = HexHMAC-SHA256(AccessKeySecret, StringToSign)
    Authorization    = ACS3-HMAC-SHA256 Credential=<AccessKeyId>,
                       SignedHeaders=<h1;h2;...>,Signature=<Signature>

Query parameters are sorted by name and percent-encoded as RFC 3986
(unreserved ``A-Z a-z 0-9 - _ . ~`` kept); the URL carries the same string.
The SDK's placement of parameters is kept: SendSms and QuerySendDetails in
the query, SendBatchSms's JSON arrays in a form body (their length would not
fit a URL).
"""

import hashlib
import hmac
import json
import uuid
from datetime import datetime, timezone
from urllib.parse import quote, urlencode, urlsplit

import requests

from odoo.addons.sms_cn.tools import SmsCnTransportError

API_VERSION = "2017-05-25"
ALGORITHM = "ACS3-HMAC-SHA256"


def percent_encode(value):
    return quote(str(value), safe="~")


def canonical_query(params):
    return "&".join(
        f"{percent_encode(name)}={percent_encode(value)}"
        for name, value in sorted((params or {}).items())
    )


def sign_v3(
    method,
    host,
    action,
    query,
    body,
    access_key_id,
    access_key_secret,
    date=None,
    nonce=None,
    content_type=None,
    version=API_VERSION,
    path="/",
):
    """Return the headers of a V3-signed request (``Authorization`` included).

    :param query: dict of query parameters (the URL's query must be
        ``canonical_query(query)``)
    :param body: the exact request body (bytes)
    """
    headers = {
        "host": host,
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": date or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "x-acs-signature-nonce": nonce or uuid.uuid4().hex,
        "x-acs-content-sha256": hashlib.sha256(body or b"").hexdigest(),
    }
    if content_type:
        headers["content-type"] = content_type
    signed = sorted(headers)
    canonical_headers = "".join(f"{name}:{headers[name].strip()}\n" for name in signed)
    signed_headers = ";".join(signed)
    canonical_request = "\n".join(
        [
            method,
            quote(path, safe="/~"),
            canonical_query(query),
            canonical_headers,
            signed_headers,
            headers["x-acs-content-sha256"],
        ]
    )
    string_to_sign = (
        f"{ALGORITHM}\n{hashlib.sha256(canonical_request.encode()).hexdigest()}"
    )
    signature = hmac.new(
        access_key_secret.encode(), string_to_sign.encode(), hashlib.sha256
    ).hexdigest()
    headers["Authorization"] = (
        f"{ALGORITHM} Credential={access_key_id},"
        f"SignedHeaders={signed_headers},Signature={signature}"
    )
    return headers


class AliyunSmsClient:
    """Calls Dysmsapi actions; answers the decoded JSON (success or error).

    Network failures and answers that are not JSON raise
    :class:`SmsCnTransportError`; the provider's own errors (HTTP 4xx with a
    ``Code``, or HTTP 200 with ``Code`` other than ``OK``) are returned.
    """

    def __init__(self, endpoint, access_key_id, access_key_secret, timeout=10):
        self.endpoint = endpoint.rstrip("/")
        self.host = urlsplit(self.endpoint).netloc
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret
        self.timeout = timeout

    def call(self, action, query=None, form=None):
        query = {k: v for k, v in (query or {}).items() if v not in (None, "")}
        body = urlencode(form, quote_via=quote).encode() if form else b""
        headers = sign_v3(
            "POST",
            self.host,
            action,
            query,
            body,
            self.access_key_id,
            self.access_key_secret,
            content_type="application/x-www-form-urlencoded" if form else None,
        )
        url = f"{self.endpoint}/"
        if query:
            url = f"{url}?{canonical_query(query)}"
        try:
            response = requests.post(
                url, data=body, headers=headers, timeout=self.timeout
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
        if not isinstance(data, dict):
            raise SmsCnTransportError(f"HTTP{response.status_code}", str(data)[:200])
        return data


def dumps(value):
    """JSON as the SMS parameters are written (Chinese kept readable)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

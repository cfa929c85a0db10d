# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A local stand-in for the WeChat Pay API v3, for tests without network.

It checks the merchant's request signature, answers the order, query, refund
and certificate endpoints with bodies signed by its own "platform" key, and
builds notifications the way WeChat Pay does (signed headers, AES-256-GCM
encrypted resource). Field names and formats follow the published API v3
documentation; what a real merchant account adds (risk control, H5 domain
checks, HTTPS-only notify URLs) is not simulated.
"""

import json
import re
import secrets
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from odoo.addons.payment_wechatpay import utils

OUT_TRADE_NO = re.compile(r"^[0-9A-Za-z_\-|*]{6,32}$")
OUT_REFUND_NO = re.compile(r"^[0-9A-Za-z_\-|*@]{1,64}$")
AUTH = re.compile(r'(\w+)="([^"]*)"')


def new_rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def private_pem(key):
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_pem(key):
    return (
        key.public_key()
        .public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        .decode()
    )


def self_signed_certificate(key, days=365):
    name = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, "Tenpay.com Root CA test")]
    )
    now = datetime.now(timezone.utc)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=days))
        .sign(key, hashes.SHA256())
    )


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (timeout tests) closed the socket


class FakeWechatpay:
    def __init__(self, mch_id, app_id, apiv3_key, merchant_public_key):
        self.mch_id = mch_id
        self.app_id = app_id
        self.apiv3_key = apiv3_key
        self.merchant_public_key = merchant_public_key
        self.platform_key = new_rsa_key()
        self.certificate = self_signed_certificate(self.platform_key)
        self.serial = utils.certificate_serial(self.certificate)
        self.certificate_pem = self.certificate.public_bytes(
            serialization.Encoding.PEM
        ).decode()
        self.orders = {}
        self.refunds = {}
        self.requests = []
        self.delay = 0
        self.refund_status = "SUCCESS"
        self.signing_serial = None  # the public key ID in public key mode
        self.server = QuietServer(("127.0.0.1", 0), self._handler_class())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # --- what WeChat Pay sends ------------------------------------------------

    def signed_headers(self, body, timestamp=None, nonce=None, key=None, serial=None):
        timestamp = str(timestamp or int(time.time()))
        nonce = nonce or secrets.token_hex(16)
        message = utils.verification_message(timestamp, nonce, body)
        return {
            "Wechatpay-Timestamp": timestamp,
            "Wechatpay-Nonce": nonce,
            "Wechatpay-Signature": utils.rsa_sign(key or self.platform_key, message),
            "Wechatpay-Serial": serial or self.signing_serial or self.serial,
            "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
        }

    def encrypt(self, data, associated_data="transaction"):
        return self.encrypt_text(json.dumps(data, ensure_ascii=False), associated_data)

    def encrypt_text(self, text, associated_data):
        nonce = secrets.token_hex(6)  # 12 characters
        return {
            "original_type": associated_data,
            "algorithm": "AEAD_AES_256_GCM",
            "ciphertext": utils.aes_gcm_encrypt(
                self.apiv3_key, nonce, text, associated_data
            ),
            "associated_data": associated_data,
            "nonce": nonce,
        }

    def notification(self, resource, event_type="TRANSACTION.SUCCESS", **sign_kwargs):
        """Return (body, headers) of a notification carrying `resource`."""
        kind = "refund" if event_type.startswith("REFUND") else "transaction"
        body = json.dumps(
            {
                "id": f"EV-{secrets.token_hex(8)}",
                "create_time": datetime.now(timezone(timedelta(hours=8))).isoformat(
                    timespec="seconds"
                ),
                "resource_type": "encrypt-resource",
                "event_type": event_type,
                "summary": "支付成功",
                "resource": self.encrypt(resource, kind),
            },
            ensure_ascii=False,
        )
        headers = self.signed_headers(body, **sign_kwargs)
        headers["Content-Type"] = "application/json"
        return body, headers

    def pay(self, out_trade_no, total=None):
        """The customer pays the order; return the transaction resource."""
        order = self.orders[out_trade_no]
        order.update(
            trade_state="SUCCESS",
            trade_state_desc="支付成功",
            transaction_id=f"4200{secrets.randbelow(10**24):024d}",
            success_time=datetime.now(timezone(timedelta(hours=8))).isoformat(
                timespec="seconds"
            ),
        )
        if total is not None:
            order["amount"]["total"] = total
        return self.transaction_resource(out_trade_no)

    def transaction_resource(self, out_trade_no):
        order = self.orders[out_trade_no]
        resource = {
            "appid": order["appid"],
            "mchid": order["mchid"],
            "out_trade_no": out_trade_no,
            "trade_type": order["trade_type"],
            "trade_state": order["trade_state"],
            "trade_state_desc": order.get("trade_state_desc", ""),
            "amount": {
                "total": order["amount"]["total"],
                "payer_total": order["amount"]["total"],
                "currency": order["amount"].get("currency", "CNY"),
                "payer_currency": "CNY",
            },
            "payer": {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
        }
        if order.get("transaction_id"):
            resource.update(
                transaction_id=order["transaction_id"],
                bank_type="OTHERS",
                success_time=order["success_time"],
            )
        return resource

    def refund_resource(self, out_refund_no):
        refund = self.refunds[out_refund_no]
        return {
            "mchid": self.mch_id,
            "out_trade_no": refund["out_trade_no"],
            "transaction_id": refund["transaction_id"],
            "out_refund_no": out_refund_no,
            "refund_id": refund["refund_id"],
            "refund_status": refund["status"],
            "user_received_account": "支付用户零钱",
            "amount": {
                "total": refund["amount"]["total"],
                "refund": refund["amount"]["refund"],
                "payer_total": refund["amount"]["total"],
                "payer_refund": refund["amount"]["refund"],
            },
        }

    # --- the API ------------------------------------------------------------------

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self._dispatch("GET")

            def do_POST(self):
                self._dispatch("POST")

            def _dispatch(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                fake.requests.append((method, self.path, body))
                if not fake.check_authorization(method, self.path, body, self.headers):
                    return self._send(
                        401, {"code": "SIGN_ERROR", "message": "签名错误"}
                    )
                status, data = fake.route(method, self.path, body)
                if fake.delay:  # WeChat Pay did the work, its answer comes too late
                    time.sleep(fake.delay)
                self._send(status, data)

            def _send(self, status, data):
                text = json.dumps(data, ensure_ascii=False) if data is not None else ""
                raw = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(raw)))
                for key, value in fake.signed_headers(text).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(raw)

        return Handler

    def check_authorization(self, method, path, body, headers):
        header = headers.get("Authorization", "")
        if not header.startswith("WECHATPAY2-SHA256-RSA2048 "):
            return False
        fields = dict(AUTH.findall(header))
        if fields.get("mchid") != self.mch_id:
            return False
        timestamp, nonce = fields.get("timestamp"), fields.get("nonce_str")
        message = f"{method}\n{path}\n{timestamp}\n{nonce}\n{body}\n"
        return utils.rsa_verify(
            self.merchant_public_key, message, fields.get("signature", "")
        )

    def route(self, method, path, body):
        parts = urlsplit(path)
        data = json.loads(body) if body else {}
        if method == "POST" and parts.path in (
            "/v3/pay/transactions/native",
            "/v3/pay/transactions/h5",
        ):
            return self.place_order(parts.path.rsplit("/", 1)[1], data)
        if method == "GET" and parts.path.startswith(
            "/v3/pay/transactions/out-trade-no/"
        ):
            out_trade_no = unquote(parts.path.rsplit("/", 1)[1])
            if parse_qs(parts.query).get("mchid") != [self.mch_id]:
                return 400, {"code": "PARAM_ERROR", "message": "mchid"}
            if out_trade_no not in self.orders:
                return 404, {"code": "ORDER_NOT_EXIST", "message": "订单不存在"}
            return 200, self.transaction_resource(out_trade_no)
        if method == "POST" and parts.path == "/v3/refund/domestic/refunds":
            return self.refund(data)
        if method == "GET" and parts.path.startswith("/v3/refund/domestic/refunds/"):
            out_refund_no = unquote(parts.path.rsplit("/", 1)[1])
            if out_refund_no not in self.refunds:
                return 404, {"code": "RESOURCE_NOT_EXISTS", "message": "退款单不存在"}
            resource = self.refund_resource(out_refund_no)
            resource["status"] = resource.pop("refund_status")
            resource["amount"]["currency"] = "CNY"
            return 200, resource
        if method == "GET" and parts.path == "/v3/certificates":
            return 200, {
                "data": [
                    {
                        "serial_no": self.serial,
                        "effective_time": "2026-01-01T00:00:00+08:00",
                        "expire_time": "2031-01-01T00:00:00+08:00",
                        "encrypt_certificate": self.encrypt_text(
                            self.certificate_pem, "certificate"
                        ),
                    }
                ]
            }
        return 404, {"code": "NOT_FOUND", "message": "unknown path"}

    def place_order(self, trade_type, data):
        required = (
            "appid",
            "mchid",
            "description",
            "out_trade_no",
            "notify_url",
            "amount",
        )
        if any(not data.get(key) for key in required):
            return 400, {"code": "PARAM_ERROR", "message": "缺少参数"}
        if data["mchid"] != self.mch_id or data["appid"] != self.app_id:
            return 400, {"code": "PARAM_ERROR", "message": "appid和mch_id不匹配"}
        if not OUT_TRADE_NO.match(data["out_trade_no"]):
            return 400, {"code": "PARAM_ERROR", "message": "out_trade_no格式错误"}
        amount = data["amount"]
        if not isinstance(amount.get("total"), int) or amount["total"] <= 0:
            return 400, {"code": "PARAM_ERROR", "message": "total"}
        if amount.get("currency", "CNY") != "CNY":
            return 400, {"code": "PARAM_ERROR", "message": "currency"}
        if trade_type == "h5" and not (data.get("scene_info") or {}).get("h5_info"):
            return 400, {"code": "PARAM_ERROR", "message": "scene_info"}
        existing = self.orders.get(data["out_trade_no"])
        if existing and existing["trade_state"] == "SUCCESS":
            return 400, {"code": "ORDERPAID", "message": "该订单已支付"}
        self.orders[data["out_trade_no"]] = dict(
            data, trade_type=trade_type.upper(), trade_state="NOTPAY"
        )
        if trade_type == "native":
            return 200, {
                "code_url": f"weixin://wxpay/bizpayurl?pr={secrets.token_hex(4)}"
            }
        prepay = secrets.token_hex(8)
        return 200, {
            "h5_url": "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb"
            f"?prepay_id=wx{prepay}&package=1037687096"
        }

    def refund(self, data):
        order = self.orders.get(data.get("out_trade_no"))
        if not order or order["trade_state"] not in ("SUCCESS", "REFUND"):
            return 404, {"code": "RESOURCE_NOT_EXISTS", "message": "订单不存在"}
        if not OUT_REFUND_NO.match(data.get("out_refund_no") or ""):
            return 400, {"code": "PARAM_ERROR", "message": "out_refund_no"}
        amount = data.get("amount") or {}
        refunded = sum(
            r["amount"]["refund"]
            for r in self.refunds.values()
            if r["out_trade_no"] == data["out_trade_no"]
        )
        if amount.get("total") != order["amount"]["total"]:
            return 400, {"code": "PARAM_ERROR", "message": "订单金额不一致"}
        if (
            amount.get("refund", 0) <= 0
            or refunded + amount["refund"] > amount["total"]
        ):
            return 400, {"code": "INVALID_REQUEST", "message": "退款金额超过可退金额"}
        self.refunds[data["out_refund_no"]] = {
            "out_trade_no": data["out_trade_no"],
            "transaction_id": order["transaction_id"],
            "refund_id": f"5030{secrets.randbelow(10**24):024d}",
            "status": self.refund_status,
            "amount": {"refund": amount["refund"], "total": amount["total"]},
        }
        order["trade_state"] = "REFUND"
        resource = self.refund_resource(data["out_refund_no"])
        resource["status"] = resource.pop("refund_status")
        resource["amount"]["currency"] = "CNY"
        return 200, resource

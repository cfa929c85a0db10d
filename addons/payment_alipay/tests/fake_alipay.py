# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A local stand-in for the Alipay open platform gateway, for tests without network.

Signatures are made and checked here with `cryptography`, independently of the
`python-alipay-sdk` the addon uses: request parameters sorted and joined as
``key=value&...`` without `sign` (RSA2 with the app key), answers signed over the
JSON text of ``<method>_response``, notifications signed without `sign` and
`sign_type`, as the Alipay documentation describes.
"""

import base64
import json
import secrets
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

BEIJING = timezone(timedelta(hours=8))


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


def bare_base64(pem):
    """The key as Alipay's key tool shows it: the base64 body only."""
    return "".join(line for line in pem.splitlines() if "-----" not in line)


def sign(key, message):
    signature = key.sign(message.encode(), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode()


def verify(public_key, message, signature):
    try:
        public_key.verify(
            base64.b64decode(signature),
            message.encode(),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def content(params, exclude):
    return "&".join(f"{k}={v}" for k, v in sorted(params.items()) if k not in exclude)


def now_text():
    return datetime.now(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


class FakeAlipay:
    def __init__(self, app_id, app_public_key, seller_id="2088101122136241"):
        self.app_id = app_id
        self.app_public_key = app_public_key
        self.seller_id = seller_id
        self.alipay_key = new_rsa_key()
        self.trades = {}
        self.refunds = {}
        self.requests = []
        self.delay = 0
        self.server = QuietServer(("127.0.0.1", 0), self._handler_class())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/gateway.do"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def verify_request(self, params):
        return params.get("sign_type") == "RSA2" and verify(
            self.app_public_key, content(params, {"sign"}), params.get("sign", "")
        )

    # --- the customer and Alipay's notifications --------------------------------------

    def pay(self, out_trade_no, total_amount):
        self.trades[out_trade_no] = {
            "trade_no": f"2026{secrets.randbelow(10**24):024d}",
            "total_amount": total_amount,
            "trade_status": "TRADE_SUCCESS",
            "gmt_payment": now_text(),
        }
        return self.trades[out_trade_no]

    def notification(self, out_trade_no, key=None, **overrides):
        trade = self.trades[out_trade_no]
        params = {
            "notify_time": now_text(),
            "notify_type": "trade_status_sync",
            "notify_id": secrets.token_hex(16),
            "app_id": self.app_id,
            "charset": "utf-8",
            "version": "1.0",
            "sign_type": "RSA2",
            "trade_no": trade["trade_no"],
            "out_trade_no": out_trade_no,
            "trade_status": trade["trade_status"],
            "total_amount": trade["total_amount"],
            "receipt_amount": trade["total_amount"],
            "buyer_pay_amount": trade["total_amount"],
            "gmt_create": trade["gmt_payment"],
            "gmt_payment": trade["gmt_payment"],
            "seller_id": self.seller_id,
            "buyer_id": "2088102177846880",
            "subject": "物业费",
        }
        params.update(overrides)
        params["sign"] = sign(
            key or self.alipay_key, content(params, {"sign", "sign_type"})
        )
        return params

    def return_params(self, out_trade_no):
        trade = self.trades[out_trade_no]
        params = {
            "charset": "utf-8",
            "out_trade_no": out_trade_no,
            "method": "alipay.trade.page.pay.return",
            "total_amount": trade["total_amount"],
            "trade_no": trade["trade_no"],
            "auth_app_id": self.app_id,
            "version": "1.0",
            "app_id": self.app_id,
            "sign_type": "RSA2",
            "seller_id": self.seller_id,
            "timestamp": now_text(),
        }
        params["sign"] = sign(self.alipay_key, content(params, {"sign", "sign_type"}))
        return params

    # --- the gateway ------------------------------------------------------------------

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                params = dict(
                    parse_qsl(urlsplit(self.path).query, keep_blank_values=True)
                )
                fake.requests.append(params)
                method = params.get("method", "")
                if (
                    not fake.verify_request(params)
                    or params.get("app_id") != fake.app_id
                ):
                    text = json.dumps(
                        {
                            "error_response": {
                                "code": "40002",
                                "msg": "Invalid Arguments",
                                "sub_code": "isv.invalid-signature",
                                "sub_msg": "验签出错",
                            }
                        }
                    )
                else:
                    answer = fake.answer(
                        method, json.loads(params.get("biz_content") or "{}")
                    )
                    text = fake.signed_answer(method, answer)
                if fake.delay:
                    time.sleep(fake.delay)
                raw = text.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html;charset=utf-8")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        return Handler

    def signed_answer(self, method, answer):
        inner = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
        key = method.replace(".", "_") + "_response"
        return f'{{"{key}":{inner},"sign":"{sign(self.alipay_key, inner)}"}}'

    def answer(self, method, biz):
        if method == "alipay.trade.query":
            trade = self.trades.get(biz.get("out_trade_no"))
            if not trade:
                return {
                    "code": "40004",
                    "msg": "Business Failed",
                    "sub_code": "ACQ.TRADE_NOT_EXIST",
                    "sub_msg": "交易不存在",
                }
            return {
                "code": "10000",
                "msg": "Success",
                "out_trade_no": biz["out_trade_no"],
                "trade_no": trade["trade_no"],
                "trade_status": trade["trade_status"],
                "total_amount": trade["total_amount"],
                "buyer_logon_id": "159****5620",
            }
        if method == "alipay.trade.refund":
            trade = self.trades.get(biz.get("out_trade_no"))
            if not trade:
                return {
                    "code": "40004",
                    "msg": "Business Failed",
                    "sub_code": "ACQ.TRADE_NOT_EXIST",
                    "sub_msg": "交易不存在",
                }
            key = (biz["out_trade_no"], biz.get("out_request_no"))
            if key in self.refunds:
                fund_change = "N"
            else:
                refunded = sum(
                    float(r) for (no, _req), r in self.refunds.items() if no == key[0]
                )
                if refunded + float(biz["refund_amount"]) > float(
                    trade["total_amount"]
                ):
                    return {
                        "code": "40004",
                        "msg": "Business Failed",
                        "sub_code": "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
                        "sub_msg": "退款金额超限",
                    }
                self.refunds[key] = biz["refund_amount"]
                fund_change = "Y"
            total_refunded = sum(
                float(r) for (no, _req), r in self.refunds.items() if no == key[0]
            )
            return {
                "code": "10000",
                "msg": "Success",
                "trade_no": trade["trade_no"],
                "out_trade_no": biz["out_trade_no"],
                "buyer_logon_id": "159****5620",
                "fund_change": fund_change,
                "refund_fee": f"{total_refunded:.2f}",
            }
        if method == "alipay.trade.fastpay.refund.query":
            key = (biz.get("out_trade_no"), biz.get("out_request_no"))
            if key not in self.refunds:
                return {"code": "10000", "msg": "Success"}
            trade = self.trades[key[0]]
            return {
                "code": "10000",
                "msg": "Success",
                "trade_no": trade["trade_no"],
                "out_trade_no": key[0],
                "out_request_no": key[1],
                "total_amount": trade["total_amount"],
                "refund_amount": self.refunds[key],
                "refund_status": "REFUND_SUCCESS",
            }
        return {
            "code": "40004",
            "msg": "Business Failed",
            "sub_code": "isv.invalid-method",
        }

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Constants of the WeChat Pay API v3 (境内普通商户, direct merchant mode)."""

# Production API; WeChat Pay API v3 has no sandbox.
DEFAULT_API_URL = "https://api.mch.weixin.qq.com"

# Payments in mainland China are in CNY; amounts are sent in fen (分).
SUPPORTED_CURRENCIES = ["CNY"]

DEFAULT_PAYMENT_METHOD_CODES = {"wechat_pay"}

# Seconds before an API call is given up (connect and read).
REQUEST_TIMEOUT = 10

# A notification or response whose Wechatpay-Timestamp is further than this from
# our clock is refused (the specification recommends at most 5 minutes).
SIGNATURE_MAX_AGE = 300

# Minutes an order stays payable (time_expire of the order).
ORDER_VALIDITY_MINUTES = 120

SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048"

NOTIFY_ROUTE = "/payment/wechatpay/notify"
QR_ROUTE = "/payment/wechatpay/qr"

# trade_state of a payment (query and notification) -> transaction state.
PAYMENT_STATUS_MAPPING = {
    "draft": ("NOTPAY",),
    "pending": ("USERPAYING",),
    "done": ("SUCCESS", "REFUND"),
    "cancel": ("CLOSED", "REVOKED"),
    "error": ("PAYERROR",),
}

# status / refund_status of a refund -> transaction state.
REFUND_STATUS_MAPPING = {
    "pending": ("PROCESSING",),
    "done": ("SUCCESS",),
    "cancel": ("CLOSED",),
    "error": ("ABNORMAL",),
}

# event_type of a notification.
PAYMENT_EVENTS = ("TRANSACTION.SUCCESS",)
REFUND_EVENTS = ("REFUND.SUCCESS", "REFUND.ABNORMAL", "REFUND.CLOSED")

# User agents of phones (H5 payment) and of WeChat's own browser (where H5 is not
# allowed: the QR code is shown and can be long-pressed).
MOBILE_UA_MARKERS = ("Mobile", "Android", "iPhone", "iPad", "HarmonyOS")
WECHAT_UA_MARKER = "MicroMessenger"

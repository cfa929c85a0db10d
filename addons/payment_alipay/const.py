# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Constants of the Alipay open platform (支付宝开放平台) for page and wap pay."""

PRODUCTION_GATEWAY = "https://openapi.alipay.com/gateway.do"
SANDBOX_GATEWAY = "https://openapi-sandbox.dl.alipaydev.com/gateway.do"

SUPPORTED_CURRENCIES = ["CNY"]
DEFAULT_PAYMENT_METHOD_CODES = {"alipay"}

# Seconds before an API call is given up.
REQUEST_TIMEOUT = 10

# Minutes an order stays payable (time_expire of the order).
ORDER_VALIDITY_MINUTES = 120

# Alipay's clock: timestamps and expiry times are Beijing time.
ALIPAY_TZ = "Asia/Shanghai"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

NOTIFY_ROUTE = "/payment/alipay/notify"
RETURN_ROUTE = "/payment/alipay/return"

PAGE_PAY = ("alipay.trade.page.pay", "FAST_INSTANT_TRADE_PAY")
WAP_PAY = ("alipay.trade.wap.pay", "QUICK_WAP_WAY")

# trade_status -> transaction state.
PAYMENT_STATUS_MAPPING = {
    "pending": ("WAIT_BUYER_PAY",),
    "done": ("TRADE_SUCCESS", "TRADE_FINISHED"),
    "cancel": ("TRADE_CLOSED",),
}

SUCCESS_CODE = "10000"
NOT_FOUND_SUB_CODES = ("ACQ.TRADE_NOT_EXIST",)

MOBILE_UA_MARKERS = ("Mobile", "Android", "iPhone", "iPad", "HarmonyOS")

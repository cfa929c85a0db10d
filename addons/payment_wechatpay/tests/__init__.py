from . import test_wechatpay
from . import test_wechatpay_concurrency

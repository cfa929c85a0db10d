from . import sms_cn_gateway

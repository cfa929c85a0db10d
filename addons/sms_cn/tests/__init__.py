from . import test_sms_cn_templates
from . import test_sms_cn_send

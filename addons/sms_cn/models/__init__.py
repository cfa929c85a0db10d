from . import mail_notification
from . import mail_thread
from . import res_company
from . import res_config_settings
from . import sms_cn_gateway
from . import sms_cn_template
from . import sms_sms

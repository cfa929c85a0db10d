from . import sms_composer

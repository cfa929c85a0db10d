from . import test_helpdesk_zh_cn

from . import test_notice_scope
from . import test_notice_sending
from . import test_notice_portal
from . import test_notice_workflow

from . import test_tencentcloud_signature
from . import test_tencentcloud_send
from . import test_tencentcloud_status

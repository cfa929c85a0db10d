from . import test_aliyun_signature
from . import test_aliyun_send
from . import test_aliyun_status

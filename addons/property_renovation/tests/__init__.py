from . import test_review
from . import test_permit
from . import test_works
from . import test_completion
from . import test_portal
from . import test_security
from . import test_report_language

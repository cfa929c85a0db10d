from . import test_partner_pii
from . import test_ownership
from . import test_archive_access
from . import test_ownership_change
from . import test_project_security
from . import test_handover

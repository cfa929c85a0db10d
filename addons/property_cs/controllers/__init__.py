from . import portal
from . import helpdesk
from . import service_report_portal
from . import login

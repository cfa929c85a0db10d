from . import res_partner
from . import property_notice
from . import property_notice_recipient
from . import property_emergency_event
from . import property_service_report

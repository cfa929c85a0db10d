from . import property_billing_report_xlsx
from . import property_lawyer_letter

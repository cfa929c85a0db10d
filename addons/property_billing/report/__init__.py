from . import property_billing_report_xlsx

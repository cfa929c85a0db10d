from . import property_billing_wizard
from . import property_prepayment_wizard
from . import property_billing_report_wizard
from . import property_statement_mailing_wizard
from . import property_debit_batch_wizard
from . import property_debit_result_wizard
from . import property_meter_import_wizard

from . import test_billing_run
from . import test_late_fee
from . import test_dunning
from . import test_access
from . import test_card_fee
from . import test_debit
from . import test_meter_import

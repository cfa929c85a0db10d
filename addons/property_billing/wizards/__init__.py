from . import property_billing_wizard

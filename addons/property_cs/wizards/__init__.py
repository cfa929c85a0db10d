from . import property_ownership_change_wizard
from . import property_ownership_change_line
from . import property_card_loss_wizard
from . import property_card_export_wizard
from . import property_service_analysis_wizard

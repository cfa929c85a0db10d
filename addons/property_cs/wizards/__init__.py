from . import property_ownership_change_wizard
from . import property_ownership_change_line

from . import property_archive_cover
from . import property_card_export_xlsx
from . import property_personal_data_xlsx
from . import property_service_analysis_xlsx

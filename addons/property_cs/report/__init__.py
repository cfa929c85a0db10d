from . import property_archive_cover

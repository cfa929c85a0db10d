# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportPropertyArchiveCover(models.AbstractModel):
    """Printing an archive's cover sheet is a logged archive access."""

    _name = "report.property_cs.report_archive_cover"
    _description = "Archive Cover Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        archives = self.env["property.archive"].browse(docids)
        archives._pcs_check_full_access()
        archives._pcs_log_access("print")
        return {
            "doc_ids": docids,
            "doc_model": "property.archive",
            "docs": archives,
            "documents": {a.id: a.sudo().document_ids for a in archives},
        }

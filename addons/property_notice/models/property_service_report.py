# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PropertyServiceReport(models.Model):
    _inherit = "property.service.report"

    def _pcs_prefill_values(self):
        """The monthly report's "Notices" section lists the month's notices."""
        values = super()._pcs_prefill_values()
        start, end = self._pcs_month_bounds()
        notices = (
            self.env["property.notice"]
            .sudo()
            .search(
                [
                    ("project_id", "=", self.project_id.id),
                    ("state", "=", "published"),
                    ("date_start", ">=", start),
                    ("date_start", "<", end),
                ],
                order="date_start",
            )
        )
        items = [
            self.env._(
                "%(date)s %(heading)s: %(title)s (%(area)s)",
                date=notice._pcs_local_text(notice.date_start, with_time=False),
                heading=notice._pcs_heading(),
                title=notice.name,
                area=notice.area or "",
            )
            for notice in notices
        ]
        if items:
            values["notices"] = self._pcs_html_list(items)
        return values

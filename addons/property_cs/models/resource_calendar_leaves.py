# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    pcs_makeup_workday = fields.Boolean(
        string="Make-up Working Day",
        help="调休上班: a weekend day worked in exchange for a public holiday. "
        "The product's working-day clocks count it as a working day.",
    )

    @api.onchange("pcs_makeup_workday")
    def _onchange_pcs_makeup_workday(self):
        # Odoo counts "other" as work time, "leave" as time off.
        self.time_type = "other" if self.pcs_makeup_workday else "leave"

    @api.model
    def _pcs_share_shipped_holidays(self):
        """The public holidays shipped as data apply to every company (no
        company, no calendar); loading data gives them the current company."""
        shipped = self.env["ir.model.data"].search(
            [("module", "=", "property_cs"), ("model", "=", self._name)]
        )
        self.browse(shipped.mapped("res_id")).exists().filtered(
            lambda leave: not leave.calendar_id
        ).write({"company_id": False})

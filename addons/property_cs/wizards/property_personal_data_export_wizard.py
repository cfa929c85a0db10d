# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import fields, models

from ..models.property_archive_access_log import PII_PURPOSES
from .property_pii_reveal_wizard import check_purpose


class PropertyPersonalDataExportWizard(models.TransientModel):
    """Copy of a person's data on request (PIPL art. 45), as JSON and XLSX."""

    _name = "property.personal.data.export.wizard"
    _description = "Export Personal Data"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True)
    purpose = fields.Selection(PII_PURPOSES, default="owner_request")
    reason = fields.Text(string="Explanation")
    export_format = fields.Selection(
        [("json", "JSON"), ("xlsx", "Excel (XLSX)"), ("both", "JSON and XLSX")],
        string="Format",
        default="both",
        required=True,
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Files", readonly=True)

    def action_export(self):
        self.ensure_one()
        check_purpose(self.env, self.purpose, self.reason)
        partner = self.partner_id
        partner.check_access("read")
        data = partner._pcs_personal_data()
        stem = f"personal-data-{partner.id}-{fields.Date.context_today(self)}"
        files = []
        if self.export_format in ("json", "both"):
            files.append(
                (
                    f"{stem}.json",
                    json.dumps(data, ensure_ascii=False, indent=2).encode(),
                    "application/json",
                )
            )
        if self.export_format in ("xlsx", "both"):
            files.append(
                (
                    f"{stem}.xlsx",
                    self.env["ir.actions.report"]._render_xlsx(
                        "property_cs.action_report_personal_data_xlsx",
                        self.ids,
                        {"personal_data": data},
                    )[0],
                    "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                )
            )
        # Attached to this wizard: only its creator may read the files.
        self.attachment_ids = self.env["ir.attachment"].create(
            [
                {
                    "name": name,
                    "raw": raw,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": self.id,
                }
                for name, raw, mimetype in files
            ]
        )
        self.env["property.archive.access.log"]._pcs_log_partner(
            partner, "export", self.purpose, self.reason
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Export Personal Data"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

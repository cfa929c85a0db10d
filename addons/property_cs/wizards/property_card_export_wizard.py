# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields, models

from ..report.spreadsheet import csv_bytes


class PropertyCardExportWizard(models.TransientModel):
    """Export of active and deactivated cards for the door-control system."""

    _name = "property.card.export.wizard"
    _description = "Access Card Export"

    project_id = fields.Many2one("property.project", required=True)
    scope = fields.Selection(
        [
            ("all", "Active and Deactivated"),
            ("active", "Active Only"),
            ("deactivated", "Deactivated Only"),
        ],
        required=True,
        default="all",
    )
    file_format = fields.Selection(
        [("xlsx", "Excel (XLSX)"), ("csv", "CSV")], required=True, default="xlsx"
    )
    data = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    def _cards(self):
        states = {
            "all": ("active", "lost", "void"),
            "active": ("active",),
            "deactivated": ("lost", "void"),
        }[self.scope]
        return self.env["property.access.card"].search(
            [("project_id", "=", self.project_id.id), ("state", "in", states)],
            order="name",
        )

    def _rows(self):
        header = [
            self.env._("Card Number"),
            self.env._("Status"),
            self.env._("Type"),
            self.env._("Unit"),
            self.env._("Holder"),
            self.env._("Valid Until"),
            self.env._("Deactivated At"),
        ]
        rows = [header]
        for card in self._cards():
            rows.append(
                [
                    card.name,
                    "ENABLE" if card.state == "active" else "DISABLE",
                    card.card_type,
                    card.unit_id.code or "",
                    card.holder_id.name or card.department or "",
                    fields.Date.to_string(card.date_valid_until) or "",
                    fields.Datetime.to_string(card.date_deactivated) or "",
                ]
            )
        return rows

    def action_export(self):
        """The XLSX report, or a CSV file of the same rows."""
        self.ensure_one()
        if self.file_format == "xlsx":
            return self.env.ref(
                "property_cs.action_report_card_export_xlsx"
            ).report_action(self)
        self.write(
            {
                "data": base64.b64encode(csv_bytes(self._rows())),
                "filename": f"cards-{self.project_id.code}.csv",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content?model={self._name}&id={self.id}&field=data"
            f"&filename_field=filename&download=true",
            "target": "self",
        }

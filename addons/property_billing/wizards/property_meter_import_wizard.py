# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.product_template import METERED_FEE_TYPES
from ..models.property_row_import_mixin import RowError

# Accepted column titles (English or Chinese), compared case-insensitively.
HEADERS = {
    "unit": ("unit", "unit code", "房号", "单元"),
    "meter": ("meter", "表计", "表"),
    "date": ("date", "日期", "抄表日期"),
    "reading": ("reading", "current reading", "读数", "本期读数"),
}


class PropertyMeterImportWizard(models.TransientModel):
    _name = "property.meter.import.wizard"
    _inherit = "property.row.import.mixin"
    _description = "Import Meter Readings"

    project_id = fields.Many2one("property.project", required=True)
    date_format = fields.Char(
        required=True,
        default="%Y-%m-%d",
        help="Format of the dates in a CSV file (XLSX date cells are read as dates).",
    )

    def _meter_get(self, row, key):
        for header in HEADERS[key]:
            value = row.get(header)
            if value not in (None, ""):
                return value
        raise RowError(self.env._("missing %s", HEADERS[key][0]))

    def action_import(self):
        self.ensure_one()
        headers, rows = self._import_read_rows(encoding="utf-8")
        self._import_check_headers(headers, list(HEADERS.values()))
        units = {
            unit.code: unit
            for unit in self.env["property.unit"].search(
                [("project_id", "=", self.project_id.id)]
            )
        }
        meters = self.env["product.product"].search(
            [("pcs_fee_type", "in", METERED_FEE_TYPES)]
        )
        meter_keys = {}
        for meter in meters:
            for key in (meter.default_code, meter.name, meter.pcs_fee_type):
                if key:
                    meter_keys.setdefault(key.strip().lower(), meter)
        seen = {}

        def validate(line_number, row):
            code = self._meter_get(row, "unit")
            unit = units.get(code)
            if not unit:
                raise RowError(
                    self.env._(
                        "unknown unit %(code)s in project %(project)s",
                        code=code,
                        project=self.project_id.name,
                    )
                )
            meter_text = self._meter_get(row, "meter")
            meter = meter_keys.get(str(meter_text).lower())
            if not meter:
                raise RowError(self.env._("unknown meter '%s'", meter_text))
            date = self._import_parse_date(
                self._meter_get(row, "date"), self.date_format
            )
            value = self._import_parse_number(
                self._meter_get(row, "reading"), self.env._("reading")
            )
            key = (unit.id, meter.id, date)
            if key in seen:
                raise RowError(
                    self.env._(
                        "duplicate row: same unit, meter and date as line %s", seen[key]
                    )
                )
            seen[key] = line_number
            return {
                "unit_id": unit.id,
                "product_id": meter.id,
                "date": date,
                "current_value": value,
            }

        def apply(line_number, values):
            return self.env["property.meter.reading"].create(values)

        # Readings of one meter are created in date order so that each one's
        # previous value is the one before it in the file.
        readings = self._import_validated(
            rows, validate, apply, sort_key=lambda values: values["date"]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_meter_reading_action"
        )
        action["domain"] = [("id", "in", [r.id for r in readings])]
        return action

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-09")
class TestMeterImport(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.units = cls._create_units(2, prefix="M")
        cls.Reading = cls.env["property.meter.reading"]
        cls.Reading.create(
            {
                "unit_id": cls.units[0].id,
                "product_id": cls.water.id,
                "date": date(2026, 2, 1),
                "current_value": 100.0,
            }
        )

    def _import(self, text, filename="readings.csv"):
        content = text.encode() if isinstance(text, str) else text
        wizard = self.env["property.meter.import.wizard"].create(
            {
                "project_id": self.project.id,
                "import_file": base64.b64encode(content),
                "import_filename": filename,
            }
        )
        return wizard.action_import()

    def _readings(self):
        return self.Reading.search([("unit_id", "in", self.units.ids)])

    def test_bad_rows_import_nothing(self):
        with self.assertRaises(UserError) as error:
            self._import(
                "Unit,Meter,Date,Reading\n"
                "M-0001,PF-WAT,2026-03-01,12.5\n"
                "M-0000,water,2026-03-01,90\n"
                "M-0000,PF-ELE,01/03/2026,5\n"
                "X-9999,PF-WAT,2026-03-01,5\n"
                "M-0001,PF-WAT,2026-03-01,13\n"
                "M-0001,PF-GAS,2026-03-01,abc\n"
            )
        message = str(error.exception)
        self.assertIn("Nothing was imported: 5 bad rows", message)
        # the model refuses a reading below the previous one: named by line
        self.assertIn("Line 3: Unit M-0000", message)
        self.assertIn("below the previous reading", message)
        self.assertIn("Line 4: bad date", message)
        self.assertIn("Line 5: unknown unit X-9999", message)
        self.assertIn("Line 6: duplicate row", message)
        self.assertIn("Line 7: reading 'abc' is not a number", message)
        self.assertNotIn("Line 2", message)
        self.assertEqual(len(self._readings()), 1, "the good row was not kept")

    def test_missing_column(self):
        with self.assertRaises(UserError) as error:
            self._import("Unit,Meter,Reading\nM-0000,PF-WAT,120\n")
        self.assertIn("Line 1: column date not found", str(error.exception))

    def test_good_file_imports_in_date_order(self):
        self._import(
            "\ufeffUnit,Meter,Date,Reading\n"
            "M-0000,PF-WAT,2026-04-01,130\n"
            "M-0000,PF-WAT,2026-03-01,120.5\n"
            "M-0001,electricity,2026-03-01,7\n"
        )
        readings = self._readings().filtered(lambda r: r.date >= date(2026, 3, 1))
        self.assertEqual(len(readings), 3)
        march = readings.filtered(
            lambda r: r.unit_id == self.units[0] and r.date == date(2026, 3, 1)
        )
        april = readings.filtered(lambda r: r.date == date(2026, 4, 1))
        self.assertEqual(march.previous_value, 100.0)
        self.assertEqual(march.consumption, 20.5)
        self.assertEqual(april.previous_value, 120.5)
        self.assertEqual(april.consumption, 9.5)

    def test_xlsx_with_chinese_headers(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["房号", "表计", "日期", "读数"])
        sheet.append(["M-0000", "PF-WAT", datetime(2026, 3, 1), 110])
        sheet.append(["M-0000", "PF-WAT", datetime(2026, 3, 2), 105])
        buffer = io.BytesIO()
        workbook.save(buffer)
        with self.assertRaises(UserError) as error:
            self._import(buffer.getvalue(), "readings.xlsx")
        self.assertIn("Line 3: Unit M-0000", str(error.exception))
        self.assertEqual(len(self._readings()), 1)

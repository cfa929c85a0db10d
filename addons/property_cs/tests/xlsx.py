# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read back the cells of an XLSX file the way a spreadsheet sees them (no
third-party reader: the file is a zip of XML parts)."""

import io
import re
import zipfile
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
FORMULA_NAME = '=HYPERLINK("http://x.invalid","X")'


def xlsx_cells(data):
    """``{sheet name: {"A1": (kind, value)}}`` where ``kind`` is ``"formula"``,
    ``"text"``, ``"number"`` or ``"bool"``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            for item in root.findall("m:si", NS):
                shared.append(
                    "".join(t.text or "" for t in item.iter(f"{{{NS['m']}}}t"))
                )
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        sheets = [s.get("name") for s in workbook.find("m:sheets", NS)]
        result = {}
        for index, sheet_name in enumerate(sheets, start=1):
            root = ElementTree.fromstring(
                archive.read(f"xl/worksheets/sheet{index}.xml")
            )
            cells = {}
            for cell in root.iter(f"{{{NS['m']}}}c"):
                formula = cell.find("m:f", NS)
                value = cell.find("m:v", NS)
                inline = cell.find("m:is", NS)
                kind = cell.get("t")
                if formula is not None:
                    cells[cell.get("r")] = ("formula", formula.text)
                elif kind == "s":
                    cells[cell.get("r")] = ("text", shared[int(value.text)])
                elif kind == "inlineStr":
                    cells[cell.get("r")] = ("text", "".join(inline.itertext()))
                elif kind == "str":
                    cells[cell.get("r")] = ("text", value.text)
                elif kind == "b":
                    cells[cell.get("r")] = ("bool", value.text == "1")
                elif value is not None:
                    cells[cell.get("r")] = ("number", float(value.text))
            result[sheet_name] = cells
        return result


def cells_with(cells, needle):
    """The cells of every sheet whose value contains ``needle``."""
    return [
        (sheet, ref, kind, value)
        for sheet, sheet_cells in cells.items()
        for ref, (kind, value) in sheet_cells.items()
        if needle in str(value)
    ]


def column(ref):
    return re.match(r"[A-Z]+", ref).group(0)

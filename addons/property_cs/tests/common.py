# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

VALID_ID = "11010519491231002X"
VALID_ID_2 = "44030519900101123X"


def consent(channel="counter"):
    """Commands recording the consent an ID number needs (PIPL)."""
    return [Command.create({"channel": channel})]


class PropertyCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        Project = cls.env["property.project"]
        cls.project_a = Project.create({"name": "Project A", "code": "PA"})
        cls.project_b = Project.create({"name": "Project B", "code": "PB"})
        cls.building_a = cls.env["property.building"].create(
            {"name": "Building A1", "code": "A1", "project_id": cls.project_a.id}
        )
        cls.building_b = cls.env["property.building"].create(
            {"name": "Building B1", "code": "B1", "project_id": cls.project_b.id}
        )
        Unit = cls.env["property.unit"]
        cls.unit_a = Unit.create(
            {
                "code": "A1-1-0101",
                "project_id": cls.project_a.id,
                "building_id": cls.building_a.id,
                "area": 88.5,
            }
        )
        cls.unit_a2 = Unit.create(
            {
                "code": "A1-1-0102",
                "project_id": cls.project_a.id,
                "building_id": cls.building_a.id,
                "area": 120.0,
            }
        )
        cls.unit_b = Unit.create(
            {
                "code": "B1-1-0101",
                "project_id": cls.project_b.id,
                "building_id": cls.building_b.id,
                "area": 95.0,
            }
        )
        Partner = cls.env["res.partner"]
        cls.owner_a = Partner.create(
            {
                "name": "Owner A",
                "pcs_consent_ids": consent(),
                "pcs_id_number": VALID_ID,
                "pcs_phone": "13812345678",
            }
        )
        cls.owner_b = Partner.create(
            {
                "name": "Owner B",
                "pcs_consent_ids": consent(),
                "pcs_id_number": VALID_ID_2,
                "pcs_phone": "13987654321",
            }
        )
        Archive = cls.env["property.archive"]
        cls.archive_a = Archive.create(
            {
                "unit_id": cls.unit_a.id,
                "date_open": "2024-01-01",
                "ownership_ids": [
                    (0, 0, {"partner_id": cls.owner_a.id, "date_start": "2024-01-01"})
                ],
            }
        )
        cls.archive_b = Archive.create(
            {
                "unit_id": cls.unit_b.id,
                "date_open": "2024-01-01",
                "ownership_ids": [
                    (0, 0, {"partner_id": cls.owner_b.id, "date_start": "2024-01-01"})
                ],
            }
        )
        cls.env["property.archive.document"].create(
            {
                "archive_id": cls.archive_a.id,
                "type_id": cls.env.ref("property_cs.doc_type_owner_id").id,
                "date_received": "2024-01-01",
            }
        )
        cls.front_desk = new_test_user(
            cls.env,
            login="pcs_front_desk",
            groups="base.group_user,base.group_allow_export,"
            "property_cs.group_front_desk",
        )
        cls.front_desk_b = new_test_user(
            cls.env,
            login="pcs_front_desk_b",
            groups="base.group_user,property_cs.group_front_desk",
        )
        cls.privacy_officer = new_test_user(
            cls.env,
            login="pcs_privacy",
            groups="base.group_user,property_cs.group_front_desk,"
            "property_cs.group_personal_data",
        )
        cls.director = new_test_user(
            cls.env,
            login="pcs_director",
            groups="base.group_user,property_cs.group_director",
        )
        cls.project_a.user_ids = [
            (4, cls.front_desk.id),
            (4, cls.privacy_officer.id),
            (4, cls.director.id),
        ]
        cls.project_a.manager_id = cls.director
        cls.project_b.user_ids = [(4, cls.front_desk_b.id)]

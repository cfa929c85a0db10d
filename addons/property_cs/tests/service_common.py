# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user


class ServiceCommon(TransactionCase):
    """Two projects, an owner in each, front-desk staff of each project."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.partner_id.tz = "Asia/Shanghai"
        Project = cls.env["property.project"]
        cls.project_a = Project.create({"name": "Project A", "code": "PSA"})
        cls.project_b = Project.create({"name": "Project B", "code": "PSB"})
        cls.building_a = cls.env["property.building"].create(
            {"name": "A", "code": "A", "project_id": cls.project_a.id}
        )
        cls.building_b = cls.env["property.building"].create(
            {"name": "B", "code": "B", "project_id": cls.project_b.id}
        )
        Unit = cls.env["property.unit"]
        cls.unit_a = Unit.create(
            {
                "code": "A-0101",
                "project_id": cls.project_a.id,
                "building_id": cls.building_a.id,
            }
        )
        cls.unit_b = Unit.create(
            {
                "code": "B-0101",
                "project_id": cls.project_b.id,
                "building_id": cls.building_b.id,
            }
        )
        cls.owner_user_a = new_test_user(
            cls.env, login="svc_owner_a", groups="base.group_portal", name="Owner A"
        )
        cls.owner_user_b = new_test_user(
            cls.env, login="svc_owner_b", groups="base.group_portal", name="Owner B"
        )
        cls.owner_a = cls.owner_user_a.partner_id
        cls.owner_b = cls.owner_user_b.partner_id
        for unit, owner in ((cls.unit_a, cls.owner_a), (cls.unit_b, cls.owner_b)):
            cls.env["property.archive"].create(
                {
                    "unit_id": unit.id,
                    "ownership_ids": [(0, 0, {"partner_id": owner.id, "share": 100.0})],
                }
            )
        cls.front_desk_a = new_test_user(
            cls.env,
            login="svc_front_a",
            groups="property_cs.group_front_desk",
            name="Front Desk A",
        )
        cls.front_desk_b = new_test_user(
            cls.env,
            login="svc_front_b",
            groups="property_cs.group_front_desk",
            name="Front Desk B",
        )
        cls.project_a.user_ids = cls.front_desk_a
        cls.project_b.user_ids = cls.front_desk_b
        cls.director = new_test_user(
            cls.env,
            login="svc_director",
            groups="property_cs.group_director",
            name="Director A",
            email="director@example.com",
        )
        cls.project_a.manager_id = cls.director
        cls.general_manager = new_test_user(
            cls.env,
            login="svc_gm",
            groups="property_cs.group_general_manager",
            name="General Manager",
            email="gm@example.com",
        )
        cls.Ticket = cls.env["helpdesk.ticket"]

    @classmethod
    def _ticket(cls, **vals):
        values = {
            "name": "Leaking pipe",
            "description": "Water in the kitchen",
            "pcs_unit_id": cls.unit_a.id,
            "pcs_accountable_user_id": cls.front_desk_a.id,
        }
        values.update(vals)
        return cls.Ticket.create(values)

    @classmethod
    def _close(cls, tickets):
        tickets.write(
            {"stage_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id}
        )

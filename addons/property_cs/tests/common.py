# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one test base of the product (see CONTRIBUTING.md, "Tests").

``PropertyTestCommon`` builds its own data in ``cls.env.company`` after
``super().setUpClass()`` and never reads demo records, so that every test
passes on a database installed ``--without-demo``. Other addons extend it::

    class PropertyBillingTestCommon(PropertyTestCommon, AccountTestInvoicingCommon):
        ...

``AccountTestInvoicingCommon`` comes after it in the MRO: it runs first
(company with a chart of accounts, the ``accountman`` user) and the property
data is then created in that company.
"""

import itertools
from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

from .. import pii

VALID_ID = "11010519491231002X"
VALID_ID_2 = "44030519900101123X"

_SEQUENCE = itertools.count(1)


def consent(channel="counter"):
    """Commands recording the consent an ID number needs (PIPL)."""
    return [Command.create({"channel": channel})]


def resident_id(birth=date(1980, 1, 1), region="310104", serial=None):
    """A valid 18-character Chinese resident ID number (new one per call)."""
    serial = next(_SEQUENCE) % 1000 if serial is None else serial
    first17 = f"{region}{birth:%Y%m%d}{serial:03d}"
    return first17 + pii.resident_id_check_digit(first17)


class PropertyTestCommon(BaseCommon):
    """Two projects with staff of every role, units, owners and archives.

    Projects: ``project_a`` (``project``) and ``project_b``; buildings
    ``building_a`` (``building``) and ``building_b``; units ``unit_a`` (owner
    A, occupied), ``unit_a2`` (unsold, no archive yet) and ``unit_b`` (owner
    B, occupied); owners ``owner_a``, ``owner_b`` (ID number with consent,
    phone) with their portal users ``owner_user_a``, ``owner_user_b``;
    archives ``archive_a`` (with the owner's ID copy filed), ``archive_b``.

    Staff (``new_test_user``, login = password): ``front_desk``
    (``front_desk_a``), ``zone_manager``, ``cs_manager``, ``engineer``,
    ``security_guard``, ``finance_user``, ``privacy_officer`` and
    ``director`` (the project's director) of project A; ``front_desk_b``,
    ``cs_manager_b`` and ``director_b`` of project B; ``general_manager``
    (every project).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.partner_id.write(
            {"tz": "Asia/Shanghai", "email": cls.company.email or "kf@example.com"}
        )
        if not cls.env.su:
            # A base running as a plain user (e.g. accountman of
            # AccountTestInvoicingCommon) needs the rights to build the data.
            cls.env.user.groups_id = [
                Command.link(cls.env.ref(xmlid).id)
                for xmlid in (
                    "property_cs.group_general_manager",
                    "property_cs.group_personal_data",
                )
            ]
            cls.env.flush_all()
        Project = cls.env["property.project"]
        cls.project_a = Project.create(
            {"name": "Project A", "code": "PA", "company_id": cls.company.id}
        )
        cls.project_b = Project.create(
            {"name": "Project B", "code": "PB", "company_id": cls.company.id}
        )
        Building = cls.env["property.building"]
        cls.building_a = Building.create(
            {
                "name": "Building A1",
                "code": "A1",
                "project_id": cls.project_a.id,
                "floor_count": 18,
            }
        )
        cls.building_b = Building.create(
            {
                "name": "Building B1",
                "code": "B1",
                "project_id": cls.project_b.id,
                "floor_count": 11,
            }
        )
        cls.project, cls.building = cls.project_a, cls.building_a
        cls._create_staff()
        cls.owner_a = cls._create_owner(
            "Owner A", id_number=VALID_ID, phone="13812345678"
        )
        cls.owner_b = cls._create_owner(
            "Owner B", id_number=VALID_ID_2, phone="13987654321"
        )
        cls.unit_a = cls._create_unit("A1-1-0101", cls.owner_a, area=88.5, floor=1)
        cls.unit_a2 = cls._create_unit("A1-1-0102", area=120.0, floor=1, state="unsold")
        cls.unit_b = cls._create_unit(
            "B1-1-0101",
            cls.owner_b,
            project=cls.project_b,
            building=cls.building_b,
            area=95.0,
            floor=1,
        )
        cls.archive_a = cls.unit_a.archive_id
        cls.archive_b = cls.unit_b.archive_id
        cls.env["property.archive.document"].create(
            {
                "archive_id": cls.archive_a.id,
                "type_id": cls.env.ref("property_cs.doc_type_owner_id").id,
                "date_received": "2024-01-01",
            }
        )
        cls.owner_user_a = cls._create_portal_user("pcs_owner_a", cls.owner_a)
        cls.owner_user_b = cls._create_portal_user("pcs_owner_b", cls.owner_b)
        cls.Ticket = cls.env["helpdesk.ticket"]

    # ------------------------------------------------------------------
    # People
    # ------------------------------------------------------------------
    @classmethod
    def _create_user(cls, login, groups, projects=None, **vals):
        """An internal user of the company, assigned to ``projects``."""
        user = new_test_user(
            cls.env,
            login=login,
            password=login,
            groups=groups,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            **vals,
        )
        for project in projects or ():
            project.user_ids = [Command.link(user.id)]
        return user

    @classmethod
    def _create_staff(cls):
        A, B = cls.project_a, cls.project_b
        staff = "base.group_user,property_cs.group_"
        cls.front_desk = cls.front_desk_a = cls._create_user(
            "pcs_front_desk_a",
            staff + "front_desk,base.group_allow_export",
            [A],
            name="Front Desk A",
        )
        cls.front_desk_b = cls._create_user(
            "pcs_front_desk_b", staff + "front_desk", [B], name="Front Desk B"
        )
        cls.zone_manager = cls._create_user(
            "pcs_zone_manager",
            staff + "zone_manager",
            [A],
            name="Zone Manager A",
            tz="Asia/Shanghai",
        )
        cls.cs_manager = cls._create_user(
            "pcs_cs_manager_a",
            staff + "cs_manager",
            [A],
            name="CS Manager A",
            email="csm@example.com",
        )
        cls.cs_manager_b = cls._create_user(
            "pcs_cs_manager_b", staff + "cs_manager", [B], name="CS Manager B"
        )
        cls.engineer = cls._create_user(
            "pcs_engineer", staff + "engineering", [A], name="Engineer A"
        )
        cls.security_guard = cls._create_user(
            "pcs_security", staff + "security", [A], name="Security A"
        )
        cls.finance_user = cls._create_user(
            "pcs_finance", staff + "finance", [A], name="Cashier A"
        )
        cls.privacy_officer = cls._create_user(
            "pcs_privacy",
            staff + "front_desk,property_cs.group_personal_data",
            [A],
            name="Personal Data Officer A",
        )
        cls.director = cls._create_user(
            "pcs_director_a",
            staff + "director",
            [A],
            name="Director A",
            email="director@example.com",
        )
        cls.director_b = cls._create_user(
            "pcs_director_b", staff + "director", [B], name="Director B"
        )
        A.manager_id = cls.director
        B.manager_id = cls.director_b
        cls.general_manager = cls._create_user(
            "pcs_general_manager",
            staff + "general_manager",
            name="General Manager",
            email="gm@example.com",
        )

    @classmethod
    def _create_owner(cls, name, id_number=None, phone=None, **vals):
        """An owner with a valid resident ID number, its consent and a phone."""
        return cls.env["res.partner"].create(
            {
                "name": name,
                "pcs_consent_ids": consent(),
                "pcs_id_number": id_number or resident_id(),
                "pcs_phone": phone or f"139{next(_SEQUENCE):08d}",
                **vals,
            }
        )

    @classmethod
    def _create_portal_user(cls, login, partner):
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups="base.group_portal",
            partner_id=partner.id,
            name=partner.name,
            email=partner.email or f"{login}@example.com",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    # ------------------------------------------------------------------
    # Units
    # ------------------------------------------------------------------
    @classmethod
    def _create_unit(cls, code, owner=None, **vals):
        """One unit (see ``_create_units``), filed under ``owner`` if given."""
        return cls._create_units(
            1, codes=[code], owners=owner or cls.env["res.partner"], **vals
        )

    @classmethod
    def _create_units(
        cls,
        count,
        prefix="U",
        project=None,
        building=None,
        area=89.37,
        unit_type="residence",
        state="occupied",
        owners=None,
        owner_since=date(2024, 1, 1),
        codes=None,
        **unit_vals,
    ):
        """``count`` units with an open archive each.

        ``owners``: one partner per unit (a recordset of ``count``), or
        ``None`` for a new owner per unit, or an empty recordset for units
        without archive. Extra keyword arguments are unit values (e.g. fields
        other addons add, such as ``billing_date_start``).
        """
        project = project or cls.project_a
        building = building or (
            cls.building_a if project == cls.project_a else project.building_ids[:1]
        )
        codes = codes or [f"{prefix}-{i:04d}" for i in range(count)]
        units = cls.env["property.unit"].create(
            [
                {
                    "code": code,
                    "project_id": project.id,
                    "building_id": building.id,
                    "area": area,
                    "unit_type": unit_type,
                    "state": state,
                    **unit_vals,
                }
                for code in codes
            ]
        )
        if owners is None:
            owners = cls.env["res.partner"].create(
                [{"name": f"Owner {code}"} for code in codes]
            )
        if owners:
            cls.env["property.archive"].create(
                [
                    {
                        "unit_id": unit.id,
                        "date_open": owner_since,
                        "ownership_ids": [
                            Command.create(
                                {"partner_id": owner.id, "date_start": owner_since}
                            )
                        ],
                    }
                    for unit, owner in zip(units, owners, strict=True)
                ]
            )
        return units

    # ------------------------------------------------------------------
    # Service requests
    # ------------------------------------------------------------------
    @classmethod
    def _ticket(cls, **vals):
        """A service request of owner A (unit A1-1-0101), front desk A
        accountable."""
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Leaking pipe",
                "description": "Water in the kitchen",
                "pcs_unit_id": cls.unit_a.id,
                "pcs_accountable_user_id": cls.front_desk_a.id,
                **vals,
            }
        )

    @classmethod
    def _close(cls, tickets):
        tickets.write(
            {"stage_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id}
        )

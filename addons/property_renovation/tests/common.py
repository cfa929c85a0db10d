# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

PIXEL = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
        "60e6kgAAAABJRU5ErkJggg=="
    )
)


class RenovationCommon(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.company.write(
            {
                "pcs_renovation_fee_rate_residential": 5.0,
                "pcs_renovation_deposit_residential": 3000.0,
                "pcs_renovation_deposit_non_residential": 10000.0,
            }
        )
        cls.env.user.groups_id = [
            Command.link(cls.env.ref(xmlid).id)
            for xmlid in (
                "property_cs.group_general_manager",
                "property_cs.group_all_projects",
                "property_cs.group_finance",
                "property_cs.group_engineering",
                "property_cs.group_security",
            )
        ]
        cls.director = new_test_user(
            cls.env,
            login="reno_director",
            groups="base.group_user,property_cs.group_director,"
            "account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.engineer = new_test_user(
            cls.env,
            login="reno_engineer",
            groups="base.group_user,property_cs.group_engineering",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.project = (
            cls.env["property.project"]
            .sudo()
            .create(
                {
                    "name": "Renovation Garden",
                    "code": "RG",
                    "company_id": cls.company.id,
                    "manager_id": cls.director.id,
                    "user_ids": [Command.set((cls.director | cls.engineer).ids)],
                }
            )
        )
        cls.env.user.pcs_project_ids = [Command.link(cls.project.id)]
        cls.env.invalidate_all()
        cls.building = cls.env["property.building"].create(
            {"name": "Building 1", "code": "B1", "project_id": cls.project.id}
        )
        cls.owner = cls.env["res.partner"].create({"name": "Owner Zhang"})
        cls.unit = cls._create_unit("R-0101", cls.owner)
        cls.contractor = cls.env["res.partner"].create(
            {"name": "Anju Decoration", "is_company": True}
        )

    @classmethod
    def _create_unit(cls, code, owner, area=100.0):
        unit = cls.env["property.unit"].create(
            {
                "code": code,
                "project_id": cls.project.id,
                "building_id": cls.building.id,
                "area": area,
                "unit_type": "residence",
                "state": "occupied",
            }
        )
        cls.env["property.archive"].create(
            {
                "unit_id": unit.id,
                "ownership_ids": [
                    Command.create(
                        {"partner_id": owner.id, "date_start": date(2024, 1, 1)}
                    )
                ],
            }
        )
        return unit

    @classmethod
    def _attachment(cls, name="doc.png"):
        return cls.env["ir.attachment"].create({"name": name, "datas": PIXEL})

    @classmethod
    def _create_renovation(cls, **vals):
        values = {
            "unit_id": cls.unit.id,
            "partner_id": cls.owner.id,
            "contractor_id": cls.contractor.id,
            "contractor_licence_no": "91310000MA1K00001X",
            "principal_name": "Zhang Jianguo",
            "date_start": date(2026, 3, 2),
            "date_end": date(2026, 4, 30),
            "reviewer_id": cls.engineer.id,
            "worker_ids": [
                Command.create({"name": "Li Qiang", "trade": "Electrician"}),
                Command.create({"name": "Wang Lei", "trade": "Tiler"}),
            ],
        }
        values.update(vals)
        return cls.env["property.renovation"].create(values)

    @classmethod
    def _approved_renovation(cls, **vals):
        renovation = cls._create_renovation(**vals)
        renovation.action_submit()
        renovation.action_approve_review()
        renovation.write(
            {
                "pre_condition": "Walls intact.",
                "forbidden_acts_ack": True,
                "agreement_signed": True,
                "commitment_signed": True,
            }
        )
        renovation.action_record_briefing()
        renovation.action_invoice()
        return renovation

    @classmethod
    def _pay(cls, moves):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create({"group_payment": False})
            ._create_payments()
        )

    @classmethod
    def _works_renovation(cls, **vals):
        renovation = cls._approved_renovation(**vals)
        cls._pay(renovation.fee_move_id | renovation.deposit_id.invoice_id)
        renovation.action_issue_permit()
        return renovation

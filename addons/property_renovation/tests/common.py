# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from odoo import Command

from odoo.addons.property_billing.tests.common import PropertyBillingTestCommon

PIXEL = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
        "60e6kgAAAABJRU5ErkJggg=="
    )
)


class RenovationTestCommon(PropertyBillingTestCommon):
    """The billing base with renovation fees and deposits set on the company,
    the director (who approves refunds) an invoicing user, owner Zhang's unit
    R-0101 (100 m²) in project A and a contractor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "pcs_renovation_fee_rate_residential": 5.0,
                "pcs_renovation_deposit_residential": 3000.0,
                "pcs_renovation_deposit_non_residential": 10000.0,
            }
        )
        cls.env.user.groups_id = [
            Command.link(cls.env.ref(xmlid).id)
            for xmlid in ("property_cs.group_engineering", "property_cs.group_security")
        ]
        cls.director.groups_id = [
            Command.link(cls.env.ref("account.group_account_invoice").id)
        ]
        cls.owner = cls.env["res.partner"].create({"name": "Owner Zhang"})
        cls.unit = cls._create_unit("R-0101", cls.owner)
        cls.contractor = cls.env["res.partner"].create(
            {"name": "Anju Decoration", "is_company": True}
        )

    @classmethod
    def _create_unit(cls, code, owner=None, **vals):
        """A residence of 100 m² in project A (owner since 2024)."""
        vals.setdefault("area", 100.0)
        vals.setdefault("owner_since", date(2024, 1, 1))
        return super()._create_unit(code, owner, **vals)

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
    def _works_renovation(cls, **vals):
        renovation = cls._approved_renovation(**vals)
        cls._pay(renovation.fee_move_id | renovation.deposit_id.invoice_id)
        renovation.action_issue_permit()
        return renovation

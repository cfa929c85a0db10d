# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
from datetime import date, timedelta

from odoo import api, fields, models

from .. import pii

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玲"
REGIONS = ["110105", "310104", "440305", "320106", "330106", "510107", "420106"]


class PropertyDemo(models.AbstractModel):
    """Builds the demo project: three buildings, about 300 units."""

    _name = "property.demo"
    _description = "Property Demo Data"

    @api.model
    def _random_id_number(self, rng):
        birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 18000))
        first17 = (
            rng.choice(REGIONS)
            + birth.strftime("%Y%m%d")
            + f"{rng.randrange(0, 999):03d}"
        )
        return first17 + pii.resident_id_check_digit(first17)

    @api.model
    def _generate(self):
        project = self.env.ref("property_cs.project_sunshine_demo")
        if project.unit_ids:
            return True
        rng = random.Random(20260301)
        buildings = self.env["property.building"].create(
            [
                {
                    "name": f"Building {code}",
                    "code": code,
                    "project_id": project.id,
                    "floor_count": 10,
                    "zone_manager_id": self.env.ref(
                        "property_cs.user_zone_manager_demo"
                    ).id,
                }
                for code in "ABC"
            ]
        )
        unit_vals = []
        for building in buildings:
            for entrance in (1, 2):
                for floor in range(1, 11):
                    for room in range(1, 6):
                        is_shop = building.code == "C" and floor == 1
                        unit_vals.append(
                            {
                                "code": f"{building.code}-{entrance}-"
                                f"{floor:02d}{room:02d}",
                                "project_id": project.id,
                                "building_id": building.id,
                                "floor": floor,
                                "room_number": f"{floor:02d}{room:02d}",
                                "area": round(rng.uniform(62, 145), 2),
                                "unit_type": "shop" if is_shop else "residence",
                            }
                        )
        units = self.env["property.unit"].create(unit_vals)
        states = (
            ["occupied"] * 68 + ["rented"] * 10 + ["sold_vacant"] * 12 + ["unsold"] * 10
        )
        partner_vals, plan, owner_counts = [], [], {}
        for unit in units:
            state = rng.choice(states)
            plan.append((unit, state))
            if state == "unsold":
                continue
            owners = 2 if rng.random() < 0.15 else 1
            owner_counts[unit.id] = owners
            for _i in range(owners):
                partner_vals.append(
                    {
                        "name": rng.choice(SURNAMES)
                        + rng.choice(GIVEN)
                        + rng.choice(GIVEN),
                        "pcs_id_type": "resident_id",
                        "pcs_id_number": self._random_id_number(rng),
                        "pcs_consent_ids": [
                            fields.Command.create({"channel": "paper"})
                        ],
                        "pcs_phone": f"13{rng.randrange(0, 10)}"
                        f"{rng.randrange(0, 10**8):08d}",
                        "pcs_grade": "vip" if rng.random() < 0.05 else "normal",
                        "lang": "zh_CN"
                        if self.env["res.lang"]._lang_get("zh_CN")
                        else self.env.lang,
                    }
                )
        partners = iter(self.env["res.partner"].create(partner_vals))
        archive_vals = []
        handed = date.today() - timedelta(days=400)
        id_type = self.env.ref("property_cs.doc_type_owner_id")
        contract_type = self.env.ref("property_cs.doc_type_purchase_contract")
        for unit, state in plan:
            if state == "unsold":
                continue
            owners = [next(partners)]
            if owner_counts[unit.id] == 2:
                owners.append(next(partners))
            share = round(100.0 / len(owners), 2)
            ownership = [
                fields.Command.create(
                    {"partner_id": owner.id, "share": share, "date_start": handed}
                )
                for owner in owners
            ]
            archive_vals.append(
                {
                    "unit_id": unit.id,
                    "date_open": handed,
                    "ownership_ids": ownership,
                    "document_ids": [
                        fields.Command.create(
                            {"type_id": id_type.id, "date_received": handed}
                        ),
                        fields.Command.create(
                            {"type_id": contract_type.id, "date_received": handed}
                        ),
                    ],
                }
            )
        self.env["property.archive"].create(archive_vals)
        for state in ("occupied", "rented", "sold_vacant"):
            self.env["property.unit"].browse(
                [u.id for u, s in plan if s == state]
            ).write({"state": state})
        self._generate_handovers(project, rng)
        return True

    @api.model
    def _generate_handovers(self, project, rng):
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("state", "=", "unsold")], limit=8
        )
        buyers = self.env["res.partner"].create(
            [
                {
                    "name": rng.choice(SURNAMES)
                    + rng.choice(GIVEN)
                    + rng.choice(GIVEN),
                    "pcs_id_number": self._random_id_number(rng),
                    "pcs_consent_ids": [fields.Command.create({"channel": "paper"})],
                    "pcs_phone": f"139{rng.randrange(0, 10**8):08d}",
                }
                for _unit in units
            ]
        )
        handovers = self.env["property.handover"].create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": buyer.id,
                    "date": fields.Date.today() - timedelta(days=index),
                    "prepayment_amount": round(unit.area * 2.5 * 3, 2),
                }
                for index, (unit, buyer) in enumerate(zip(units, buyers, strict=True))
            ]
        )
        scan = self.env["ir.attachment"].create(
            {
                "name": "scan.txt",
                "raw": b"scanned copy (demo)",
                "res_model": "property.handover",
                "res_id": handovers[0].id,
            }
        )
        for index, handover in enumerate(handovers):
            if index < 3:
                continue  # drafts
            handover.action_start()
            if index < 5:
                handover.item_ids[:4].write({"done": True})
                continue  # in progress with items missing
            for item in handover.item_ids:
                vals = {"done": True}
                if item.requires_attachment:
                    vals["attachment_ids"] = [fields.Command.link(scan.id)]
                item.write(vals)
            handover.write(
                {
                    "readings_signed": True,
                    "water_reading": 12.0,
                    "electricity_reading": 150.5,
                    "gas_reading": 3.2,
                    "prepayment_received": True,
                    "keys_issued": 2,
                    "cards_issued": 3,
                    "move_in": index % 2 == 0,
                }
            )
            handover.action_complete()

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class PropertyDemo(models.AbstractModel):
    _inherit = "property.demo"

    @api.model
    def _generate_keys(self):
        """Keys, loans, cards, vacant-unit visits and a patrol week."""
        project = self.env.ref("property_cs.project_sunshine_demo")
        if self.env["property.key.set"].search_count([("project_id", "=", project.id)]):
            return True
        front_desk = self.env.ref("property_cs.user_front_desk_demo")
        zone_manager = self.env.ref("property_cs.user_zone_manager_demo")
        Unit = self.env["property.unit"]
        vacant = Unit.search(
            [
                ("project_id", "=", project.id),
                ("state", "in", ("unsold", "sold_vacant")),
            ],
            limit=20,
            order="id",
        )
        key_sets = self.env["property.key.set"].create(
            [
                {
                    "unit_id": unit.id,
                    "key_count": 2 + index % 2,
                    "cabinet_position": (
                        f"Cabinet {1 + index // 10}, hook {index % 10 + 1:02d}"
                    ),
                }
                for index, unit in enumerate(vacant)
            ]
        )
        now = fields.Datetime.now()
        Loan = self.env["property.key.loan"].with_user(front_desk)
        cleaner = self.env["res.partner"].create({"name": "Sparkle Cleaning Co."})
        for index, key_set in enumerate(key_sets[:3]):
            loan = Loan.create(
                {
                    "key_set_id": key_set.id,
                    "borrower_partner_id": cleaner.id,
                    "purpose": "cleaning",
                    "date_out": now - timedelta(days=10 - index, hours=3),
                    "date_due": now - timedelta(days=10 - index, hours=1),
                }
            )
            loan.action_return()
        Loan.create(
            {
                "key_set_id": key_sets[3].id,
                "borrower_user_id": zone_manager.id,
                "purpose": "inspection",
                "date_out": now - timedelta(hours=1),
                "date_due": now + timedelta(hours=3),
            }
        )
        Loan.create(
            {
                "key_set_id": key_sets[4].id,
                "borrower_partner_id": cleaner.id,
                "purpose": "repair",
                "purpose_note": "Water leak under the kitchen sink",
                "date_out": now - timedelta(days=1, hours=4),
                "date_due": now - timedelta(days=1),
            }
        )
        key_sets[5].write(
            {
                "missing_note": (
                    "Lost by the cleaning contractor on the way back, "
                    "reported by phone."
                )
            }
        )
        key_sets[5].action_mark_missing()
        self.env["property.key.replacement"].create(
            {
                "key_set_id": key_sets[5].id,
                "reason": "Keys lost; change the lock cylinder.",
                "change_lock": True,
                "new_key_count": 2,
            }
        ).action_request()
        self._generate_cards(project)
        self.env["property.vacant.visit"]._cron_generate()
        visits = self.env["property.vacant.visit"].search(
            [("project_id", "=", project.id), ("kind", "=", "inspection")], limit=3
        )
        visits.with_user(zone_manager).action_sign_in()
        visits[:2].with_user(zone_manager).action_done()
        self.env["property.finding"].with_user(zone_manager).create(
            {
                "name": "Damp stain on the bedroom ceiling",
                "category": "vacant_unit",
                "project_id": project.id,
                "unit_id": visits[2].unit_id.id,
                "building_id": visits[2].building_id.id,
                "visit_id": visits[2].id,
            }
        )
        self._generate_patrol_week(project, zone_manager)
        return True

    @api.model
    def _generate_cards(self, project):
        Card = self.env["property.access.card"]
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("state", "=", "occupied")],
            limit=6,
            order="id",
        )
        number = 100000
        for index, unit in enumerate(units):
            count = 4 if index == 0 else 2
            for _i in range(count):
                number += 1
                Card.create(
                    {
                        "name": str(number),
                        "project_id": project.id,
                        "unit_id": unit.id,
                        "holder_id": unit.current_owner_ids[:1].id,
                        "card_type": "owner",
                    }
                ).action_activate()
        lost = Card.search([("unit_id", "=", units[1].id)], limit=1)
        wizard = self.env["property.card.loss.wizard"].create(
            {
                "card_id": lost.id,
                "identity_checked": True,
                "note": "Lost in the supermarket.",
                "reissue": True,
                "new_number": str(number + 1),
            }
        )
        wizard.action_confirm()
        staff = Card.create(
            {
                "name": "S-0001",
                "project_id": project.id,
                "card_type": "contractor",
                "department": "Green Landscaping Ltd.",
            }
        )
        staff.with_user(
            self.env.ref("property_cs.user_zone_manager_demo")
        ).action_request_approval()
        return True

    @api.model
    def _generate_patrol_week(self, project, zone_manager):
        buildings = project.building_ids.filtered(lambda b: b.code in ("A", "B"))
        plan = self.env["property.patrol.plan"].create(
            {
                "name": "Buildings A-B daily patrol",
                "project_id": project.id,
                "user_id": zone_manager.id,
                "building_ids": [fields.Command.set(buildings.ids)],
            }
        )
        Patrol = self.env["property.patrol"]
        today = fields.Date.context_today(self)
        for days_ago in range(7, 0, -1):
            day = today - timedelta(days=days_ago)
            for window in plan.round_ids:
                patrol = Patrol.create(
                    {
                        "plan_id": plan.id,
                        "round_id": window.id,
                        "user_id": zone_manager.id,
                        "date": day,
                        "date_start": Patrol._window(
                            day, window.hour_start, zone_manager.tz
                        ),
                        "date_end": Patrol._window(
                            day, window.hour_end, zone_manager.tz
                        ),
                    }
                )
                patrol.line_ids.write({"result": "ok"})
                if days_ago == 3 and window == plan.round_ids[:1]:
                    patrol.line_ids.filtered(
                        lambda line: line.category == "facilities"
                    ).write({"result": "issue", "note": "Lobby light broken"})
                    self.env["property.finding"].with_user(zone_manager).create(
                        {
                            "name": "Lobby light broken, Building A entrance 1",
                            "category": "facilities",
                            "project_id": project.id,
                            "building_id": buildings[:1].id,
                            "patrol_id": patrol.id,
                        }
                    )
                patrol.with_user(zone_manager).action_done()
        Patrol._cron_generate()
        return True

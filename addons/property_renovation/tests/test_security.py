# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import RenovationCommon


@tagged("post_install", "-at_install")
class TestRenovationSecurity(RenovationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.front_desk = new_test_user(
            cls.env,
            login="reno_front",
            groups="base.group_user,property_cs.group_front_desk",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.guard = new_test_user(
            cls.env,
            login="reno_guard",
            groups="base.group_user,property_cs.group_security",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.outsider = new_test_user(
            cls.env,
            login="reno_outsider",
            groups="base.group_user,property_cs.group_engineering",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.project.user_ids = [
            Command.link(cls.front_desk.id),
            Command.link(cls.guard.id),
        ]

    def _form_spec(self, user):
        Renovation = self.env["property.renovation"].with_user(user)
        fields_ = Renovation.get_views([(False, "form")])["models"][
            "property.renovation"
        ]["fields"]
        spec = {}
        for name in fields_:
            field = Renovation._fields[name]
            relational = field.type in ("many2one", "one2many", "many2many")
            spec[name] = {"fields": {"display_name": {}}} if relational else {}
        return spec

    def test_roles(self):
        # Front desk registers, with a document uploaded before saving.
        drawing = (
            self.env["ir.attachment"]
            .with_user(self.front_desk)
            .create(
                {
                    "name": "plan.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "property.renovation",
                    "res_id": 0,
                }
            )
        )
        renovation = (
            self.env["property.renovation"]
            .with_user(self.front_desk)
            .create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "contractor_id": self.contractor.id,
                    "date_start": "2026-03-02",
                    "date_end": "2026-04-30",
                    "drawing_ids": [Command.link(drawing.id)],
                }
            )
        )
        self.assertEqual(drawing.res_id, renovation.id)
        renovation.action_submit()
        # Engineering (and everyone of the project) opens the form and the drawing.
        for user in (self.engineer, self.guard, self.director, self.front_desk):
            record = renovation.with_user(user)
            record.web_read(self._form_spec(user))
            self.assertEqual(record.drawing_ids.read(["name"])[0]["name"], "plan.pdf")
        # Security may not review; engineering does.
        with self.assertRaises(AccessError):
            renovation.with_user(self.guard).action_approve_review()
        renovation.with_user(self.engineer).action_approve_review()
        self.assertEqual(renovation.state, "approved")
        # Staff outside the project see nothing of it.
        self.assertFalse(
            self.env["property.renovation"].with_user(self.outsider).search([])
        )

    def test_security_patrols_and_gate_passes(self):
        renovation = self._works_renovation()
        patrol = (
            self.env["property.renovation.patrol"]
            .with_user(self.guard)
            .create(
                renovation._prepare_patrol_values(renovation.date_permit, "security")
            )
        )
        patrol.action_done()
        self.assertEqual(patrol.user_id, self.guard)
        gate = (
            self.env["property.renovation.gate.pass"]
            .with_user(self.guard)
            .create({"renovation_id": renovation.id, "materials": "Tiles"})
        )
        gate.action_check()
        with self.assertRaises(AccessError):
            self.env["property.renovation.inspection"].with_user(self.guard).create(
                {"renovation_id": renovation.id, "date": "2026-05-01"}
            )

    def test_only_director_approves_refund(self):
        renovation = self._works_renovation()
        renovation.deposit_id.action_request_refund()
        with self.assertRaises(UserError):
            renovation.deposit_id.with_user(self.front_desk).action_approve_refund()

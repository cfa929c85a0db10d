# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationSecurity(RenovationTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guard = cls.security_guard
        # An engineer of project B: sees nothing of project A.
        cls.outsider = cls._create_user(
            "pcs_engineer_b",
            "base.group_user,property_cs.group_engineering",
            [cls.project_b],
        )

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

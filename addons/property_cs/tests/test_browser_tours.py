# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tours of the service desk and of the owner archives, in Chromium, each as
the person who does it, in 简体中文 (static/tests/tours/*.js)."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .browser import PropertyBrowserMixin
from .common import PropertyTestCommon


@tagged("post_install", "-at_install", "property_browser")
class TestServiceDeskTours(PropertyBrowserMixin, HttpCase, PropertyTestCommon):
    def test_phone_complaint_to_callback(self):
        """Front desk registers and dispatches a phone complaint, the crew
        completes it with the owner's signature, the unsatisfied callback
        reopens it."""
        self.pcs_tour("pcs_front_desk_complaint", self.front_desk_a.login)
        ticket = self.Ticket.search([("name", "like", "电梯运行噪音大")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.pcs_unit_id, self.unit_a)
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(
            (ticket.pcs_category, ticket.pcs_complaint_level, ticket.pcs_channel),
            ("complaint", "important", "phone"),
        )
        self.assertTrue(ticket.pcs_escalation_deadline)
        self.assertEqual(ticket.pcs_dispatch_order_ids.state, "dispatched")
        self.assertEqual(ticket.pcs_dispatch_order_ids.user_id, self.engineer)

        self.pcs_tour("pcs_crew_complete", self.engineer.login)
        order = ticket.pcs_dispatch_order_ids
        self.assertEqual(order.state, "done")
        self.assertTrue(order.owner_signature)
        self.assertEqual(order.owner_signed_by, "张伟")

        # The order comes back, the front desk closes the request and the
        # daily job makes its callback (complaints: 100%, after 3 days).
        order.action_return()
        self._close(ticket)
        self.env["property.callback"].create(
            {
                "ticket_id": ticket.id,
                "kind": "complaint",
                "date_due": fields.Date.today(),
            }
        )
        self.pcs_tour("pcs_callback_unsatisfied", self.front_desk_a.login)
        self.assertFalse(ticket.closed, "an unsatisfied answer reopens the request")
        self.assertEqual(ticket.pcs_reopen_count, 1)
        self.pcs_expected_failures()

    def test_zone_manager_on_a_phone(self):
        """The zone manager signs a vacant-unit visit in and opens a patrol
        round on a phone: the primary actions are on the screen."""
        self.unit_a2.state = "unsold"
        now = fields.Datetime.now()
        visit = self.env["property.vacant.visit"].create(
            {
                "unit_id": self.unit_a2.id,
                "kind": "inspection",
                "period_key": f"{fields.Date.today():%Y-%m}",
                "date_due": fields.Date.today(),
            }
        )
        plan = (
            self.env["property.patrol.plan"]
            .with_user(self.zone_manager)
            .with_context(lang="zh_CN")  # as created in the zone manager's session
            .create(
                {
                    "name": "1号楼日常巡查",
                    "project_id": self.project_a.id,
                    "building_ids": [(6, 0, self.building_a.ids)],
                }
            )
        )
        self.env["property.patrol"].create(
            {
                "plan_id": plan.id,
                "round_id": plan.round_ids[:1].id,
                "user_id": self.zone_manager.id,
                "date": fields.Date.today(),
                "date_start": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=2),
            }
        )
        self.pcs_tour("pcs_zone_manager_phone", self.zone_manager.login, phone=True)
        self.assertTrue(visit.date_signed, "the visit was signed in on the phone")
        self.pcs_expected_failures()


@tagged("post_install", "-at_install", "property_browser")
class TestArchiveTours(PropertyBrowserMixin, HttpCase, PropertyTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = cls.privacy_officer  # 档案员: front desk with the archive right
        cls._pcs_grant(cls.clerk, "property_cs.group_archive_manager")
        cls.owner_c = cls._create_owner("王强")
        cls.unit_c = cls._create_unit("A1-2-0201", cls.owner_c, area=96.0, floor=2)
        cls.archive_c = cls.unit_c.archive_id
        cls.env["property.archive.document"].create(
            {
                "archive_id": cls.archive_c.id,
                "type_id": cls.env.ref("property_cs.doc_type_owner_id").id,
                "date_received": "2024-01-01",
            }
        )

    def test_access_request_to_access_log(self):
        """The director approves the front desk's request, the front desk
        opens the archive, the archive clerk opens another with a purpose and
        prints its cover sheet; the director reads every row in the log."""
        Log = self.env["property.archive.access.log"]
        request = (
            self.env["property.archive.access.request"]
            .with_user(self.front_desk_a)
            .create(
                {
                    "archive_id": self.archive_a.id,
                    "purpose": "view",
                    "data_purpose": "service",
                    "reason": "核对业主身份证件，办理门禁卡",
                }
            )
        )
        request.action_submit()
        self.pcs_tour("pcs_director_approve_access", self.director.login)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_id, self.director)

        self.pcs_tour(
            "pcs_clerk_open_archive",
            self.front_desk_a.login,
            url=f"/odoo/action-property_cs.property_archive_access_request_action/{request.id}",
        )
        front_desk_rows = Log.search(
            [
                ("user_id", "=", self.front_desk_a.id),
                ("archive_id", "=", self.archive_a.id),
            ]
        )
        self.assertEqual(set(front_desk_rows.mapped("action")), {"view"})

        self.pcs_tour(
            "pcs_archive_clerk_purpose",
            self.clerk.login,
            url=f"/odoo/action-property_cs.property_archive_action/{self.archive_c.id}",
        )
        clerk_rows = Log.search([("user_id", "=", self.clerk.id)])
        self.assertIn(
            "print", clerk_rows.mapped("action"), "the cover sheet was printed"
        )
        opened = clerk_rows.filtered(
            lambda r: r.action == "view" and r.reason == "业主本人申请复印购房合同"
        )
        self.assertEqual(opened.purpose, "owner_request")

        self.pcs_tour("pcs_director_access_log", self.director.login)
        self.pcs_expected_failures()

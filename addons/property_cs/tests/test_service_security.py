# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestServiceProjectIsolation(PropertyTestCommon):
    def test_staff_of_project_a_cannot_read_project_b(self):
        ticket_a = self._ticket()
        ticket_b = self._ticket(pcs_unit_id=self.unit_b.id)
        as_a = self.Ticket.with_user(self.front_desk_a)
        found = as_a.search([("id", "in", (ticket_a | ticket_b).ids)])
        self.assertEqual(found, ticket_a)
        with self.assertRaises(AccessError):
            ticket_b.with_user(self.front_desk_a).read(["name"])
        # Front desk registers requests in its own project.
        new = as_a.create(
            {"name": "Noise", "description": "x", "pcs_unit_id": self.unit_a.id}
        )
        self.assertEqual(new.pcs_accountable_user_id, self.front_desk_a)

    def test_portal_owner_sees_only_own_tickets(self):
        ticket_a = self._ticket()
        ticket_b = self._ticket(pcs_unit_id=self.unit_b.id)
        self.assertEqual(ticket_b.partner_id, self.owner_b)
        as_owner_a = self.Ticket.with_user(self.owner_user_a)
        self.assertEqual(as_owner_a.search([]), ticket_a)
        with self.assertRaises(AccessError):
            ticket_b.with_user(self.owner_user_a).read(["name"])


@tagged("post_install", "-at_install")
class TestTicketCloseRoute(HttpCase, PropertyTestCommon):
    """Regression: helpdesk_mgmt's /ticket/close let anyone close any ticket."""

    def _post_close(self, ticket, stage):
        return self.url_open(
            "/ticket/close",
            data={
                "ticket_id": ticket.id,
                "stage_id": stage.id,
                "confirm": "1",  # the owner ticked "Yes, close request"
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )

    def setUp(self):
        super().setUp()
        self.done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.ticket_a = self._ticket()

    def test_other_owner_cannot_close(self):
        self.authenticate(self.owner_user_b.login, self.owner_user_b.login)
        self._post_close(self.ticket_a, self.done)
        self.ticket_a.invalidate_recordset()
        self.assertFalse(self.ticket_a.closed)
        # GET is refused too (the original route accepted it).
        self.url_open(
            f"/ticket/close?ticket_id={self.ticket_a.id}&stage_id={self.done.id}",
            allow_redirects=False,
        )
        self.ticket_a.invalidate_recordset()
        self.assertFalse(self.ticket_a.closed)

    def test_owner_closes_own_ticket(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.unit_a.code, page.text)
        self.assertIn('method="POST"', page.text)
        form = self.url_open("/new/ticket")
        self.assertIn('name="pcs_unit_id"', form.text)
        self.assertNotIn(self.unit_b.code, form.text)
        self._post_close(self.ticket_a, self.done)
        self.ticket_a.invalidate_recordset()
        self.assertTrue(self.ticket_a.closed)

    def test_submit_refuses_other_owners_unit(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        data = {
            "subject": "Hijack",
            "description": "x",
            "pcs_unit_id": self.unit_b.id,
            "pcs_category": "complaint",
            "csrf_token": http.Request.csrf_token(self),
        }
        with mute_logger("odoo.http"):
            self.url_open("/submitted/ticket", data=data, allow_redirects=False)
        self.assertFalse(self.Ticket.search([("name", "=", "Hijack")]))
        data["pcs_unit_id"] = self.unit_a.id
        self.url_open("/submitted/ticket", data=data, allow_redirects=False)
        ticket = self.Ticket.search([("name", "=", "Hijack")])
        self.assertEqual(ticket.pcs_unit_id, self.unit_a)
        self.assertEqual(ticket.pcs_project_id, self.project_a)
        self.assertEqual(ticket.pcs_channel, "portal")
        self.assertEqual(ticket.partner_id, self.owner_a)

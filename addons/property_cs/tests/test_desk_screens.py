# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the desk, the zone manager and the director meet on their screens:
default filters, searches, the people offered, buttons, breadcrumbs."""

from datetime import timedelta

import pytz
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestDeskScreens(PropertyTestCommon):
    def _action_default_domain(self, xmlid, user):
        """The domain a user's list opens with: the action's domain and the
        filters its context switches on (``search_default_*``)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        model = self.env[action["res_model"]].with_user(user)
        context = safe_eval(action.get("context") or "{}", {"uid": user.id})
        arch = model.get_views([(False, "search")])["views"]["search"]["arch"]
        search = etree.fromstring(arch)
        domain = safe_eval(action.get("domain") or "[]", {"uid": user.id})
        for key, value in context.items():
            if not key.startswith("search_default_") or not value:
                continue
            node = search.find(f".//filter[@name='{key[15:]}']")
            self.assertIsNotNone(node, key)
            domain += safe_eval(node.get("domain", "[]"), {"uid": user.id})
        return model, domain

    def _first_search_field_domain(self, model, text):
        """The domain of what one types in the search box and Enter: the
        first field of the search view."""
        arch = model.get_views([(False, "search")])["views"]["search"]["arch"]
        field = etree.fromstring(arch).find(".//field")
        filter_domain = field.get("filter_domain")
        if filter_domain:
            return safe_eval(filter_domain, {"self": text})
        return [(field.get("name"), "ilike", text)]

    # ------------------------------------------------------------------
    # Archives
    # ------------------------------------------------------------------
    def test_approved_access_request_stays_in_the_clerks_list(self):
        request = (
            self.env["property.archive.access.request"]
            .with_user(self.front_desk)
            .create({"archive_id": self.archive_a.id, "reason": "Owner asked a copy"})
        )
        request.action_submit()
        request.with_user(self.director).action_approve()
        self.assertEqual(request.state, "approved")
        model, domain = self._action_default_domain(
            "property_cs.property_archive_access_request_action", self.front_desk
        )
        self.assertIn(request, model.search(domain))
        # the director's own list of what waits for approval
        other = (
            self.env["property.archive.access.request"]
            .with_user(self.zone_manager)
            .create({"archive_id": self.archive_a.id, "reason": "Key handover check"})
        )
        other.action_submit()
        model, domain = self._action_default_domain(
            "property_cs.property_archive_access_request_action_to_approve",
            self.director,
        )
        self.assertEqual(model.search(domain), other)

    def test_archive_found_by_unit_code(self):
        Archive = self.env["property.archive"].with_user(self.front_desk)
        domain = self._first_search_field_domain(Archive, "A1-1-0101")
        self.assertEqual(Archive.search(domain), self.archive_a)
        domain = self._first_search_field_domain(Archive, self.archive_b.name)
        self.assertEqual(Archive.sudo().search(domain), self.archive_b)

    def test_print_log_keeps_the_purpose_stated_on_opening(self):
        archive = self.archive_a.with_user(self.director)
        action = archive.action_open_full()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.director)
            .with_context(**action["context"])
            .create({"purpose": "legal", "reason": "Court asked for the contract"})
        )
        wizard.action_open()
        self.env["ir.actions.report"].with_user(self.director)._render_qweb_html(
            "property_cs.action_report_archive_cover", self.archive_a.ids
        )
        printed = self.env["property.archive.access.log"].search(
            [("archive_id", "=", self.archive_a.id), ("action", "=", "print")]
        )
        self.assertEqual(len(printed), 1)
        self.assertEqual(printed.purpose, "legal")
        self.assertEqual(printed.reason, "Court asked for the contract")

    # ------------------------------------------------------------------
    # Dispatch: staff only
    # ------------------------------------------------------------------
    def test_assign_to_offers_staff_never_an_owner(self):
        department = self.env["property.department"].create(
            {"name": "Plumbing crew", "member_ids": [(4, self.engineer.id)]}
        )
        order = self.env["property.dispatch.order"].create(
            {
                "ticket_id": self._ticket().id,
                "description": "Replace the pipe",
                "department_id": department.id,
            }
        )
        offered = order.assignable_user_ids
        self.assertIn(self.engineer, offered)
        self.assertIn(self.front_desk_a, offered)
        self.assertNotIn(self.owner_user_a, offered)
        self.assertNotIn(self.owner_user_b, offered)
        self.assertFalse(offered.filtered("share"))
        self.assertNotIn(self.front_desk_b, offered)  # staff of project B only
        # what the form's drop-down searches
        domain = safe_eval(
            order._fields["user_id"].domain, {"assignable_user_ids": offered.ids}
        )
        found = self.env["res.users"].search(domain)
        self.assertNotIn(self.owner_user_a, found)
        with self.assertRaisesRegex(ValidationError, "portal"):
            order.user_id = self.owner_user_a

    # ------------------------------------------------------------------
    # Unit form: its requests
    # ------------------------------------------------------------------
    def test_unit_registers_and_lists_its_requests(self):
        unit = self.unit_a.with_user(self.front_desk)
        self.assertEqual((unit.open_ticket_count, unit.ticket_count), (0, 0))
        action = unit.action_new_ticket()
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        self.assertEqual(action["view_mode"], "form")
        form = Form(
            self.env["helpdesk.ticket"]
            .with_user(self.front_desk)
            .with_context(**action["context"])
        )
        self.assertEqual(form.pcs_unit_id, self.unit_a)
        self.assertEqual(form.partner_id, self.owner_a)
        form.name = "Doorbell broken"
        form.description = "<p>The doorbell does not ring.</p>"
        form.pcs_category = "common_repair"
        ticket = form.save()
        self._close(self._ticket(name="Old request"))
        unit.invalidate_recordset(["ticket_count", "open_ticket_count"])
        self.assertEqual((unit.open_ticket_count, unit.ticket_count), (1, 2))
        listing = unit.action_view_tickets()
        tickets = self.env["helpdesk.ticket"].search(listing["domain"])
        self.assertEqual(len(tickets), 2)
        self.assertIn(ticket, tickets)
        self.assertEqual(listing["context"]["default_pcs_unit_id"], self.unit_a.id)

    def test_request_follows_the_company_of_its_unit(self):
        other = self.env["res.company"].create({"name": "Another Property Co"})
        ticket = (
            self.env["helpdesk.ticket"]
            .with_company(other)
            .create(
                {
                    "name": "Lift stuck",
                    "description": "<p>Lift 2</p>",
                    "pcs_unit_id": self.unit_a.id,
                }
            )
        )
        self.assertEqual(ticket.company_id, self.company)

    def test_new_request_breadcrumb(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.front_desk)
        self.assertFalse(Ticket.new({}).display_name)  # the web client shows "New"
        form = Form(Ticket)
        form.name = "Noise at night"
        form.description = "<p>Upstairs, after 22:00.</p>"
        form.pcs_unit_id = self.unit_a
        ticket = form.save()
        self.assertEqual(ticket.display_name, f"{ticket.number} - Noise at night")
        self.assertNotIn("False", ticket.display_name)

    # ------------------------------------------------------------------
    # Weekly summary on demand
    # ------------------------------------------------------------------
    def test_weekly_summary_on_demand(self):
        ticket = self._ticket(name="Stairs light")
        # the week of the request, in the company's time zone
        tz = pytz.timezone(self.project_a.company_id.partner_id.tz or "UTC")
        today = pytz.utc.localize(ticket.pcs_registered_at).astimezone(tz).date()
        wizard = (
            self.env["property.weekly.summary.wizard"]
            .with_user(self.cs_manager)
            .create({"project_ids": [(6, 0, self.project_a.ids)], "date": today})
        )
        monday = today - timedelta(days=today.weekday())
        self.assertEqual(wizard.date_from, monday)
        self.assertEqual(wizard.date_to, monday + timedelta(days=6))
        action = wizard.action_produce()
        summary = self.env["property.weekly.summary"].browse(action["res_id"])
        self.assertEqual(summary.project_id, self.project_a)
        self.assertEqual(summary.date_from, monday)
        self.assertEqual(summary.new_count, 1)
        self.assertFalse(summary.sent_at)
        # again, later in the week: the same summary, recomputed and mailed
        self._ticket(name="Broken bench")
        wizard = (
            self.env["property.weekly.summary.wizard"]
            .with_user(self.cs_manager)
            .create(
                {
                    "project_ids": [(6, 0, self.project_a.ids)],
                    "date": today,
                    "send": True,
                }
            )
        )
        self.assertEqual(wizard.action_produce()["res_id"], summary.id)
        self.assertEqual(summary.new_count, 2)
        self.assertTrue(summary.sent_at)
        self.assertIn(self.director.partner_id, summary.recipient_ids)
        self.assertEqual(
            self.env["property.weekly.summary"].search_count(
                [("project_id", "=", self.project_a.id), ("date_from", "=", monday)]
            ),
            1,
        )

    def test_clocks_breached_measure_is_a_count(self):
        field = self.env["helpdesk.ticket"]._fields["pcs_breach_count"]
        self.assertEqual(field.type, "integer")
        self.assertEqual(field.aggregator, "sum")
        label = (
            self.env["ir.model.fields"]
            ._get("helpdesk.ticket", "pcs_breach_count")
            .with_context(lang="zh_CN")
            .field_description
        )
        if self.env["res.lang"]._lang_get("zh_CN"):
            self.assertEqual(label, "超时次数")

    # ------------------------------------------------------------------
    # Phone: home action and the lists that open as cards
    # ------------------------------------------------------------------
    def test_zone_manager_starts_in_the_property_app(self):
        home = self.env.ref("property_cs.helpdesk_ticket_my_work_action")
        self.assertEqual(self.zone_manager.action_id.id, home.id)
        self.assertEqual(self.director.action_id.id, home.id)
        self.assertFalse(self.front_desk.action_id)
        self.assertFalse(self.owner_user_a.action_id)
        # a front desk clerk promoted to zone manager
        self.front_desk.groups_id = [
            (4, self.env.ref("property_cs.group_zone_manager").id)
        ]
        self.assertEqual(self.front_desk.action_id.id, home.id)
        # a home chosen by the administrator is kept
        dashboard = self.env.ref("property_cs.property_patrol_today_action")
        self.cs_manager.action_id = dashboard.id
        self.cs_manager.groups_id = [(4, self.env.ref("base.group_user").id)]
        self.assertEqual(self.cs_manager.action_id.id, dashboard.id)
        # "My Requests" of the zone manager: the requests of the buildings
        # of the zone, open ones
        self.building_a.zone_manager_id = self.zone_manager
        ticket = self._ticket(name="Leak in the lobby")
        model, domain = self._action_default_domain(
            "property_cs.helpdesk_ticket_my_work_action", self.zone_manager
        )
        self.assertIn(ticket, model.search(domain))
        self._close(ticket)
        self.assertNotIn(ticket, model.search(domain))

    def test_phone_lists_open_as_cards_with_the_primary_action(self):
        """On a phone an action opens its kanban view (``mobile_view_mode``):
        the lists a zone manager works from have one, with the step's button
        on the card."""
        for xmlid, buttons in (
            ("property_cs.property_vacant_visit_action", ["action_sign_in"]),
            ("property_cs.property_vacant_visit_todo_action", ["action_sign_in"]),
            (
                "property_cs.property_patrol_action",
                ["action_add_finding", "action_done"],
            ),
            (
                "property_cs.property_patrol_today_action",
                ["action_add_finding", "action_done"],
            ),
            ("property_cs.helpdesk_ticket_property_action", []),
            ("property_cs.helpdesk_ticket_my_work_action", []),
            ("property_cs.helpdesk_ticket_overdue_action", []),
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
            self.assertIn("kanban", action["view_mode"].split(","), xmlid)
            views = dict((kind, view_id) for view_id, kind in action["views"])
            model = self.env[action["res_model"]]
            arch = model.get_views([(views["kanban"], "kanban")])["views"]["kanban"][
                "arch"
            ]
            kanban = etree.fromstring(arch)
            # one column of cards, no stage columns running off the screen
            self.assertFalse(kanban.get("default_group_by"), xmlid)
            for button in buttons:
                self.assertTrue(
                    kanban.xpath(f"//button[@name='{button}']"), (xmlid, button)
                )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestDunning(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.units = cls._create_units(3, prefix="D")
        cls.units.current_owner_ids.write({"mobile": "13900000000"})
        cls.invoices = cls.Billing._billing_run(cls.company, PERIOD)
        cls.team = (
            cls.env["helpdesk.ticket.team"].sudo().create({"name": "Engineering"})
        )
        cls.reason = cls.env.ref("property_billing.dunning_reason_service")
        cls.reason.team_id = cls.team

    def test_refresh_call_list_button(self):
        """ "Refresh Call List" on a saved run (a new request: nothing in the
        cache) lists every owner in arrears, once."""
        run = self.env["property.dunning.run"].create(
            {"company_id": self.company.id, "period": date(2026, 4, 1)}
        )
        self.assertFalse(run.line_ids)
        self.env.invalidate_all()
        run.action_prepare_calls()
        self.assertEqual(len(run.line_ids), 3)
        self.assertEqual(run.line_ids.unit_id, self.units)
        self.env.invalidate_all()
        run.action_prepare_calls()
        self.assertEqual(len(run.line_ids), 3)

    @freeze_time("2026-04-08")
    def test_stages(self):
        self.env["property.dunning.run"].with_context(
            property_billing_company_ids=self.company.ids
        )._cron_dunning(today=date(2026, 4, 8))
        run = self.env["property.dunning.run"].search(
            [("company_id", "=", self.company.id), ("period", "=", date(2026, 4, 1))]
        )
        self.assertEqual(len(run.line_ids), 3)
        self.assertEqual(run.line_ids[0].amount_due, self.invoices[0].amount_total)
        # stage 1: a service problem opens a ticket for the department
        line = run.line_ids[0]
        line.write({"reason_id": self.reason.id, "promised_date": date(2026, 4, 20)})
        line.action_log_call()
        ticket = line.ticket_id
        self.assertTrue(ticket)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.partner_id, line.partner_id)
        self.assertEqual(ticket.pcs_unit_id, line.unit_id)
        self.assertEqual(ticket.pcs_project_id, self.project_a)
        self.assertEqual(ticket.pcs_category, "complaint")
        # Staff of project A find it; staff of project B neither find nor read it.
        Ticket = self.env["helpdesk.ticket"]
        self.assertIn(ticket, Ticket.with_user(self.front_desk_a).search([]))
        self.assertNotIn(ticket, Ticket.with_user(self.front_desk_b).search([]))
        with self.assertRaises(AccessError):
            ticket.with_user(self.front_desk_b).read(["name"])
        self.assertEqual(line.promise_state, "pending")
        # one owner pays before stage 2
        paid_invoice = self.invoices.filtered(
            lambda m: m.pcs_unit_id == run.line_ids[1].unit_id
        )
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid_invoice.ids
        ).create({"payment_date": date(2026, 4, 10)})._create_payments()
        run.action_send_sms()
        sms = run.line_ids.sms_id
        self.assertEqual(len(sms), 2)
        self.assertTrue(all(s.state == "outgoing" for s in sms))
        self.assertIn(run.line_ids[0].unit_id.code, run.line_ids[0].sms_id.body)
        self.assertTrue(run.line_ids[1].paid_before_sms)
        self.assertEqual(run.line_ids[1].promise_state, "none")
        # stage 3: lawyer's letter for the selected owner
        run.line_ids[2].letter_selected = True
        action = run.action_print_letters()
        self.assertEqual(action["type"], "ir.actions.report", action)
        self.assertEqual(run.line_ids[2].letter_date, date(2026, 4, 8))
        self.assertFalse(run.line_ids[0].letter_date)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "property_billing.report_lawyer_letter", run.line_ids[2].ids
        )[0]
        self.assertIn(f"{run.line_ids[2].amount_due:,.2f}".encode(), html)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The billing screens as finance and owners meet them: a billing run per
building and in the background with its progress, reports opening on the
latest billed month, bills on a phone."""

from datetime import date

from dateutil.relativedelta import relativedelta
from lxml import html

from odoo import fields
from odoo.tests import Form, HttpCase, tagged

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestBillingRunScreens(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building_a2 = cls.env["property.building"].create(
            {"name": "Building A2", "code": "A2", "project_id": cls.project_a.id}
        )
        cls.units_a1 = cls._create_units(3, prefix="A1X")
        cls.units_a2 = cls._create_units(2, prefix="A2X", building=cls.building_a2)

    def _wizard(self, **vals):
        return (
            self.env["property.billing.wizard"]
            .with_user(self.finance_user)
            .create({"period": PERIOD, **vals})
        )

    def test_billing_run_per_building(self):
        wizard = Form(self.env["property.billing.wizard"].with_user(self.finance_user))
        wizard.period = PERIOD
        self.assertEqual(wizard.remaining, 5)
        wizard.building_ids.add(self.building_a2)
        self.assertEqual(wizard.remaining, 2)
        wizard = wizard.save()
        # the building's project is chosen with it
        self.assertEqual(wizard.project_ids, self.project_a)
        action = wizard.action_run()
        self.assertEqual(len(self._fee_invoices(self.units_a2, PERIOD)), 2)
        self.assertFalse(self._fee_invoices(self.units_a1, PERIOD))
        shown = self.env["account.move"].search(action["domain"])
        self.assertEqual(shown.pcs_unit_id, self.units_a2)
        # the other building later: nothing billed twice
        self._wizard(building_ids=[(6, 0, self.building_a.ids)]).action_run()
        self.assertEqual(len(self._fee_invoices(self.units_a1, PERIOD)), 3)
        self.assertEqual(len(self._fee_invoices(self.units_a2, PERIOD)), 2)

    def test_billing_run_in_the_background_with_progress(self):
        wizard = self._wizard(batch_size=2)
        self.assertEqual(wizard.remaining, 5)
        self.assertFalse(wizard.run_now)  # more than one batch: background
        action = wizard.action_queue()
        job = self.env["property.billing.job"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "property.billing.job")
        self.assertEqual(job.state, "queued")
        self.assertEqual(job.unit_total, 5)
        self.assertEqual(job.user_id, self.finance_user)
        self.assertEqual(job.progress, 0.0)
        # nothing billed while the user goes on working
        self.assertFalse(self._fee_invoices(self.units_a1 | self.units_a2, PERIOD))
        Job = self.env["property.billing.job"]
        Job._cron_run_jobs()
        self.assertEqual(job.state, "running")
        self.assertEqual(job.unit_done, 2)
        self.assertEqual(job.progress, 40.0)
        Job._cron_run_jobs()
        Job._cron_run_jobs()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.progress, 100.0)
        self.assertEqual(job.invoice_count, 5)
        invoices = self._fee_invoices(self.units_a1 | self.units_a2, PERIOD)
        self.assertEqual(len(invoices), 5)
        self.assertAlmostEqual(job.amount_total, sum(invoices.mapped("amount_total")))
        self.assertEqual(
            self.env["account.move"].search(job.action_view_invoices()["domain"]),
            invoices,
        )
        # the user is told in the chatter (inbox) that the run ended
        told = job.message_ids.filtered(
            lambda m: self.finance_user.partner_id in m.partner_ids
        )
        self.assertTrue(told)
        self.assertIn("5", told[0].body)
        # the job is done: a further call bills nothing
        self.assertEqual(Job._cron_run_jobs(), 0)
        self.assertEqual(
            len(self._fee_invoices(self.units_a1 | self.units_a2, PERIOD)), 5
        )

    def test_background_run_of_one_building(self):
        job = self.env["property.billing.job"].browse(
            self._wizard(
                building_ids=[(6, 0, self.building_a2.ids)], batch_size=1
            ).action_queue()["res_id"]
        )
        self.assertEqual(job.unit_total, 2)
        for _call in range(3):
            self.env["property.billing.job"]._cron_run_jobs()
        self.assertEqual(job.state, "done")
        self.assertEqual(len(self._fee_invoices(self.units_a2, PERIOD)), 2)
        self.assertFalse(self._fee_invoices(self.units_a1, PERIOD))

    def test_reports_open_on_the_latest_billed_month(self):
        today = fields.Date.context_today(self.env["property.billing"])
        latest = (today + relativedelta(months=1)).replace(day=1)
        self.Billing._billing_run(self.company, latest - relativedelta(months=2))
        self.Billing._billing_run(self.company, latest)
        Report = self.env["property.collection.report"].with_user(self.finance_user)
        self.assertEqual(Report._pcs_latest_billed_period(), latest)
        action = Report.action_pcs_open()
        self.assertEqual(action["res_model"], "property.collection.report")
        self.assertEqual(action["context"]["search_default_filter_period"], "month+1")
        wizard = Form(
            self.env["property.billing.report.wizard"].with_user(self.finance_user)
        )
        self.assertEqual(wizard.period, latest)


@tagged("post_install", "-at_install")
class TestOwnerBillsOnPhone(PropertyBillingTestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._create_units(1, prefix="PH", owners=cls.owner_a)
        cls.Billing._billing_run(cls.company, PERIOD)
        cls.invoice = cls._fee_invoices(cls.unit, PERIOD)

    def test_invoices_as_cards_with_status_and_pay_button(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        response = self.url_open("/my/invoices")
        self.assertEqual(response.status_code, 200)
        page = html.fromstring(response.content)
        # the table is for wide screens, the cards for phones
        table = page.xpath("//table[contains(@class, 'o_portal_my_doc_table')]")[0]
        wrapper = table.getparent()
        self.assertIn("d-none", wrapper.get("class").split())
        cards = page.xpath(
            "//div[contains(@class, 'd-md-none')]"
            "//div[contains(@class, 'list-group-item')]"
        )
        self.assertEqual(len(cards), 1)
        card = html.tostring(cards[0], encoding="unicode")
        self.assertIn(self.invoice.name, card)
        self.assertIn(
            "Overdue"
            if self.invoice.invoice_date_due < date.today()
            else "Waiting for Payment",
            card,
        )
        self.assertTrue(cards[0].xpath(".//a[contains(@href, '#portal_pay')]"))

    def test_unit_page_shows_its_bills(self):
        self.authenticate(self.owner_user_a.login, self.owner_user_a.login)
        response = self.url_open(f"/my/units/{self.unit.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.invoice.name, response.text)
        page = html.fromstring(response.content)
        self.assertTrue(
            page.xpath(f"//a[@href='/new/ticket?pcs_unit_id={self.unit.id}']")
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import freeze_time, tagged

from odoo.addons.property_cs.tests.zh_cn import ChineseReportMixin

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestBillingFormsInChinese(ChineseReportMixin, PropertyBillingTestCommon):
    """Statements, the lawyer's letter and the monthly collection summary,
    printed for Chinese readers, have no English word outside names."""

    pcs_report_modules = ("property_cs", "property_billing", "account")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.name = "阳光花园"
        cls.building.name = "1号楼"
        cls.units = cls._create_units(2, prefix="D")
        cls.units.current_owner_ids.write({"mobile": "13900000000"})
        cls.invoices = cls.Billing._billing_run(cls.company, PERIOD)
        cls._pcs_chinese_readers()

    @freeze_time("2026-04-08")
    def test_every_form_in_chinese(self):
        self.pcs_checked_reports = set()
        check = self.assertReportInChinese
        unit = self.units[0]
        check("property_billing.action_report_property_statement", unit)
        check("property_billing.action_report_building_statement", unit.building_id)
        self.env["property.dunning.run"].with_context(
            property_billing_company_ids=self.company.ids
        )._cron_dunning(today=date(2026, 4, 8))
        run = self.env["property.dunning.run"].search(
            [("company_id", "=", self.company.id), ("period", "=", date(2026, 4, 1))]
        )
        line = run.line_ids[:1]
        line.letter_selected = True
        run.action_print_letters()
        text = check("property_billing.action_report_lawyer_letter", line)
        self.assertIn("律师函", text)
        wizard = self.env["property.billing.report.wizard"].create(
            {"project_id": self.project.id, "period": date(2026, 3, 15)}
        )
        check("property_billing.action_report_billing_summary", wizard)
        self.assertEveryReportChecked("property_billing")

    @freeze_time("2026-04-08")
    def test_statement_of_a_unit_without_payer_says_so(self):
        """A unit whose owner left (no payer) prints its statement with the
        payer's cell saying why it is empty, not a blank to sign under."""
        self.pcs_checked_reports = set()
        unit = self.units[1]
        unit.archive_id.ownership_ids.write({"date_end": date(2026, 3, 31)})
        self.assertFalse(unit.billing_partner_id)
        text = self.assertReportInChinese(
            "property_billing.action_report_property_statement", unit
        )
        self.assertIn("房屋未设置缴费人", text)

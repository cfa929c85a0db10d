# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import date

from odoo import Command
from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestBillingPrivacy(PropertyBillingTestCommon):
    def _end_ownership(self, units, day):
        units.archive_id.ownership_ids.write({"date_end": day})

    def test_export_lists_invoices(self):
        self.env.user.groups_id = [
            Command.link(self.env.ref("property_cs.group_personal_data").id)
        ]
        unit = self._create_units(1, prefix="E")
        self.Billing._billing_run(self.company, PERIOD)
        owner = unit.current_owner_ids
        wizard = (
            self.env["property.personal.data.export.wizard"]
            .with_context(allowed_company_ids=self.company.ids)
            .create(
                {
                    "partner_id": owner.id,
                    "purpose": "owner_request",
                    "reason": "Owner's written request",
                    "export_format": "json",
                }
            )
        )
        wizard.action_export()
        data = json.loads(wizard.attachment_ids.raw)
        invoice = self._fee_invoices(unit, PERIOD)
        self.assertEqual(data["invoices"][0]["number"], invoice.name)
        self.assertEqual(data["invoices"][0]["amount"], invoice.amount_total)

    def test_retention_skips_debtors_and_keeps_invoices(self):
        self.company.pcs_pii_retention_years = 1
        units = self._create_units(2, prefix="R")
        self.Billing._billing_run(self.company, PERIOD)
        paid_unit, debtor_unit = units
        paid_owner = paid_unit.current_owner_ids
        debtor = debtor_unit.current_owner_ids
        paid_invoice = self._fee_invoices(paid_unit, PERIOD)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid_invoice.ids
        ).create({})._create_payments()
        self.assertIn(paid_invoice.payment_state, ("paid", "in_payment"))
        # in_payment counts as open until reconciled with the bank
        paid_invoice.payment_state = "paid"
        self._end_ownership(units, date(2026, 3, 31))
        paid_invoice.invoice_line_ids.flush_recordset()
        before = paid_invoice.read(
            ["name", "partner_id", "invoice_partner_display_name", "amount_total"]
        )[0]
        write_date = paid_invoice.write_date
        Partner = self.env["res.partner"]
        with freeze_time("2027-04-02"):
            Partner.with_context(active_test=False)._cron_pcs_retention()
            Partner._cron_pcs_retention()
        self.assertTrue(paid_owner.pcs_anonymised)
        self.assertFalse(debtor.pcs_anonymised)
        paid_invoice.invalidate_recordset()
        after = paid_invoice.read(
            ["name", "partner_id", "invoice_partner_display_name", "amount_total"]
        )[0]
        self.assertEqual(
            after, before | {"partner_id": (paid_owner.id, after["partner_id"][1])}
        )
        self.assertEqual(
            after["invoice_partner_display_name"],
            before["invoice_partner_display_name"],
        )
        self.assertEqual(paid_invoice.write_date, write_date)
        self.assertEqual(paid_invoice.partner_id, paid_owner)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RenovationTestCommon


@tagged("post_install", "-at_install")
class TestRenovationPermit(RenovationTestCommon):
    def test_fees_invoiced_through_billing(self):
        renovation = self._approved_renovation()
        fee = renovation.fee_move_id
        self.assertEqual(fee.state, "posted")
        # 100 m² × 5.00 = 500.00 paid, VAT (6%, property service) inside.
        self.assertEqual(fee.amount_total, 500.0)
        self.assertAlmostEqual(fee.amount_tax, 28.30, places=2)
        self.assertEqual(fee.invoice_line_ids.tax_ids, self.company.pcs_tax_service_id)
        self.assertEqual(fee.partner_id, self.owner)
        self.assertEqual(fee.invoice_line_ids.product_id.pcs_fee_type, "one_off")
        deposit = renovation.deposit_id
        self.assertEqual(deposit.kind, "renovation")
        self.assertEqual(deposit.amount, 3000.0)
        self.assertEqual(deposit.state, "invoiced")
        liability = self.company._pcs_deposit_account()
        self.assertEqual(liability.account_type, "liability_current")
        self.assertEqual(deposit.invoice_id.invoice_line_ids.account_id, liability)

    def test_permit_not_issued_before_payment(self):
        renovation = self._approved_renovation()
        with self.assertRaises(UserError):
            renovation.action_issue_permit()
        # Paying the fee alone is not enough: the deposit is still unpaid.
        self._pay(renovation.fee_move_id)
        with self.assertRaises(UserError):
            renovation.action_issue_permit()
        self.assertFalse(renovation.permit_no)
        self.assertEqual(set(renovation.worker_ids.mapped("pass_state")), {"none"})
        self._pay(renovation.deposit_id.invoice_id)
        self.assertEqual(renovation.deposit_id.state, "held")
        renovation.action_issue_permit()
        self.assertEqual(renovation.state, "works")
        self.assertTrue(renovation.permit_no.startswith("ZXZ"))
        self.assertEqual(set(renovation.worker_ids.mapped("pass_state")), {"issued"})
        self.assertTrue(all(renovation.worker_ids.mapped("pass_no")))
        # Filed in the owner archive (一户一档).
        document = renovation.archive_document_id
        self.assertEqual(document.archive_id, self.unit.archive_id)
        self.assertEqual(
            document.type_id, self.env.ref("property_cs.doc_type_renovation")
        )

    def test_reports_render(self):
        renovation = self._works_renovation()
        for xmlid in (
            "property_renovation.report_permit",
            "property_renovation.report_worker_pass",
            "property_renovation.report_agreement",
            "property_renovation.report_commitment",
            "property_renovation.report_settlement",
        ):
            html, _kind = self.env["ir.actions.report"]._render_qweb_html(
                xmlid, renovation.ids
            )
            self.assertIn(renovation.unit_id.code, html.decode())

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)
DEBIT_DATE = date(2026, 3, 9)


@tagged("post_install", "-at_install")
@freeze_time("2026-03-09")
class TestBankDebit(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building.zone_manager_id = cls.zone_manager
        cls.units = cls._create_units(3, prefix="D")
        with freeze_time("2026-02-28"):
            cls.Billing._billing_run(cls.company, PERIOD)
        cls.invoices = cls.Move.search(
            [("pcs_unit_id", "in", cls.units.ids)], order="pcs_unit_id"
        )
        cls.layout_a = cls.env.ref("property_billing.bank_layout_generic_a")
        cls.layout_b = cls.env.ref("property_billing.bank_layout_generic_b")
        bank_journal = cls.company_data["default_journal_bank"]
        (cls.layout_a | cls.layout_b).write({"journal_id": bank_journal.id})
        cls.Mandate = cls.env["property.debit.mandate"]
        cls.mandates = cls.Mandate.create(
            [
                {
                    "partner_id": unit.billing_partner_id.id,
                    "unit_id": unit.id,
                    "layout_id": cls.layout_a.id,
                    "account_holder": unit.billing_partner_id.name,
                    "acc_number": f"6222 0202 0000 000{i}",
                    "date_signed": date(2026, 1, 5),
                    "agreement_file": base64.b64encode(b"%PDF-1.4 signed"),
                    "agreement_filename": "agreement.pdf",
                }
                for i, unit in enumerate(cls.units[:2])
            ]
        )
        cls.mandates.action_activate()
        cls.Batch = cls.env["property.debit.batch"]

    def _company_domain(self):
        return [("company_id", "=", self.company.id)]

    def _invoice(self, unit):
        return self.invoices.filtered(lambda m: m.pcs_unit_id == unit)

    def _result_csv(self, rows, layout=None):
        layout = layout or self.layout_a
        header = [
            layout.result_reference_header,
            layout.result_amount_header,
            layout.result_date_header,
            layout.result_status_header,
            layout.result_reason_header,
        ]
        text = "\r\n".join(",".join(r) for r in [header, *rows]) + "\r\n"
        return base64.b64encode(text.encode(layout.csv_encoding))

    def _import(self, batch, content, filename="result.csv"):
        wizard = self.env["property.debit.result.wizard"].create(
            {"batch_id": batch.id, "import_file": content, "import_filename": filename}
        )
        return wizard.action_import()

    def _payments(self, batch):
        return self.env["account.payment"].search(
            [("memo", "in", batch.line_ids.mapped("reference"))]
        )

    def test_export_contains_mandated_due_amounts(self):
        self.mandates.layout_id = self.layout_b
        batch = self.Batch._create_for(self.company, self.layout_b, DEBIT_DATE)
        self.assertEqual(batch.state, "exported")
        self.assertEqual(batch.line_ids.unit_id, self.units[:2])
        for line in batch.line_ids:
            invoice = self._invoice(line.unit_id)
            self.assertEqual(line.invoice_ids, invoice)
            self.assertEqual(line.amount, invoice.amount_residual)
        # 89.37 m² × 2.35 = 210.02 per unit, VAT included
        self.assertEqual(batch.amount_total, 420.04)
        # Layout B: UTF-8 CSV, '|' separated, dates %Y-%m-%d, amounts in fen.
        csv_rows = [
            row.split("|")
            for row in base64.b64decode(batch.csv_file).decode("utf-8").splitlines()
        ]
        self.assertEqual(
            csv_rows[0],
            ["流水号", "交易日期", "账号", "户名", "交易金额(分)", "币种", "房号"],
        )
        line = batch.line_ids.sorted("sequence")[0]
        self.assertEqual(
            csv_rows[1],
            [
                line.reference,
                "2026-03-09",
                "6222020200000000",
                self.units[0].billing_partner_id.name,
                "21002",
                batch.currency_id.name,
                "D-0000",
            ],
        )
        self.assertEqual(len(csv_rows), 3, "the unit without mandate is not sent")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(batch.xlsx_file)))
        sheet = book["Sheet1"]
        xlsx_rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        self.assertEqual(xlsx_rows, csv_rows)
        # Layout A: GBK, yuan with two decimals, dates %Y%m%d.
        self.mandates.layout_id = self.layout_a
        self.units[2].property_invoice_ids.button_draft()
        self.units[2].property_invoice_ids.button_cancel()
        self.assertFalse(
            self.Batch._create_for(self.company, self.layout_a, DEBIT_DATE),
            "invoices on an open batch line are not sent again",
        )

    def test_rerun_creates_nothing(self):
        batch = self.Batch._create_for(self.company, self.layout_a, DEBIT_DATE)
        self.assertEqual(len(batch.line_ids), 2)
        text = base64.b64decode(batch.csv_file).decode("gbk")
        self.assertIn("业务编号,付款账号,付款户名,金额,扣款日期,协议编号,用途", text)
        self.assertIn(",210.02,20260309,", text)
        self.assertFalse(
            self.Batch._create_for(self.company, self.layout_a, DEBIT_DATE)
        )
        self.Batch._cron_weekly_export()
        self.assertEqual(self.Batch.search_count(self._company_domain()), 1)
        # The database refuses a second open line for the same invoice.
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["property.debit.batch.line"].create(
                {
                    "batch_id": batch.id,
                    "reference": "DUP-1",
                    "mandate_id": self.mandates[0].id,
                    "partner_id": self.mandates[0].partner_id.id,
                    "unit_id": self.mandates[0].unit_id.id,
                    "amount": 1.0,
                    "invoice_ids": [Command.set(batch.line_ids[0].invoice_ids.ids)],
                }
            )

    def test_cron_exports_weekly(self):
        # one (company, bank) per call: the runner calls again while work remains
        for _call in range(3):
            self.Batch._cron_weekly_export()
        batch = self.Batch.search(self._company_domain())
        self.assertEqual(len(batch), 1)
        self.assertEqual(batch.layout_id, self.layout_a)
        self.assertEqual(len(batch.line_ids), 2)
        self.Batch._cron_weekly_export()
        self.assertEqual(self.Batch.search_count(self._company_domain()), 1)

    def test_bad_row_imports_nothing(self):
        batch = self.Batch._create_for(self.company, self.layout_a, DEBIT_DATE)
        first, second = batch.line_ids.sorted("sequence")
        content = self._result_csv(
            [
                [first.reference, "210.02", "20260310", "成功", ""],
                [second.reference, "210.00", "20260310", "成功", ""],
            ]
        )
        with self.assertRaises(UserError) as error:
            self._import(batch, content)
        message = str(error.exception)
        self.assertIn("Line 3", message)
        self.assertIn("amount mismatch", message)
        self.assertNotIn("Line 2", message)
        self.assertFalse(self._payments(batch))
        self.assertEqual(set(batch.line_ids.mapped("state")), {"open"})
        self.assertEqual(
            set(batch.line_ids.invoice_ids.mapped("payment_state")), {"not_paid"}
        )
        self.assertEqual(batch.state, "exported")
        # Every kind of bad row is listed with its own line number.
        content = self._result_csv(
            [
                ["UNKNOWN-1", "210.02", "20260310", "成功", ""],
                [first.reference, "210.02", "2026-03-10", "成功", ""],
                [second.reference, "210.02", "20260310", "??", ""],
                [second.reference, "210.02", "20260310", "成功", ""],
            ]
        )
        with self.assertRaises(UserError) as error:
            self._import(batch, content)
        message = str(error.exception)
        self.assertIn("Line 2: unknown reference UNKNOWN-1", message)
        self.assertIn("Line 3: bad date", message)
        self.assertIn("Line 4: unknown status", message)
        self.assertIn("Line 5: duplicate row", message)
        self.assertFalse(self._payments(batch))
        # A file that is not GBK names the line it breaks on.
        bad = (
            "业务编号,金额,扣款日期,处理结果,失败原因\r\n".encode("gbk")
            + f"{first.reference},210.02,20260310,".encode()
            + "余额不足".encode()
            + b",\r\n"
        )
        with self.assertRaises(UserError) as error:
            self._import(batch, base64.b64encode(bad))
        self.assertIn("Line 2", str(error.exception))
        self.assertIn("encoding", str(error.exception))
        self.assertFalse(self._payments(batch))
        # A file without the status column is refused as a whole.
        no_status = f"业务编号,金额,扣款日期\r\n{first.reference},210.02,20260310\r\n"
        with self.assertRaises(UserError) as error:
            self._import(batch, base64.b64encode(no_status.encode("gbk")))
        self.assertIn("Line 1: column 处理结果 not found", str(error.exception))
        self.assertFalse(self._payments(batch))

    def test_good_file_reconciles_and_failure_activity(self):
        batch = self.Batch._create_for(self.company, self.layout_a, DEBIT_DATE)
        first, second = batch.line_ids.sorted("sequence")
        content = self._result_csv(
            [
                [first.reference, "210.02", "20260310", "成功", ""],
                [second.reference, "210.02", "20260310", "余额不足", "账户余额不足"],
            ]
        )
        self._import(batch, content)
        paid_invoice = self._invoice(self.units[0])
        self.assertEqual(paid_invoice.payment_state, "paid")
        self.assertEqual(first.state, "paid")
        self.assertEqual(first.payment_id.amount, 210.02)
        self.assertEqual(first.payment_id.date, date(2026, 3, 10))
        self.assertEqual(first.payment_id.state, "paid")
        self.assertEqual(second.state, "failed")
        self.assertEqual(second.failure_reason, "账户余额不足")
        self.assertEqual(self._invoice(self.units[1]).payment_state, "not_paid")
        self.assertEqual(batch.state, "done")
        activity = self.mandates[1].activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.zone_manager)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("property_billing.mail_activity_debit_failure"),
        )
        self.assertIn("账户余额不足", activity.summary)
        self.assertFalse(self.mandates[0].activity_ids)
        # The zone manager reads the failure; the failed invoice goes in
        # next week's batch again.
        self.assertTrue(activity.with_user(self.zone_manager).res_name)
        with freeze_time("2026-03-16"):
            next_batch = self.Batch._create_for(
                self.company, self.layout_a, date(2026, 3, 16)
            )
        self.assertEqual(next_batch.line_ids.invoice_ids, self._invoice(self.units[1]))

        # Importing the same file again creates nothing twice.
        self._import(batch, content)
        self.assertEqual(len(self._payments(batch)), 1)
        self.assertEqual(len(self.mandates[1].activity_ids), 1)
        self.assertEqual(len(batch.result_checksums.split()), 2)

    def test_xlsx_result_in_fen(self):
        self.mandates.layout_id = self.layout_b
        batch = self.Batch._create_for(self.company, self.layout_b, DEBIT_DATE)
        layout = self.layout_b
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Sheet1"
        sheet.append(
            [
                layout.result_reference_header,
                layout.result_date_header,
                layout.result_amount_header,
                layout.result_status_header,
                layout.result_reason_header,
            ]
        )
        for line in batch.line_ids:
            sheet.append([line.reference, "2026-03-10", 21002, "00", "交易成功"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        self._import(batch, base64.b64encode(buffer.getvalue()), "result.xlsx")
        self.assertEqual(
            set(self.invoices[:2].mapped("payment_state")), {"paid"}, self.invoices
        )
        self.assertEqual(len(self._payments(batch)), 2)

    def test_front_desk_sees_masked_account(self):
        mandate = self.mandates[0].with_user(self.front_desk)
        self.assertEqual(mandate.acc_number_masked, "6222********0000")
        with self.assertRaises(AccessError):
            mandate.read(["acc_number"])
        with self.assertRaises(AccessError):
            mandate.write({"state": "ended"})
        arch = mandate.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="acc_number_masked"', arch)
        self.assertNotIn('name="acc_number"', arch)
        self.assertNotIn('name="agreement_file"', arch)
        # The zone manager reads batches and lines (masked), changes nothing.
        batch = self.Batch._create_for(self.company, self.layout_a, DEBIT_DATE)
        as_zone = batch.with_user(self.zone_manager)
        self.assertEqual(len(as_zone.line_ids), 2)
        self.assertEqual(
            set(as_zone.line_ids.mapped("acc_number_masked")),
            {"6222********0000", "6222********0001"},
        )
        with self.assertRaises(AccessError):
            as_zone.write({"state": "done"})
        with self.assertRaises(AccessError):
            self.env["property.debit.result.wizard"].with_user(
                self.zone_manager
            ).create({"batch_id": batch.id})
        self.assertEqual(
            self.mandates[0].with_user(self.finance_user).acc_number, "6222020200000000"
        )

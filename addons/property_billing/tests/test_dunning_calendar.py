# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One month of dunning (催缴), day by day, on the handbook's calendar.

June 2026: the June fees are due on the 7th. Six owners, each billed May
and June (210.02 a month, 89.37 m² × 2.35), May's late fee (2.52) invoiced
by the monthly late-fee run on 1 June:

- A pays everything on 5 June (before the due date): never chased;
- B pays on 10 June, after the call list of the 8th: no SMS;
- C pays on 18 June, after the SMS of the 15th: no lawyer's letter;
- D pays on 24 June, while proposed for a letter: the proposal is withdrawn;
- E never pays (promised the 20th and broke it): letter confirmed, printed
  on 26 June with the late fee accrued up to that day;
- F never pays and has no mobile number: no SMS, proposed for a letter,
  not confirmed (staff know the reason).
"""

import json
from datetime import date, timedelta

from odoo.tests import freeze_time, tagged

from .common import PropertyBillingTestCommon

MAY, JUNE = date(2026, 5, 1), date(2026, 6, 1)
PAYS_ON = {"A": 5, "B": 10, "C": 18, "D": 24}


@tagged("post_install", "-at_install")
class TestDunningCalendar(PropertyBillingTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "pcs_lawyer_firm": "上海明理律师事务所",
                "pcs_lawyer_name": "王明理",
                "pcs_lawyer_payment_days": 10,
            }
        )
        cls.units = cls._create_units(6, prefix="DC")
        cls.unit = dict(zip("ABCDEF", cls.units, strict=True))
        cls.owner = {key: unit.billing_partner_id for key, unit in cls.unit.items()}
        for key, partner in cls.owner.items():
            partner.mobile = False if key == "F" else f"1380013800{ord(key) - 64}"
        gateway = (
            cls.env["sms.cn.gateway"]
            .sudo()
            .create(
                {
                    "name": "Test gateway",
                    "company_id": cls.company.id,
                    "provider": "none",
                    "state": "test",
                    "sign_name": "阳光花园物业",
                }
            )
        )
        cls.env["sms.cn.template"].sudo().create(
            {
                "gateway_id": gateway.id,
                "name": "物业费催缴提醒",
                "key": "property_dunning_reminder",
                "code": "SMS_480125001",
                "content": "尊敬的业主，您的${unit}物业费${amount}元尚未缴纳，"
                "请于${date}前缴纳。",
            }
        )
        with freeze_time("2026-04-28"):
            cls.Billing._billing_run(cls.company, MAY)
        with freeze_time("2026-05-28"):
            cls.Billing._billing_run(cls.company, JUNE)
        with freeze_time("2026-06-01"):
            # The monthly late-fee run: May's bills, 8–31 May.
            cls.env["property.late.fee"]._late_fee_run(cls.company, JUNE)
        cls.Run = cls.env["property.dunning.run"].with_context(
            property_billing_company_ids=cls.company.ids
        )

    def _open_invoices(self, key):
        return self.Move.search(
            [
                ("partner_id", "=", self.owner[key].id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "=", "not_paid"),
            ]
        )

    def _snapshot(self):
        run = self.Run.search([("company_id", "=", self.company.id)])
        if not run:
            return None
        code = {unit: key for key, unit in self.unit.items()}
        lines = run.line_ids

        def keys(records):
            return "".join(sorted(code[line.unit_id] for line in records))

        return (
            run.state,
            keys(lines),
            keys(lines.filtered("sms_id")),
            keys(lines.filtered("letter_proposed")),
        )

    def _line(self, key):
        run = self.Run.search([("company_id", "=", self.company.id)])
        return run.line_ids.filtered(lambda line: line.unit_id == self.unit[key])

    def test_one_month_day_by_day(self):
        self.assertEqual(
            sorted(self._open_invoices("E").mapped("amount_total")),
            [2.52, 210.02, 210.02],
        )
        seen = {}
        for day in range(1, 31):
            today = JUNE + timedelta(days=day - 1)
            with freeze_time(f"{today} 01:00:00"):  # 09:00 in Shanghai
                for key, pay_day in PAYS_ON.items():
                    if pay_day == day:
                        self._pay(self._open_invoices(key), payment_date=today)
                self.Run._cron_dunning(today=today)
                if day == 9:
                    self._log_calls()
                if day == 22:
                    self._check_call_log_on_letter_list()
                if day == 26:
                    self._confirm_and_print(today)
                seen[day] = self._snapshot()
        expected = {}
        for day in range(1, 31):
            if day < 8:
                expected[day] = None
            elif day < 15:
                expected[day] = ("calls", "BCDEF", "", "")
            elif day < 22:
                expected[day] = ("sms", "BCDEF", "CDE", "")
            elif day < 24:
                expected[day] = ("letters", "BCDEF", "CDE", "DEF")
            else:
                expected[day] = ("letters", "BCDEF", "CDE", "EF")
        self.assertEqual(seen, expected)
        run = self.Run.search([("company_id", "=", self.company.id)])
        self.assertEqual(run.sms_date, date(2026, 6, 15))
        # Proposed each day from the 22nd to the 27th, not after.
        self.assertEqual(run.letters_proposed_on, date(2026, 6, 27))
        self.assertTrue(self._line("B").paid_before_sms)
        self.assertFalse(self._line("F").sms_id)

    def _log_calls(self):
        """Week 2: the calls of 9 June, with the reasons and promises."""
        # On the call list, the June bill due on 7 June is already in arrears.
        line = self._line("E")
        self.assertEqual(line.amount_due, 420.04)
        self.assertEqual(line.late_fee_due, 2.52)
        self.assertEqual(line.date_oldest_due, date(2026, 5, 7))
        money = self.env.ref("property_billing.dunning_reason_money")
        line.write(
            {
                "reason_id": money.id,
                "promised_date": date(2026, 6, 20),
                "note": "Salary on the 20th",
            }
        )
        line.action_log_call()
        d_line = self._line("D")
        d_line.write({"reason_id": money.id, "promised_date": date(2026, 6, 24)})
        d_line.action_log_call()

    def _check_call_log_on_letter_list(self):
        """Week 3's SMS went through the registered template; week 4's list
        shows the call log's reasons and the broken promise."""
        sms = self._line("C").sms_id
        self.assertEqual(sms.sms_cn_template_key, "property_dunning_reminder")
        params = json.loads(sms.sms_cn_params_json)
        self.assertEqual(params["unit"], self.unit["C"].code)
        self.assertEqual(params["amount"], "420.04")
        self.assertIn("22", params["date"])
        self.assertTrue(
            sms.body.startswith(f"尊敬的业主，您的{self.unit['C'].code}物业费420.04元")
        )
        proposed = self._line("E")
        self.assertTrue(proposed.letter_proposed)
        self.assertEqual(
            proposed.reason_id, self.env.ref("property_billing.dunning_reason_money")
        )
        self.assertEqual(proposed.note, "Salary on the 20th")
        self.assertEqual(proposed.promise_state, "broken")
        self.assertEqual(self._line("D").promise_state, "pending")

    def _confirm_and_print(self, today):
        """Week 4: staff confirm E as a wilful defaulter and print."""
        d_line = self._line("D")
        d_line.invalidate_recordset(["promise_state"])
        self.assertEqual(d_line.promise_state, "kept")
        e_line = self._line("E")
        e_line.action_confirm_letter()
        run = e_line.run_id
        action = run.action_print_letters()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(e_line.letter_date, today)
        self.assertFalse(self._line("F").letter_date)
        # Principal in arrears: May and June, 420.04. Late fee up to 26 June:
        # 2.52 invoiced for May (8–31 May), plus not yet invoiced: May's bill
        # 1–26 June, 26 × 210.02 × 0.05% = 2.73, June's bill 8–26 June,
        # 19 × 210.02 × 0.05% = 2.00.
        self.assertEqual(e_line.letter_amount_due, 420.04)
        self.assertEqual(e_line.letter_late_fee, 7.25)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("property_billing.report_lawyer_letter", e_line.ids)[0]
            .decode()
        )
        for text in ("420.04", "7.25", "427.29", "上海明理律师事务所", "王明理"):
            self.assertIn(text, html)
        self.assertIn("06/26/2026", html)  # the letter date
        self.assertIn("within 10 days", html)
        # Printing again keeps the letter as it was.
        with freeze_time(f"{today + timedelta(days=1)} 01:00:00"):
            run.action_print_letters()
        self.assertEqual(e_line.letter_date, today)

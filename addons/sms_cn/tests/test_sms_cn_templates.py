# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..tools import match_template, normalize_cn_mobile, render_template
from .common import DUNNING_TEXT, SmsCnCommon


@tagged("post_install", "-at_install")
class TestSmsCnTemplates(SmsCnCommon):
    def test_text_filled_in_gives_the_parameters(self):
        text = "尊敬的业主，您的A-1-0302物业费1,280.00元尚未缴纳，请于5月31日前缴纳。"
        params = match_template(DUNNING_TEXT, text)
        self.assertEqual(
            params, {"unit": "A-1-0302", "amount": "1,280.00", "date": "5月31日"}
        )
        self.assertEqual(render_template(DUNNING_TEXT, params), text)
        # the carrier's signature in front and blanks around do not matter
        self.assertEqual(
            match_template(DUNNING_TEXT, f"【阳光花园物业】{text}\n"), params
        )
        # another text, or a variable left empty, is not this template
        self.assertIsNone(match_template(DUNNING_TEXT, "您好，明天停水。"))
        self.assertIsNone(
            match_template(
                DUNNING_TEXT, "尊敬的业主，您的物业费1元尚未缴纳，请于5月31日前缴纳。"
            )
        )
        # a variable used twice must have the same value twice
        twice = "${name}您好，${name}的快递到了"
        self.assertEqual(
            match_template(twice, "张伟您好，张伟的快递到了"), {"name": "张伟"}
        )
        self.assertIsNone(match_template(twice, "张伟您好，李娜的快递到了"))

    def test_mainland_numbers_are_written_in_e164(self):
        for number in (
            "13800138000",
            "138 0013 8000",
            "+86 138-0013-8000",
            "008613800138000",
            "8613800138000",
        ):
            self.assertEqual(normalize_cn_mobile(number), ("+8613800138000", None))
        self.assertEqual(normalize_cn_mobile("+1 650 555 0100"), (None, "country"))
        self.assertEqual(normalize_cn_mobile("0044 20 7946 0000"), (None, "country"))
        self.assertEqual(normalize_cn_mobile("010-6552 8888"), (None, "format"))
        self.assertEqual(normalize_cn_mobile(False), (None, "missing"))

    def test_template_parameters_and_registered_text(self):
        gateway = self._make_gateway(self.company)
        dunning, outage = self._make_templates(gateway, "SMS_1", "SMS_2")
        self.assertEqual(dunning.param_names, "unit, amount, date")
        self.assertEqual(outage.param_names, "reason, area, start, end, outage")
        # Alibaba Cloud's syntax is the one templates are written in
        self.assertEqual(dunning.registered_content, DUNNING_TEXT)
        self.assertEqual(dunning.display_name, "物业费催缴提醒 (SMS_1)")
        with self.assertRaises(ValidationError):
            dunning.content = "您的${单元}物业费未缴"
        with self.assertRaises(ValidationError):
            dunning.content = "您的${unit}${amount}元物业费未缴"

    def test_one_gateway_per_company_and_ready_before_enabled(self):
        gateway = self._make_gateway(self.company)
        with self.assertRaises(ValidationError):
            self._make_gateway(self.company, state="test")
        # a disabled second gateway is fine, a second company has its own
        self._make_gateway(self.company, state="disabled")
        self._make_gateway(self.company_2, state="test")
        self.assertEqual(self.company.sms_cn_gateway_id, gateway)
        # enabling needs a provider (and, per provider, its credentials)
        with self.assertRaises(ValidationError):
            gateway.state = "enabled"

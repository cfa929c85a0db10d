# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import tagged

from .common import PropertyNoticeTestCommon


@tagged("post_install", "-at_install")
class TestNoticeSending(PropertyNoticeTestCommon):
    """SMS through the registered template, e-mail after each owner's
    preference, one row per owner, nothing ever sent twice."""

    def _row(self, notice, owner):
        return notice.recipient_ids.filtered(lambda r: r.partner_id == owner)

    def test_outage_sms_is_the_registered_template_with_parameters(self):
        notice = self._publish(self._outage())
        self.assertEqual(notice.sms_template_id.code, "SMS_2")
        self.assertFalse(notice.sms_warning)
        self._send()
        row = self._row(notice, self.owner_a)
        self.assertEqual(row.state, "sent")
        self.assertTrue(row.sms_sent)
        self.assertFalse(row.email_sent)
        sms = row.sms_id
        self.assertEqual(sms.number, "13812345678")
        self.assertEqual(sms.sms_cn_template_key, "property_outage_notice")
        params = json.loads(sms.sms_cn_params_json)
        day = notice._pcs_local(notice.outage_start)
        when = f"{day.month}月{day.day}日"
        self.assertEqual(params["reason"], "二次供水水箱清洗")
        self.assertEqual(params["outage"], "供水")
        self.assertEqual(params["area"], "Building A1")
        self.assertEqual(params["start"], f"{when}08:00")
        self.assertEqual(params["end"], f"{when}16:00")
        self.assertEqual(
            sms.body,
            f"尊敬的业主：因二次供水水箱清洗，Building A1将于{when}08:00至{when}16:00"
            "暂停供水，请提前做好准备。给您带来不便，敬请谅解。",
        )
        # The SMS queue sends it through the company's gateway (test mode).
        self.env["sms.sms"].browse(sms.id)._send()
        self.assertEqual(sms.state, "pending")
        self.assertTrue(sms.sms_cn_test_mode)
        self.assertEqual(sms.sms_cn_template_code, "SMS_2")
        self.assertEqual(row.sms_state, "pending")

    def test_preferences_decide_sms_and_email(self):
        self.owner_a.write({"pcs_notice_channel": "both", "email": "a@example.com"})
        self.owner_c.write({"pcs_notice_channel": "email"})
        self.owner_d.write({"pcs_notice_channel": "portal"})
        notice = self._publish(self._notice())
        self._send()
        row_a, row_c, row_d = (
            self._row(notice, o) for o in (self.owner_a, self.owner_c, self.owner_d)
        )
        self.assertEqual((row_a.sms_sent, row_a.email_sent), (True, True))
        self.assertEqual((row_c.sms_sent, row_c.email_sent), (False, True))
        self.assertEqual(
            (row_d.sms_sent, row_d.email_sent, row_d.state), (False, False, "portal")
        )
        self.assertEqual(row_a.sms_id.sms_cn_template_key, "property_general_notice")
        self.assertEqual(
            row_a.sms_id.body,
            "尊敬的业主：Project A发布公告《Garden works》，"
            "详情请登录业主服务平台查看。",
        )
        mails = self.env["mail.mail"].search([("subject", "like", "Garden works")])
        self.assertEqual(
            sorted(mails.recipient_ids.mapped("email")),
            ["a@example.com", "owner.c@example.com"],
        )
        self.assertIn("The garden is closed on Monday.", mails[0].body_html)
        self.assertIn(f"/my/notices/{notice.id}", mails[0].body_html)
        self.assertEqual(notice.sms_count, 1)
        self.assertEqual(notice.email_count, 2)

    def test_missing_channel_falls_back_or_is_reported(self):
        # Owner C prefers SMS but has no number: e-mail instead.
        self.owner_c.sudo().write({"pcs_phone": False})
        # Owner D: neither number nor address.
        self.owner_d.sudo().write({"pcs_phone": False, "email": False})
        notice = self._publish(self._notice())
        self._send()
        row_c = self._row(notice, self.owner_c)
        self.assertEqual((row_c.sms_sent, row_c.email_sent), (False, True))
        self.assertEqual(row_c.note, "No mobile number: sent by e-mail.")
        row_d = self._row(notice, self.owner_d)
        self.assertEqual(row_d.state, "unreachable")
        self.assertFalse(row_d.sms_id)

    def test_emergency_goes_by_sms_even_to_portal_only_owners(self):
        self.owner_a.pcs_notice_channel = "portal"
        grade = self.env.ref("property_cs.property_emergency_grade_2")
        notice = self._notice(
            name="Car park flooded",
            kind="emergency",
            emergency_grade_id=grade.id,
            summary="请勿驶入地下车库",
        )
        notice.with_user(self.cs_manager).action_publish()
        self._send()
        row = self._row(notice, self.owner_a)
        self.assertTrue(row.sms_sent)
        self.assertEqual(row.note, "Emergency: sent by SMS whatever the preference.")
        self.assertEqual(
            row.sms_id.body,
            "紧急通知（Ⅱ级）：Car park flooded（Project A），"
            "请勿驶入地下车库。请注意安全。",
        )

    def test_sending_twice_sends_nothing_twice(self):
        notice = self._publish(self._notice())
        self.assertEqual(notice.pending_count, 3)
        self.assertEqual(self._send(), 3)
        sms_before = self.env["sms.sms"].search_count([])
        mails_before = self.env["mail.mail"].search_count([])
        self.assertEqual(self._send(), 0)
        # Even asked directly, rows already sent are not sent again.
        self.assertFalse(notice.recipient_ids._pcs_send())
        self.assertEqual(self.env["sms.sms"].search_count([]), sms_before)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails_before)
        self.assertEqual(notice.pending_count, 0)
        self.assertEqual(len(notice.recipient_ids.sms_id), 3)

    def test_job_works_in_batches_and_reports_progress(self):
        notice = self._publish(self._notice())
        with patch.object(
            type(self.env["ir.cron"]), "_notify_progress", autospec=True
        ) as progress:
            self.assertEqual(self.Notice._cron_send_notices(limit=2), 2)
            progress.assert_called_with(self.env["ir.cron"], done=2, remaining=1)
            self.assertEqual(self.Notice._cron_send_notices(limit=2), 1)
        self.assertEqual(set(notice.recipient_ids.mapped("state")), {"sent"})

    def test_not_started_withdrawn_and_expired_notices_are_not_sent(self):
        later = self._publish(
            self._notice(date_start=fields.Datetime.now() + timedelta(days=1))
        )
        withdrawn = self._publish(self._notice(name="Withdrawn"))
        withdrawn.with_user(self.director).action_cancel()
        self._send()
        self.assertEqual(set(later.recipient_ids.mapped("state")), {"pending"})
        self.assertEqual(set(withdrawn.recipient_ids.mapped("state")), {"pending"})
        self.assertFalse(later.recipient_ids.sms_id | withdrawn.recipient_ids.sms_id)

    def test_missing_registered_template_fails_visibly(self):
        self.gateway.template_ids.filtered(
            lambda t: t.key == "property_general_notice"
        ).unlink()
        notice = self._notice()
        self.assertIn("property_general_notice", notice.sms_warning)
        self._publish(notice)
        self._send()
        sms = self._row(notice, self.owner_a).sms_id
        sms._send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_cn_no_template")
        self.assertEqual(self._row(notice, self.owner_a).sms_state, "error")

    def test_without_gateway_the_text_goes_through_iap(self):
        self.gateway.state = "disabled"
        notice = self._notice()
        self.assertIn("IAP", notice.sms_warning)
        self._publish(notice)
        self._send()
        sms = self._row(notice, self.owner_a).sms_id
        self.assertEqual(
            sms.body,
            "Project A: Garden works (Project A). Details on your owner portal.",
        )

    def test_owner_language_for_email(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_notice"], ["zh_CN"], overwrite=True
        )
        self.owner_c.lang = "zh_CN"
        self.owner_c.pcs_notice_channel = "email"
        notice = self._publish(
            self._notice(scope="units", unit_ids=[Command.set(self.unit_c1.ids)])
        )
        self._send()
        mail = self.env["mail.mail"].search([("subject", "like", "Garden works")])
        self.assertEqual(len(mail), 1)
        self.assertIn("公告", mail.subject)
        self.assertIn(f"/my/notices/{notice.id}", mail.body_html)

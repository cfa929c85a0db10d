# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import logging
from collections import defaultdict
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError

from ..tools import sms_cn_api

_logger = logging.getLogger(__name__)

NUMBER_PROBLEMS = {
    "missing": "sms_number_missing",
    "format": "sms_number_format",
    "country": "sms_country_not_supported",
}
FINAL_STATES = ("sent", "error", "canceled")


class SmsSms(models.Model):
    _inherit = "sms.sms"

    failure_type = fields.Selection(
        selection_add=[
            ("sms_cn_no_template", "No Registered Template"),
            ("sms_cn_template", "Template Rejected"),
            ("sms_cn_signature", "Signature Rejected"),
            ("sms_cn_limit", "Sending Limit Reached"),
            # delivery reports (kept on the SMS, not only on its notification)
            ("sms_not_delivered", "Not Delivered"),
            ("sms_invalid_destination", "Invalid Destination"),
            ("sms_rejected", "Rejected"),
            ("sms_expired", "Expired"),
        ]
    )
    sms_cn_company_id = fields.Many2one(
        "res.company",
        string="Sending Company",
        readonly=True,
        help="The company whose SMS gateway sends this SMS (the company of "
        "the document it is about).",
    )
    sms_cn_gateway_id = fields.Many2one(
        "sms.cn.gateway",
        string="Chinese Gateway",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    sms_cn_test_mode = fields.Boolean(
        string="Sent in Test Mode",
        readonly=True,
        copy=False,
        help="The gateway was in test mode: the SMS was logged as sent but "
        "not sent to the provider.",
    )
    sms_cn_sms_template_id = fields.Many2one(
        "sms.template",
        string="Odoo SMS Template",
        readonly=True,
        ondelete="set null",
    )
    sms_cn_template_key = fields.Char(
        string="Registered Template Key",
        help="Technical key of the registered template to send (set by the "
        "module that wrote the SMS); otherwise the template is found from the "
        "text.",
    )
    sms_cn_template_id = fields.Many2one(
        "sms.cn.template",
        string="Registered Template",
        readonly=True,
        ondelete="set null",
    )
    sms_cn_template_code = fields.Char(
        string="Template Code",
        readonly=True,
        help="Code of the registered template sent (模板CODE / 模板ID).",
    )
    sms_cn_params_json = fields.Text(
        string="Template Parameters",
        help='Values of the template variables as JSON, e.g. {"unit": "A-1-0302"}.',
    )
    sms_cn_provider_ref = fields.Char(
        string="Provider Reference",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The provider's id of the message (BizId, SerialNo).",
    )
    sms_cn_sent_date = fields.Datetime(string="Sent On", readonly=True, copy=False)
    sms_cn_delivery_date = fields.Datetime(
        string="Delivery Reported On", readonly=True, copy=False
    )
    sms_cn_last_check = fields.Datetime(
        string="Status Last Asked", readonly=True, copy=False
    )
    sms_cn_error_code = fields.Char(string="Provider Code", readonly=True, copy=False)
    sms_cn_error_message = fields.Text(string="Error Detail", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Creation: remember the company and the Odoo template
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        template_id = self.env.context.get("sms_cn_sms_template_id")
        message_ids = {
            vals["mail_message_id"]
            for vals in vals_list
            if vals.get("mail_message_id") and not vals.get("sms_cn_company_id")
        }
        message_companies = {}
        if message_ids:
            messages = self.env["mail.message"].sudo().browse(message_ids)
            message_companies = {m.id: m.record_company_id.id for m in messages}
        for vals in vals_list:
            if template_id and "sms_cn_sms_template_id" not in vals:
                vals["sms_cn_sms_template_id"] = template_id
            if not vals.get("sms_cn_company_id"):
                vals["sms_cn_company_id"] = (
                    message_companies.get(vals.get("mail_message_id"))
                    or self.env.company.id
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # API for other modules
    # ------------------------------------------------------------------
    @api.model
    def _sms_cn_template_values(self, key, params, company=None, body=None):
        """Values to create an ``sms.sms`` that sends a registered template.

        :param key: technical key of the registered template
            (``sms.cn.template.key``), e.g. ``"property_dunning_reminder"``
        :param params: dict variable name -> value (made strings)
        :param company: company whose gateway sends it (default: current)
        :param body: text used when the company has no gateway (Odoo IAP) or
            no template with this key; with a template, the body is the
            registered text filled in
        :return: dict with ``body``, ``sms_cn_company_id``,
            ``sms_cn_template_key`` and ``sms_cn_params_json``; add
            ``number`` (and ``partner_id``) and create the ``sms.sms``
        """
        company = company or self.env.company
        params = {name: str(value) for name, value in (params or {}).items()}
        gateway = (
            self.env["sms.cn.gateway"]
            ._sms_cn_gateway_for_companies(company.ids)
            .get(company.id)
        )
        template = (
            gateway
            and gateway.template_ids.filtered(lambda t: t.active and t.key == key)[:1]
        )
        if template:
            body = template._sms_cn_render(params)
        elif not body:
            raise UserError(
                self.env._(
                    "%(company)s has no registered SMS template %(key)s and "
                    "no text was given to send instead.",
                    company=company.display_name,
                    key=key,
                )
            )
        return {
            "body": body,
            "sms_cn_company_id": company.id,
            "sms_cn_template_key": key,
            "sms_cn_params_json": json.dumps(params, ensure_ascii=False),
        }

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        """Send through the company's Chinese gateway when it has one in test
        mode or enabled; through Odoo's IAP service otherwise."""
        companies = self.sms_cn_company_id | self.env.company
        gateways = self.env["sms.cn.gateway"]._sms_cn_gateway_for_companies(
            companies.ids
        )
        iap_sms = self.browse()
        by_gateway = defaultdict(lambda: self.browse())
        for sms in self:
            company_id = sms.sms_cn_company_id.id or self.env.company.id
            gateway = gateways.get(company_id)
            if gateway:
                by_gateway[gateway] |= sms
            else:
                iap_sms |= sms
        if iap_sms:
            super(SmsSms, iap_sms)._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )
        for gateway, gateway_sms in by_gateway.items():
            gateway_sms.sudo()._sms_cn_send(gateway)
        return None

    def _sms_cn_send(self, gateway):
        """Send through ``gateway`` (test mode: log only). Errors are written
        on the SMS and never raised: a batch partly accepted by the provider
        must not be rolled back and sent twice. Sent SMS stay (not marked
        for deletion) to receive their delivery report."""
        templates = gateway.template_ids.filtered("active")
        messages, failures = [], []
        for sms in self:
            number, problem = sms_cn_api.normalize_cn_mobile(sms.number)
            if problem:
                failures.append(
                    {"sms": sms, "failure_type": NUMBER_PROBLEMS[problem], "ok": False}
                )
                continue
            template, params, failure = sms._sms_cn_resolve_template(templates)
            if failure:
                failures.append(dict(failure, sms=sms, ok=False))
                continue
            messages.append(
                {"sms": sms, "number": number, "template": template, "params": params}
            )
        results = []
        if messages and gateway.state == "test":
            _logger.info(
                "SMS gateway %s in test mode: %s SMS logged as sent, not sent: %s",
                gateway.id,
                len(messages),
                [message["sms"].id for message in messages],
            )
            results = [
                {"sms": message["sms"], "ok": True, "ref": False, "test": True}
                for message in messages
            ]
        elif messages:
            results = gateway._sms_cn_send_messages(messages)
            _logger.info(
                "SMS gateway %s sent %s SMS: %s accepted",
                gateway.id,
                len(messages),
                sum(1 for result in results if result["ok"]),
            )
        self._sms_cn_apply_send_results(gateway, messages, results + failures)

    def _sms_cn_resolve_template(self, templates):
        """Return (template, params, failure) for this SMS among the gateway's
        active ``templates``; ``failure`` is a dict with ``failure_type`` and
        the details of the message, or None."""
        self.ensure_one()
        if self.sms_cn_template_key:
            template = templates.filtered(lambda t: t.key == self.sms_cn_template_key)[
                :1
            ]
            if not template:
                return (
                    None,
                    None,
                    {
                        "failure_type": "sms_cn_no_template",
                        "reason": "unknown_key",
                        "key": self.sms_cn_template_key,
                    },
                )
            try:
                params = json.loads(self.sms_cn_params_json or "{}")
            except ValueError:
                params = None
            if not isinstance(params, dict):
                return None, None, {"failure_type": "sms_cn_template", "reason": "json"}
            missing = [
                name
                for name in template._sms_cn_variables()
                if params.get(name) in (None, "")
            ]
            if missing:
                return (
                    None,
                    None,
                    {
                        "failure_type": "sms_cn_template",
                        "reason": "missing_params",
                        "template": template,
                        "names": missing,
                    },
                )
            names = template._sms_cn_variables()
            return template, {name: str(params[name]) for name in names}, None
        candidates = templates
        linked = self.sms_cn_sms_template_id and templates.filtered(
            lambda t: self.sms_cn_sms_template_id in t.sms_template_ids
        )
        if linked:
            candidates = linked
        for template in candidates:
            params = template._sms_cn_match(self.body)
            if params is not None:
                return template, params, None
        if linked:
            return (
                None,
                None,
                {
                    "failure_type": "sms_cn_no_template",
                    "reason": "changed_text",
                    "template": linked[0],
                },
            )
        return None, None, {"failure_type": "sms_cn_no_template", "reason": "free_text"}

    def _sms_cn_lang(self):
        """Language of the messages written on this SMS: its author's, or the
        company's for SMS written by the system (scheduled jobs)."""
        self.ensure_one()
        if self.create_uid and self.create_uid.id != SUPERUSER_ID:
            return self.create_uid.lang
        return (self.sms_cn_company_id or self.env.company).partner_id.lang

    def _sms_cn_failure_message(self, gateway, failure):
        """The explanation shown on the SMS and its notification, in the
        language of its author (see ``_sms_cn_lang``)."""
        self.ensure_one()
        sms = self.with_context(lang=self._sms_cn_lang())
        text = sms._sms_cn_local_failure_text(gateway, failure)
        if text is None:
            text = sms._sms_cn_provider_failure_text(gateway, failure)
        if failure.get("code"):
            text = f"{text} [{failure['code']}] {failure.get('message') or ''}".strip()
        return text

    def _sms_cn_local_failure_text(self, gateway, failure):
        """Problems found before sending (template, parameters, number)."""
        failure_type = failure["failure_type"]
        reason = failure.get("reason")
        template = failure.get("template")
        if failure_type == "sms_cn_no_template" and reason == "unknown_key":
            return self.env._(
                "Gateway %(gateway)s has no active registered template "
                "%(key)s. Add the template approved by the provider to the "
                "gateway.",
                gateway=gateway.name,
                key=failure.get("key"),
            )
        if failure_type == "sms_cn_no_template" and reason == "changed_text":
            return self.env._(
                "The text is not registered template %(template)s filled in "
                "(was the Odoo SMS template changed?). Carriers deliver only "
                "the registered text: %(content)s",
                template=template.display_name,
                content=template.content,
            )
        if failure_type == "sms_cn_no_template":
            return self.env._(
                "Not sent: no registered template of gateway %(gateway)s "
                "matches this text, and Chinese carriers reject free text. "
                "Register the text with the provider and add it to the "
                "gateway, or send one of its registered templates.",
                gateway=gateway.name,
            )
        if failure_type == "sms_cn_template" and reason == "missing_params":
            return self.env._(
                "Template %(template)s needs a value for: %(names)s.",
                template=template.display_name,
                names=", ".join(failure["names"]),
            )
        if failure_type == "sms_cn_template" and reason == "json":
            return self.env._("The template parameters are not a JSON object.")
        if failure_type == "sms_number_missing":
            return self.env._("The SMS has no number.")
        if failure_type == "sms_number_format" and not failure.get("code"):
            return self.env._(
                "%(number)s is not a mainland China mobile number (11 digits "
                "starting with 1, optionally preceded by +86).",
                number=self.number or "",
            )
        if failure_type == "sms_country_not_supported" and not failure.get("code"):
            return self.env._(
                "%(number)s is not a mainland China number: this gateway "
                "sends to +86 mobile numbers only.",
                number=self.number or "",
            )
        return None

    def _sms_cn_provider_failure_text(self, gateway, failure):
        """Refusals and errors of the provider (its code is appended)."""
        failure_type = failure["failure_type"]
        if failure_type == "sms_cn_template":
            return self.env._(
                "The provider refused template %(code)s: it is not approved "
                "for this account and signature, or the values do not fit its "
                "variables.",
                code=failure.get("template_code") or "",
            )
        if failure_type == "sms_cn_signature":
            return self.env._(
                "The provider refused the signature 【%(sign)s】: it is not "
                "registered or not approved for this account.",
                sign=gateway.sign_name or "",
            )
        if failure_type == "sms_cn_limit":
            return self.env._(
                "The provider's sending limit was reached (messages per "
                "number per minute, hour or day, or requests per second). "
                "Resend later."
            )
        if failure_type == "sms_number_format":
            return self.env._(
                "The provider refused the number %(number)s.", number=self.number
            )
        if failure_type == "sms_country_not_supported":
            return self.env._(
                "The provider does not send to %(number)s.", number=self.number
            )
        if failure_type == "sms_credit":
            return self.env._(
                "The provider account has no SMS balance left or is "
                "suspended for arrears."
            )
        if failure_type == "sms_acc":
            return self.env._(
                "The provider refused the gateway's credentials (key, "
                "application ID or permissions). Check them on the gateway."
            )
        if failure_type == "sms_rejected":
            return self.env._(
                "The provider refused to send to this number (blocklist)."
            )
        if failure_type == "sms_server" and failure.get("code") == "Timeout":
            return self.env._(
                "The provider did not answer within %(seconds)s seconds. It "
                "may have sent the SMS anyway: check the provider's console "
                "before resending.",
                seconds=gateway.timeout,
            )
        if failure_type == "sms_server":
            return self.env._(
                "The provider could not be reached or answered with an error."
            )
        return self.env._("The provider refused the SMS.")

    def _sms_cn_apply_send_results(self, gateway, messages, results):
        """Write the outcome of a send on the SMS, their trackers and
        notifications."""
        by_sms = {message["sms"].id: message for message in messages}
        now = fields.Datetime.now()
        sent = self.browse()
        errors = defaultdict(lambda: self.browse())
        for result in results:
            sms = result["sms"]
            message = by_sms.get(sms.id, {})
            template = message.get("template")
            values = {
                "sms_cn_gateway_id": gateway.id,
                "sms_cn_template_id": template.id if template else False,
                "sms_cn_template_code": template.code if template else False,
            }
            if template:
                # the text the carrier delivers (after the signature)
                values["body"] = template._sms_cn_render(message["params"])
                values["sms_cn_params_json"] = json.dumps(
                    message["params"], ensure_ascii=False
                )
            if result["ok"]:
                values.update(
                    state="pending",
                    failure_type=False,
                    sms_cn_provider_ref=result.get("ref") or False,
                    sms_cn_sent_date=now,
                    sms_cn_test_mode=bool(result.get("test")),
                    sms_cn_error_code=False,
                    sms_cn_error_message=False,
                )
                sent |= sms
            else:
                if template and not result.get("template_code"):
                    result = dict(result, template_code=template.code)
                text = sms._sms_cn_failure_message(gateway, result)
                values.update(
                    state="error",
                    failure_type=result["failure_type"],
                    sms_cn_error_code=result.get("code") or False,
                    sms_cn_error_message=text,
                )
                errors[(result["failure_type"], text)] |= sms
            sms.write(values)
        quiet = self.with_context(sms_skip_msg_notification=True)
        if sent:
            quiet.browse(sent.ids).sms_tracker_id._action_update_from_sms_state(
                "pending"
            )
        for (failure_type, text), error_sms in errors.items():
            quiet.browse(error_sms.ids).sms_tracker_id._action_update_from_sms_state(
                "error", failure_type=failure_type, failure_reason=text
            )
        self.mail_message_id._notify_message_notification_update()

    # ------------------------------------------------------------------
    # Delivery reports
    # ------------------------------------------------------------------
    @api.model
    def _sms_cn_apply_delivery(self, reports):
        """Apply delivery reports; SMS already delivered or failed keep their
        state (reports can come twice: by query and by push).

        :param reports: list of dicts ``sms``, ``delivered`` (bool), ``code``,
            ``message`` (the carrier's words) and ``date`` (datetime or None)
        :return: the SMS updated
        """
        updated = self.browse()
        delivered = self.browse()
        failed = defaultdict(lambda: self.browse())
        for report in reports:
            sms = report["sms"]
            if sms.state not in ("pending", "process") or sms in updated:
                continue
            values = {
                "sms_cn_delivery_date": report.get("date") or fields.Datetime.now(),
                "sms_cn_error_code": report.get("code") or False,
            }
            if report["delivered"]:
                values.update(state="sent", failure_type=False)
                delivered |= sms
            else:
                text = sms.with_context(lang=sms._sms_cn_lang()).env._(
                    "The carrier reports the SMS as not delivered: [%(code)s] "
                    "%(message)s",
                    code=report.get("code") or "",
                    message=report.get("message") or "",
                )
                values.update(
                    state="error",
                    failure_type="sms_not_delivered",
                    sms_cn_error_message=text,
                )
                failed[text] |= sms
            sms.write(values)
            updated |= sms
        quiet = self.with_context(sms_skip_msg_notification=True)
        if delivered:
            quiet.browse(delivered.ids).sms_tracker_id._action_update_from_sms_state(
                "sent"
            )
        for text, failed_sms in failed.items():
            quiet.browse(failed_sms.ids).sms_tracker_id._update_sms_notifications(
                "exception", failure_type="sms_not_delivered", failure_reason=text
            )
        updated.mail_message_id._notify_message_notification_update()
        return updated

    @api.model
    def _sms_cn_pending_domain(self, gateway, days=3):
        """SMS of ``gateway`` still waiting for their delivery report (the
        providers keep reports about three days)."""
        return [
            ("sms_cn_gateway_id", "=", gateway.id),
            ("state", "=", "pending"),
            ("sms_cn_test_mode", "=", False),
            ("sms_cn_provider_ref", "!=", False),
            ("sms_cn_sent_date", ">=", fields.Datetime.now() - timedelta(days=days)),
        ]

    # ------------------------------------------------------------------
    # Clean-up
    # ------------------------------------------------------------------
    @api.autovacuum
    def _gc_sms_cn_kept(self):
        """Hand SMS older than their gateway's retention to Odoo's own
        clean-up of SMS marked for deletion."""
        gateways = self.env["sms.cn.gateway"].sudo().search([("keep_days", ">", 0)])
        for gateway in gateways:
            old = self.sudo().search(
                [
                    ("sms_cn_gateway_id", "=", gateway.id),
                    ("to_delete", "=", False),
                    ("state", "!=", "outgoing"),
                    (
                        "create_date",
                        "<",
                        fields.Datetime.now() - timedelta(days=gateway.keep_days),
                    ),
                ]
            )
            old.write({"to_delete": True})

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class SmsCnGateway(models.Model):
    """A company's account with a Chinese SMS provider.

    While a company has a gateway in test mode or enabled, every ``sms.sms``
    of that company goes through it instead of Odoo's IAP service (see
    ``sms.sms._send``). Provider addons add their ``provider`` value, their
    credential fields (prefixed with the provider's name, as Odoo's
    ``payment_*`` providers do) and implement the ``_sms_cn_*`` hooks below
    for their ``provider``.
    """

    _name = "sms.cn.gateway"
    _description = "Chinese SMS Gateway"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    provider = fields.Selection(
        [("none", "No Provider")],
        required=True,
        default="none",
        help="The SMS service the company has an account with.",
    )
    state = fields.Selection(
        [
            ("disabled", "Disabled"),
            ("test", "Test Mode"),
            ("enabled", "Enabled"),
        ],
        required=True,
        default="disabled",
        copy=False,
        help="Test Mode: the company's SMS are checked against the registered "
        "templates and logged as sent, but nothing is sent to the provider "
        "(demonstrations and training).\n"
        "Enabled: the company's SMS are sent through the provider.\n"
        "Disabled: the company's SMS go through Odoo's IAP service as before.",
    )
    sign_name = fields.Char(
        string="SMS Signature",
        help="The signature (短信签名) as registered and approved with the "
        "provider, without the 【】 brackets, e.g. 阳光花园物业. Carriers put it "
        "in front of every message.",
    )
    template_ids = fields.One2many(
        "sms.cn.template", "gateway_id", string="Registered Templates"
    )
    template_count = fields.Integer(compute="_compute_template_count")
    timeout = fields.Integer(
        string="Timeout (seconds)",
        default=10,
        help="How long to wait for the provider's answer. An SMS whose request "
        "timed out is set to error; the provider may still have sent it.",
    )
    keep_days = fields.Integer(
        string="Keep Sent SMS (days)",
        default=180,
        help="SMS sent through this gateway stay in Odoo with their delivery "
        "status for this many days, then Odoo's clean-up removes them. "
        "0 keeps them.",
    )
    report_token = fields.Char(
        copy=False,
        readonly=True,
        groups="base.group_system",
        default=lambda self: secrets.token_urlsafe(24),
    )
    report_url = fields.Char(
        string="Delivery Report URL",
        compute="_compute_report_url",
        groups="base.group_system",
        help="Give this address to the provider to receive delivery reports "
        "as they happen. Anybody who knows it can post reports for this "
        "gateway's SMS: regenerate it if it leaked.",
    )
    sms_count = fields.Integer(compute="_compute_sms_count", string="SMS")

    _sql_constraints = [
        (
            "timeout_positive",
            "CHECK(timeout > 0)",
            "The timeout must be at least one second.",
        ),
        ("keep_days_positive", "CHECK(keep_days >= 0)", "Days cannot be negative."),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("template_ids")
    def _compute_template_count(self):
        counts = dict(
            self.env["sms.cn.template"]._read_group(
                [("gateway_id", "in", self.ids)], ["gateway_id"], ["__count"]
            )
        )
        for gateway in self:
            gateway.template_count = counts.get(gateway, 0)

    def _compute_sms_count(self):
        counts = dict(
            self.env["sms.sms"]
            .sudo()
            ._read_group(
                [("sms_cn_gateway_id", "in", self.ids), ("to_delete", "=", False)],
                ["sms_cn_gateway_id"],
                ["__count"],
            )
        )
        for gateway in self:
            gateway.sms_count = counts.get(gateway, 0)

    @api.depends("report_token")
    def _compute_report_url(self):
        for gateway in self:
            gateway.report_url = (
                f"{gateway.get_base_url()}/sms_cn/report/{gateway.id}/"
                f"{gateway.report_token}"
                if gateway.id and gateway.report_token
                else False
            )

    @api.constrains("state", "company_id")
    def _check_one_active_per_company(self):
        active = self.filtered(lambda g: g.state != "disabled")
        if not active:
            return
        groups = self._read_group(
            [
                ("company_id", "in", active.company_id.ids),
                ("state", "!=", "disabled"),
            ],
            ["company_id"],
            ["__count"],
        )
        for company, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(company)s already sends its SMS through another "
                        "gateway. Disable that one first: a company sends "
                        "through one gateway at a time.",
                        company=company.display_name,
                    )
                )

    @api.constrains("state", "provider", "sign_name")
    def _check_ready_to_send(self):
        for gateway in self.filtered(lambda g: g.state == "enabled"):
            if gateway.provider == "none":
                raise ValidationError(
                    self.env._("Choose the provider before enabling the gateway.")
                )
            missing = gateway._sms_cn_missing_settings()
            if not gateway.sign_name:
                missing.insert(
                    0, gateway._fields["sign_name"].get_description(self.env)["string"]
                )
            if missing:
                raise ValidationError(
                    self.env._(
                        "Gateway %(gateway)s cannot be enabled without: " "%(fields)s.",
                        gateway=gateway.name,
                        fields=", ".join(missing),
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_regenerate_report_token(self):
        for gateway in self:
            gateway.report_token = secrets.token_urlsafe(24)

    def action_view_templates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sms_cn.sms_cn_template_action"
        )
        action["domain"] = [("gateway_id", "=", self.id)]
        action["context"] = {"default_gateway_id": self.id}
        return action

    def action_view_sms(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sms.sms_sms_action")
        action["domain"] = [
            ("sms_cn_gateway_id", "=", self.id),
            ("to_delete", "=", False),
        ]
        return action

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _sms_cn_gateway_for_companies(self, company_ids):
        """Return {company id: gateway} for the companies sending through a
        gateway (test mode or enabled)."""
        if not company_ids:
            return {}
        gateways = self.sudo().search(
            [
                ("company_id", "in", list(company_ids)),
                ("state", "in", ("test", "enabled")),
            ]
        )
        return {gateway.company_id.id: gateway for gateway in gateways}

    @api.model
    def _cron_fetch_status(self, limit=100):
        """Ask the providers for delivery reports, one batch per gateway and
        call; the scheduler calls again while reports remain and commits in
        between."""
        done = remaining = 0
        for gateway in self.sudo().search([("state", "=", "enabled")]):
            try:
                gateway_done, gateway_remaining = gateway._sms_cn_fetch_status(limit)
            except Exception:
                _logger.exception(
                    "Fetching SMS delivery reports of gateway %s failed", gateway.id
                )
                continue
            done += gateway_done
            remaining += gateway_remaining
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return True

    # ------------------------------------------------------------------
    # Provider hooks (implemented by sms_aliyun, sms_tencentcloud, ...)
    # ------------------------------------------------------------------
    def _sms_cn_missing_settings(self):
        """Labels of the provider settings still empty (credentials)."""
        self.ensure_one()
        return []

    def _sms_cn_registered_content(self, content):
        """The template text in the provider's own syntax (what is registered
        with the provider)."""
        self.ensure_one()
        return content

    def _sms_cn_send_messages(self, messages):
        """Send the messages; never raise for a provider or network problem.

        :param messages: list of dicts ``sms`` (sms.sms), ``number`` (+86...),
            ``template`` (sms.cn.template), ``params`` (dict name -> str)
        :return: list of dicts, one per message: ``sms``, ``ok`` (accepted by
            the provider), ``ref`` (the provider's id of the message, for the
            delivery report), and when not ok ``failure_type`` (an sms.sms
            failure type), ``code`` and ``message`` (the provider's words)
        """
        self.ensure_one()
        raise UserError(
            self.env._("Gateway %(gateway)s has no provider.", gateway=self.name)
        )

    def _sms_cn_fetch_status(self, limit):
        """Fetch delivery reports of sent SMS; return (done, remaining)."""
        self.ensure_one()
        return 0, 0

    def _sms_cn_process_report(self, payload):
        """Apply the delivery reports the provider posted to the report URL;
        return the JSON answer the provider expects."""
        self.ensure_one()
        return {}

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import datetime

import pytz

from odoo import fields, models

from odoo.addons.sms_cn.tools import (
    SmsCnTransportError,
    normalize_cn_mobile,
    template_variables,
)
from odoo.addons.sms_cn.tools.sms_cn_api import VARIABLE_RE

from ..tools.tencentcloud_api import TencentCloudSmsClient

_logger = logging.getLogger(__name__)

BATCH_SIZE = 200  # SendSms: at most 200 numbers per request
PULL_LIMIT = 100  # PullSmsSendStatus: at most 100 reports per request
CHINA_TZ = pytz.timezone("Asia/Shanghai")

# Provider codes -> sms.sms failure types (everything else: sms_server)
ERROR_FAILURE_TYPES = {
    "FailedOperation.TemplateIncorrectOrUnapproved": "sms_cn_template",
    "FailedOperation.MissingTemplateList": "sms_cn_template",
    "FailedOperation.ContainSensitiveWord": "sms_cn_template",
    "InvalidParameterValue.TemplateParameterFormatError": "sms_cn_template",
    "InvalidParameterValue.TemplateParameterLengthLimit": "sms_cn_template",
    "InvalidParameterValue.ContentLengthLimit": "sms_cn_template",
    "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter": "sms_cn_template",
    "FailedOperation.SignatureIncorrectOrUnapproved": "sms_cn_signature",
    "FailedOperation.MissingSignatureList": "sms_cn_signature",
    "RequestLimitExceeded": "sms_cn_limit",
    "InvalidParameterValue.IncorrectPhoneNumber": "sms_number_format",
    "FailedOperation.PhoneNumberInBlacklist": "sms_rejected",
    "FailedOperation.PhoneNumberOnBlacklist": "sms_rejected",
    "FailedOperation.InsufficientBalanceInSmsPackage": "sms_credit",
    "UnauthorizedOperation.SerivceSuspendDueToArrears": "sms_credit",
    "UnsupportedOperation.UnsuportedRegion": "sms_country_not_supported",
    "InvalidParameterValue.SdkAppIdNotExist": "sms_acc",
    "UnauthorizedOperation.SmsSdkAppIdVerifyFail": "sms_acc",
    "UnauthorizedOperation.SdkAppIdIsDisabled": "sms_acc",
    "UnauthorizedOperation.RequestIpNotInWhitelist": "sms_acc",
    "UnauthorizedOperation.RequestPermissionDeny": "sms_acc",
}
ERROR_PREFIXES = {"LimitExceeded.": "sms_cn_limit", "AuthFailure": "sms_acc"}


def failure_type_of(code):
    if code in ERROR_FAILURE_TYPES:
        return ERROR_FAILURE_TYPES[code]
    for prefix, failure_type in ERROR_PREFIXES.items():
        if code.startswith(prefix):
            return failure_type
    return "sms_server"


class SmsCnGateway(models.Model):
    _inherit = "sms.cn.gateway"

    provider = fields.Selection(
        selection_add=[("tencentcloud", "Tencent Cloud SMS (腾讯云短信)")],
        ondelete={"tencentcloud": "set default"},
    )
    tencentcloud_secret_id = fields.Char(
        string="SecretId",
        groups="base.group_system",
        help="SecretId of an API key (访问管理 › API密钥管理) of a sub-user "
        "allowed to use SMS (QcloudSMSFullAccess).",
    )
    tencentcloud_secret_key = fields.Char(
        string="SecretKey", groups="base.group_system"
    )
    tencentcloud_sdk_app_id = fields.Char(
        string="SdkAppId",
        groups="base.group_system",
        help="SMS application ID (短信 › 应用管理), e.g. 1400006666.",
    )
    tencentcloud_region = fields.Selection(
        [
            ("ap-guangzhou", "Guangzhou (ap-guangzhou)"),
            ("ap-beijing", "Beijing (ap-beijing)"),
            ("ap-nanjing", "Nanjing (ap-nanjing)"),
        ],
        string="Tencent Cloud Region",
        default="ap-guangzhou",
        groups="base.group_system",
    )
    tencentcloud_endpoint = fields.Char(
        string="Tencent Cloud Endpoint",
        default="https://sms.tencentcloudapi.com",
        groups="base.group_system",
    )

    # ------------------------------------------------------------------
    # Hooks of sms_cn
    # ------------------------------------------------------------------
    def _sms_cn_missing_settings(self):
        missing = super()._sms_cn_missing_settings()
        if self.provider != "tencentcloud":
            return missing
        for name in (
            "tencentcloud_secret_id",
            "tencentcloud_secret_key",
            "tencentcloud_sdk_app_id",
        ):
            if not self[name]:
                missing.append(self._fields[name].get_description(self.env)["string"])
        return missing

    def _sms_cn_registered_content(self, content):
        """Tencent Cloud numbers the variables {1}, {2}... in the order they
        first appear."""
        if self.provider != "tencentcloud":
            return super()._sms_cn_registered_content(content)
        positions = {
            name: index for index, name in enumerate(template_variables(content), 1)
        }
        return VARIABLE_RE.sub(lambda m: "{%d}" % positions[m.group(1)], content)

    def _tencentcloud_client(self):
        self.ensure_one()
        return TencentCloudSmsClient(
            self.tencentcloud_endpoint or "https://sms.tencentcloudapi.com",
            self.tencentcloud_secret_id or "",
            self.tencentcloud_secret_key or "",
            self.tencentcloud_region or "ap-guangzhou",
            timeout=self.timeout,
        )

    def _sms_cn_send_messages(self, messages):
        """One SendSms per template and parameter values, at most 200
        numbers each (a number twice goes in two requests)."""
        if self.provider != "tencentcloud":
            return super()._sms_cn_send_messages(messages)
        client = self._tencentcloud_client()
        groups = {}
        for message in messages:
            template = message["template"]
            values = tuple(
                message["params"][name] for name in template._sms_cn_variables()
            )
            groups.setdefault((template.code, values), []).append(message)
        results, transport_error = [], None
        for (code, values), group in groups.items():
            for batch in _batches(group):
                if transport_error:
                    results += _transport_results(batch, transport_error)
                    continue
                params = {
                    "PhoneNumberSet": [message["number"] for message in batch],
                    "SmsSdkAppId": self.tencentcloud_sdk_app_id,
                    "SignName": self.sign_name,
                    "TemplateId": code,
                }
                if values:
                    params["TemplateParamSet"] = list(values)
                try:
                    response = client.call("SendSms", params)
                except SmsCnTransportError as error:
                    _logger.warning(
                        "Tencent Cloud SMS gateway %s: %s", self.id, error.message
                    )
                    transport_error = error
                    results += _transport_results(batch, error)
                    continue
                results += _send_results(batch, response, code)
        return results

    def _sms_cn_fetch_status(self, limit):
        """PullSmsSendStatus: the reports not pulled yet (each is given
        once), while this gateway has SMS waiting for one."""
        if self.provider != "tencentcloud":
            return super()._sms_cn_fetch_status(limit)
        Sms = self.env["sms.sms"].sudo()
        if not Sms.search_count(Sms._sms_cn_pending_domain(self), limit=1):
            return 0, 0
        pull_limit = max(1, min(limit, PULL_LIMIT))
        try:
            response = self._tencentcloud_client().call(
                "PullSmsSendStatus",
                {"Limit": pull_limit, "SmsSdkAppId": self.tencentcloud_sdk_app_id},
            )
        except SmsCnTransportError as error:
            _logger.warning(
                "Tencent Cloud SMS gateway %s: status pull failed: %s",
                self.id,
                error.message,
            )
            return 0, 0
        if "Error" in response:
            _logger.warning(
                "Tencent Cloud SMS gateway %s: PullSmsSendStatus %s %s",
                self.id,
                response["Error"].get("Code"),
                response["Error"].get("Message"),
            )
            return 0, 0
        statuses = response.get("PullSmsSendStatusSet") or []
        reports = self._tencentcloud_reports(
            [
                {
                    "serial": item.get("SerialNo"),
                    "phone": item.get("PhoneNumber")
                    or "+{}{}".format(
                        item.get("CountryCode") or "86", item.get("SubscriberNumber")
                    ),
                    "delivered": item.get("ReportStatus") == "SUCCESS",
                    "code": item.get("Description") or item.get("ReportStatus"),
                    "message": item.get("Description") or "",
                    "date": _utc_from_timestamp(item.get("UserReceiveTime")),
                }
                for item in statuses
                if isinstance(item, dict)
            ]
        )
        Sms._sms_cn_apply_delivery(reports)
        return len(statuses), 1 if len(statuses) >= pull_limit else 0

    def _tencentcloud_reports(self, items):
        """Reports for the SMS this gateway (or another gateway of the same
        SMS application) sent, matched by SerialNo and number."""
        Sms = self.env["sms.sms"].sudo()
        gateways = self.search(
            [
                ("provider", "=", "tencentcloud"),
                ("tencentcloud_sdk_app_id", "=", self.tencentcloud_sdk_app_id),
            ]
        )
        candidates = Sms.search(
            [
                ("sms_cn_gateway_id", "in", gateways.ids),
                ("sms_cn_provider_ref", "in", [item["serial"] for item in items]),
            ]
        )
        by_serial = {}
        for sms in candidates:
            by_serial.setdefault(sms.sms_cn_provider_ref, Sms)
            by_serial[sms.sms_cn_provider_ref] |= sms
        reports = []
        for item in items:
            phone = normalize_cn_mobile(item["phone"] or "")[0]
            sms = by_serial.get(item["serial"], Sms).filtered(
                lambda s, phone=phone: normalize_cn_mobile(s.number)[0] == phone
            )[:1]
            if sms:
                reports.append(dict(item, sms=sms))
        return reports

    def _sms_cn_process_report(self, payload):
        """Status callback (短信下发状态通知): a JSON array of ``sid``
        (SerialNo), ``nationcode``, ``mobile``, ``report_status`` (SUCCESS /
        FAIL), ``errmsg``, ``description``, ``user_receive_time``; answer
        ``{"result": 0, "errmsg": "OK"}``."""
        if self.provider != "tencentcloud":
            return super()._sms_cn_process_report(payload)
        reports = self._tencentcloud_reports(
            [
                {
                    "serial": str(item.get("sid")),
                    "phone": f"+{item.get('nationcode') or '86'}{item.get('mobile')}",
                    "delivered": item.get("report_status") == "SUCCESS",
                    "code": item.get("errmsg") or "",
                    "message": item.get("description") or "",
                    "date": _utc_from_china(item.get("user_receive_time")),
                }
                for item in payload
                if isinstance(item, dict)
            ]
        )
        self.env["sms.sms"].sudo()._sms_cn_apply_delivery(reports)
        return {"result": 0, "errmsg": "OK"}


def _batches(messages):
    """Chunks of at most BATCH_SIZE messages, a number at most once each."""
    batches = []
    for message in messages:
        batch = next(
            (
                b
                for b in batches
                if len(b) < BATCH_SIZE
                and all(m["number"] != message["number"] for m in b)
            ),
            None,
        )
        if batch is None:
            batch = []
            batches.append(batch)
        batch.append(message)
    return batches


def _transport_results(messages, error):
    return [
        {
            "sms": message["sms"],
            "ok": False,
            "failure_type": "sms_server",
            "code": error.code,
            "message": error.message,
        }
        for message in messages
    ]


def _send_results(messages, response, template_code):
    """One result per message from a SendSms answer."""
    if "Error" in response:
        code = response["Error"].get("Code") or "Unknown"
        return [
            {
                "sms": message["sms"],
                "ok": False,
                "failure_type": failure_type_of(code),
                "code": code,
                "message": response["Error"].get("Message") or "",
                "template_code": template_code,
            }
            for message in messages
        ]
    statuses = [s for s in response.get("SendStatusSet") or [] if isinstance(s, dict)]
    results = []
    for index, message in enumerate(messages):
        status = statuses[index] if index < len(statuses) else None
        if not status or status.get("PhoneNumber") != message["number"]:
            status = next(
                (s for s in statuses if s.get("PhoneNumber") == message["number"]),
                None,
            )
        if status and status.get("Code") == "Ok":
            results.append(
                {"sms": message["sms"], "ok": True, "ref": status.get("SerialNo")}
            )
            continue
        code = (status or {}).get("Code") or "NoStatus"
        results.append(
            {
                "sms": message["sms"],
                "ok": False,
                "failure_type": failure_type_of(code),
                "code": code,
                "message": (status or {}).get("Message") or "",
                "template_code": template_code,
            }
        )
    return results


def _utc_from_timestamp(value):
    try:
        return datetime.fromtimestamp(int(value), pytz.utc).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError):
        return None


def _utc_from_china(value):
    if not value:
        return None
    try:
        local = datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return CHINA_TZ.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

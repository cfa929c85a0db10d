# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import datetime, timedelta

import pytz

from odoo import fields, models
from odoo.tools import split_every

from odoo.addons.sms_cn.tools import SmsCnTransportError, normalize_cn_mobile

from ..tools.aliyun_api import AliyunSmsClient, dumps

_logger = logging.getLogger(__name__)

BATCH_SIZE = 100  # SendBatchSms: at most 100 numbers per request
CHINA_TZ = pytz.timezone("Asia/Shanghai")

# Provider codes -> sms.sms failure types (everything else: sms_server)
ERROR_FAILURE_TYPES = {
    "isv.SMS_TEMPLATE_ILLEGAL": "sms_cn_template",
    "isv.TEMPLATE_MISSING_PARAMETERS": "sms_cn_template",
    "isv.TEMPLATE_PARAMS_ILLEGAL": "sms_cn_template",
    "isv.PARAM_LENGTH_LIMIT": "sms_cn_template",
    "isv.INVALID_JSON_PARAM": "sms_cn_template",
    "isv.SMS_CONTENT_ILLEGAL": "sms_cn_template",
    "isv.SMS_SIGNATURE_ILLEGAL": "sms_cn_signature",
    "isv.SIGN_NAME_ILLEGAL": "sms_cn_signature",
    "isv.SMS_SIGN_ILLEGAL": "sms_cn_signature",
    "isv.BUSINESS_LIMIT_CONTROL": "sms_cn_limit",
    "isv.DAY_LIMIT_CONTROL": "sms_cn_limit",
    "Throttling.User": "sms_cn_limit",
    "Throttling.Api": "sms_cn_limit",
    "Throttling": "sms_cn_limit",
    "isv.MOBILE_NUMBER_ILLEGAL": "sms_number_format",
    "isv.MOBILE_COUNT_OVER_LIMIT": "sms_number_format",
    "isv.AMOUNT_NOT_ENOUGH": "sms_credit",
    "isv.OUT_OF_SERVICE": "sms_credit",
    "InvalidAccessKeyId.NotFound": "sms_acc",
    "InvalidAccessKeyId.Inactive": "sms_acc",
    "SignatureDoesNotMatch": "sms_acc",
    "IncompleteSignature": "sms_acc",
    "InvalidTimeStamp.Expired": "sms_acc",
    "SignatureNonceUsed": "sms_acc",
    "Forbidden.RAM": "sms_acc",
    "isp.RAM_PERMISSION_DENY": "sms_acc",
    "isv.ACCOUNT_NOT_EXISTS": "sms_acc",
    "isv.ACCOUNT_ABNORMAL": "sms_acc",
}


class SmsCnGateway(models.Model):
    _inherit = "sms.cn.gateway"

    provider = fields.Selection(
        selection_add=[("aliyun", "Alibaba Cloud SMS (阿里云短信)")],
        ondelete={"aliyun": "set default"},
    )
    aliyun_access_key_id = fields.Char(
        string="AccessKey ID",
        groups="base.group_system",
        help="AccessKey ID of a RAM user allowed to call Dysmsapi "
        "(AliyunDysmsFullAccess, or SendSms, SendBatchSms and "
        "QuerySendDetails).",
    )
    aliyun_access_key_secret = fields.Char(
        string="AccessKey Secret", groups="base.group_system"
    )
    aliyun_endpoint = fields.Char(
        string="Alibaba Cloud Endpoint",
        default="https://dysmsapi.aliyuncs.com",
        groups="base.group_system",
        help="Dysmsapi service address; keep the default unless Alibaba "
        "Cloud gives another one.",
    )

    # ------------------------------------------------------------------
    # Hooks of sms_cn
    # ------------------------------------------------------------------
    def _sms_cn_missing_settings(self):
        missing = super()._sms_cn_missing_settings()
        if self.provider != "aliyun":
            return missing
        for name in ("aliyun_access_key_id", "aliyun_access_key_secret"):
            if not self[name]:
                missing.append(self._fields[name].get_description(self.env)["string"])
        return missing

    def _aliyun_client(self):
        self.ensure_one()
        return AliyunSmsClient(
            self.aliyun_endpoint or "https://dysmsapi.aliyuncs.com",
            self.aliyun_access_key_id or "",
            self.aliyun_access_key_secret or "",
            timeout=self.timeout,
        )

    def _aliyun_results(self, messages, data, template_code):
        """One result per message from a SendSms / SendBatchSms answer."""
        if data.get("Code") == "OK":
            return [
                {"sms": message["sms"], "ok": True, "ref": data.get("BizId")}
                for message in messages
            ]
        code = data.get("Code") or "Unknown"
        return [
            {
                "sms": message["sms"],
                "ok": False,
                "failure_type": ERROR_FAILURE_TYPES.get(code, "sms_server"),
                "code": code,
                "message": data.get("Message") or "",
                "template_code": template_code,
            }
            for message in messages
        ]

    def _sms_cn_send_messages(self, messages):
        if self.provider != "aliyun":
            return super()._sms_cn_send_messages(messages)
        client = self._aliyun_client()
        by_code = {}
        for message in messages:
            by_code.setdefault(message["template"].code, []).append(message)
        results, transport_error = [], None
        for code, group in by_code.items():
            batches = (
                [group] if len(group) == 1 else list(split_every(BATCH_SIZE, group))
            )
            for batch in batches:
                if transport_error:
                    results += self._aliyun_transport_results(batch, transport_error)
                    continue
                try:
                    data = self._aliyun_send_batch(client, code, batch)
                except SmsCnTransportError as error:
                    _logger.warning(
                        "Alibaba Cloud SMS gateway %s: %s", self.id, error.message
                    )
                    transport_error = error
                    results += self._aliyun_transport_results(batch, error)
                    continue
                results += self._aliyun_results(batch, data, code)
        return results

    def _aliyun_transport_results(self, messages, error):
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

    def _aliyun_send_batch(self, client, code, messages):
        variables = messages[0]["template"]._sms_cn_variables()
        if len(messages) == 1:
            message = messages[0]
            return client.call(
                "SendSms",
                query={
                    "PhoneNumbers": message["number"],
                    "SignName": self.sign_name,
                    "TemplateCode": code,
                    "TemplateParam": dumps(message["params"]) if variables else None,
                    "OutId": message["sms"].uuid,
                },
            )
        form = {
            "PhoneNumberJson": dumps([message["number"] for message in messages]),
            "SignNameJson": dumps([self.sign_name] * len(messages)),
        }
        if variables:
            form["TemplateParamJson"] = dumps(
                [message["params"] for message in messages]
            )
        return client.call("SendBatchSms", query={"TemplateCode": code}, form=form)

    def _sms_cn_fetch_status(self, limit):
        """QuerySendDetails for each SMS waiting for its report (one request
        per SMS); an SMS asked is asked again after five minutes at most."""
        if self.provider != "aliyun":
            return super()._sms_cn_fetch_status(limit)
        Sms = self.env["sms.sms"].sudo()
        now = fields.Datetime.now()
        domain = Sms._sms_cn_pending_domain(self) + [
            "|",
            ("sms_cn_last_check", "=", False),
            ("sms_cn_last_check", "<", now - timedelta(minutes=5)),
        ]
        pending = Sms.search(
            domain, limit=limit, order="sms_cn_last_check ASC NULLS FIRST, id"
        )
        if not pending:
            return 0, 0
        client = self._aliyun_client()
        reports, asked = [], Sms
        for sms in pending:
            number = (normalize_cn_mobile(sms.number)[0] or "")[3:]
            sent = pytz.utc.localize(sms.sms_cn_sent_date).astimezone(CHINA_TZ)
            try:
                data = client.call(
                    "QuerySendDetails",
                    query={
                        "PhoneNumber": number,
                        "BizId": sms.sms_cn_provider_ref,
                        "SendDate": sent.strftime("%Y%m%d"),
                        "PageSize": "10",
                        "CurrentPage": "1",
                    },
                )
            except SmsCnTransportError as error:
                _logger.warning(
                    "Alibaba Cloud SMS gateway %s: status query failed: %s",
                    self.id,
                    error.message,
                )
                break
            asked |= sms
            if data.get("Code") != "OK":
                _logger.warning(
                    "Alibaba Cloud SMS gateway %s: QuerySendDetails %s %s",
                    self.id,
                    data.get("Code"),
                    data.get("Message"),
                )
                continue
            report = self._aliyun_report_from_detail(sms, number, data)
            if report:
                reports.append(report)
        asked.write({"sms_cn_last_check": now})
        Sms._sms_cn_apply_delivery(reports)
        return len(asked), Sms.search_count(domain)

    def _aliyun_report_from_detail(self, sms, number, data):
        details = (data.get("SmsSendDetailDTOs") or {}).get("SmsSendDetailDTO") or []
        detail = next((d for d in details if d.get("OutId") == sms.uuid), None)
        if detail is None:
            detail = next(
                (
                    d
                    for d in details
                    if str(d.get("PhoneNum", "")).endswith(number[-4:])
                ),
                None,
            )
        if not detail or str(detail.get("SendStatus")) not in ("2", "3"):
            return None  # 1: still waiting for the carrier's receipt
        return {
            "sms": sms,
            "delivered": str(detail.get("SendStatus")) == "3",
            "code": detail.get("ErrCode") or "",
            "message": detail.get("ErrCode") or "",
            "date": _china_time(detail.get("ReceiveDate")),
        }

    def _sms_cn_process_report(self, payload):
        """SmsReport pushed by Alibaba Cloud (HTTP batch push mode): a JSON
        array of ``phone_number``, ``success``, ``err_code``, ``err_msg``,
        ``biz_id``, ``out_id``, ``report_time``; answer ``{"code": 0}``."""
        if self.provider != "aliyun":
            return super()._sms_cn_process_report(payload)
        Sms = self.env["sms.sms"].sudo()
        items = [item for item in payload if isinstance(item, dict)]
        candidates = Sms.search(
            [
                ("sms_cn_gateway_id", "=", self.id),
                ("sms_cn_provider_ref", "in", [str(i.get("biz_id")) for i in items]),
            ]
        )
        reports = []
        for item in items:
            phone = normalize_cn_mobile(str(item.get("phone_number") or ""))[0]
            sms = candidates.filtered(
                lambda s, item=item, phone=phone: s.sms_cn_provider_ref
                == str(item.get("biz_id"))
                and (
                    s.uuid == item.get("out_id")
                    or normalize_cn_mobile(s.number)[0] == phone
                )
                and s.state == "pending"
            )[:1]
            if sms:
                reports.append(
                    {
                        "sms": sms,
                        "delivered": bool(item.get("success")),
                        "code": item.get("err_code") or "",
                        "message": item.get("err_msg") or "",
                        "date": _china_time(item.get("report_time")),
                    }
                )
        Sms._sms_cn_apply_delivery(reports)
        return {"code": 0, "msg": "接收成功"}


def _china_time(value):
    """'2026-05-31 10:20:30' in Beijing time -> naive UTC datetime."""
    if not value:
        return None
    try:
        local = datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return CHINA_TZ.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A fake Alibaba Cloud SMS endpoint (Dysmsapi 2017-05-25, signature V3).

It checks each request as the service does -- ACS3-HMAC-SHA256 signature
recomputed from the raw request, the signed headers, the body hash, the
date and the nonce -- then the account's approved signatures and templates,
the template variables and the numbers, and answers with the service's
codes and messages. It is written from the published specification, not
from the addon's signing code.
"""

import hashlib
import hmac
import json
import re
import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl, quote

from odoo.addons.sms_cn.tests.fake_server import FakeProviderServer

MANDATORY_SIGNED = {
    "host",
    "x-acs-action",
    "x-acs-content-sha256",
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-version",
}
NUMBER_RE = re.compile(r"^(\+86|0086|86)?(1\d{10})$")
VARIABLE_RE = re.compile(r"\$\{(\w+)\}")


def _error(status, code, message):
    return status, {
        "RequestId": str(uuid.uuid4()).upper(),
        "HostId": "dysmsapi.aliyuncs.com",
        "Code": code,
        "Message": message,
    }


class FakeAliyunSms(FakeProviderServer):
    def __init__(self, accounts):
        """:param accounts: {AccessKeyId: {"secret": str, "signs": set,
        "templates": {code: text}}}"""
        super().__init__()
        self.accounts = accounts
        self.nonces = set()
        self.throttled_numbers = set()  # isv.BUSINESS_LIMIT_CONTROL
        self.throttle_api = False  # Throttling.User (HTTP 400)
        self.undelivered = {}  # national number -> receipt error code
        self.reports_ready = True  # False: QuerySendDetails says "waiting"
        self.sent = []  # one dict per number accepted
        self.biz_counter = 900000

    # ------------------------------------------------------------------
    def handle(self, request):
        error = self._verify(request)
        if error:
            return error
        request.params = {**request.query, **request.form}
        handler = {
            "SendSms": self._send_sms,
            "SendBatchSms": self._send_batch_sms,
            "QuerySendDetails": self._query_send_details,
        }.get(request.action)
        if not handler:
            return _error(404, "InvalidAction.NotFound", "Specified api is not found.")
        if self.throttle_api and request.action != "QuerySendDetails":
            return _error(
                400, "Throttling.User", "Request was denied due to user flow control."
            )
        return handler(request)

    def _verify(self, request):
        headers = request.headers
        auth = headers.get("authorization", "")
        match = re.fullmatch(
            r"ACS3-HMAC-SHA256 Credential=([^,]+),"
            r"SignedHeaders=([^,]+),Signature=([0-9a-f]{64})",
            auth,
        )
        if not match:
            return _error(
                400,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.",
            )
        key_id, signed_headers, signature = match.groups()
        account = self.accounts.get(key_id)
        if not account:
            return _error(
                404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."
            )
        signed = signed_headers.split(";")
        if not MANDATORY_SIGNED <= set(signed) or signed != sorted(signed):
            return _error(
                400,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.",
            )
        if hashlib.sha256(request.body).hexdigest() != headers.get(
            "x-acs-content-sha256"
        ):
            return _error(
                400,
                "SignatureDoesNotMatch",
                "x-acs-content-sha256 does not match the body.",
            )
        try:
            date = datetime.strptime(
                headers["x-acs-date"], "%Y-%m-%dT%H:%M:%SZ"
            ).replace(tzinfo=timezone.utc)
        except (KeyError, ValueError):
            return _error(
                400,
                "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted.",
            )
        if abs(datetime.now(timezone.utc) - date) > timedelta(minutes=15):
            return _error(
                400,
                "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired.",
            )
        nonce = headers.get("x-acs-signature-nonce")
        if nonce in self.nonces:
            return _error(
                400, "SignatureNonceUsed", "Specified signature nonce was used already."
            )
        # canonical request, from what was received
        pairs = sorted(parse_qsl(request.raw_query, keep_blank_values=True))
        canonical_query = "&".join(
            f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs
        )
        canonical_headers = "".join(
            f"{h}:{headers.get(h, '').strip()}\n" for h in signed
        )
        canonical = (
            f"{request.method}\n{request.path}\n{canonical_query}\n{canonical_headers}\n"
            f"{signed_headers}\n{headers['x-acs-content-sha256']}"
        )
        to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
        expected = hmac.new(
            account["secret"].encode(), to_sign.encode(), hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return _error(
                400,
                "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. "
                f"server string to sign is:{to_sign}",
            )
        if headers.get("x-acs-version") != "2017-05-25":
            return _error(
                400, "InvalidVersion", "Specified parameter Version is not valid."
            )
        self.nonces.add(nonce)
        request.action = headers.get("x-acs-action")
        request.account = key_id
        return None

    # ------------------------------------------------------------------
    def _ok(self, **values):
        return 200, {
            "RequestId": str(uuid.uuid4()).upper(),
            "Code": "OK",
            "Message": "OK",
            **values,
        }

    def _business_error(self, code, message):
        return 200, {
            "RequestId": str(uuid.uuid4()).upper(),
            "Code": code,
            "Message": message,
        }

    def _check_message(self, account, sign, code, params, number):
        if sign not in account["signs"]:
            return self._business_error(
                "isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名"
            )
        template = account["templates"].get(code)
        if template is None:
            return self._business_error(
                "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板"
            )
        missing = [v for v in VARIABLE_RE.findall(template) if not params.get(v)]
        if missing:
            return self._business_error(
                "isv.TEMPLATE_MISSING_PARAMETERS", "模板变量中存在未赋值变量"
            )
        if not NUMBER_RE.match(number):
            return self._business_error("isv.MOBILE_NUMBER_ILLEGAL", "手机号码格式错误")
        if NUMBER_RE.match(number).group(2) in self.throttled_numbers:
            return self._business_error(
                "isv.BUSINESS_LIMIT_CONTROL", "触发号码天级流控Permits:10"
            )
        return None

    def _accept(self, request, account, sign, code, params_list, numbers, out_id):
        self.biz_counter += 1
        biz_id = f"{self.biz_counter}^0"
        text = account["templates"][code]
        for number, params in zip(numbers, params_list, strict=True):
            national = NUMBER_RE.match(number).group(2)
            content = VARIABLE_RE.sub(lambda m, p=params: p[m.group(1)], text)
            self.sent.append(
                {
                    "biz_id": biz_id,
                    "account": request.account,
                    "phone": national,
                    "out_id": out_id,
                    "template_code": code,
                    "content": f"【{sign}】{content}",
                    "send_date": datetime.now(timezone(timedelta(hours=8))),
                }
            )
        return self._ok(BizId=biz_id)

    def _send_sms(self, request):
        params = request.params
        for name in ("PhoneNumbers", "SignName", "TemplateCode"):
            if not params.get(name):
                return _error(
                    400, "MissingParameter", f"{name} is mandatory for this action."
                )
        try:
            values = json.loads(params.get("TemplateParam") or "{}")
        except ValueError:
            return self._business_error(
                "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值"
            )
        numbers = params["PhoneNumbers"].split(",")
        account = self.accounts[request.account]
        for number in numbers:
            error = self._check_message(
                account, params["SignName"], params["TemplateCode"], values, number
            )
            if error:
                return error
        return self._accept(
            request,
            account,
            params["SignName"],
            params["TemplateCode"],
            [values] * len(numbers),
            numbers,
            params.get("OutId"),
        )

    def _send_batch_sms(self, request):
        params = request.params
        for name in ("PhoneNumberJson", "SignNameJson", "TemplateCode"):
            if not params.get(name):
                return _error(
                    400, "MissingParameter", f"{name} is mandatory for this action."
                )
        try:
            numbers = json.loads(params["PhoneNumberJson"])
            signs = json.loads(params["SignNameJson"])
            values = json.loads(params.get("TemplateParamJson") or "null") or [
                {}
            ] * len(numbers)
        except ValueError:
            return self._business_error(
                "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值"
            )
        if len(numbers) > 100:
            return self._business_error(
                "isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制"
            )
        if not len(numbers) == len(signs) == len(values):
            return self._business_error("isv.INVALID_PARAMETERS", "参数异常")
        account = self.accounts[request.account]
        for number, sign, value in zip(numbers, signs, values, strict=True):
            error = self._check_message(
                account, sign, params["TemplateCode"], value, number
            )
            if error:
                return error
        return self._accept(
            request,
            account,
            signs[0],
            params["TemplateCode"],
            values,
            numbers,
            params.get("OutId"),
        )

    def _query_send_details(self, request):
        params = request.params
        for name in ("PhoneNumber", "SendDate", "PageSize", "CurrentPage"):
            if not params.get(name):
                return _error(
                    400, "MissingParameter", f"{name} is mandatory for this action."
                )
        if not re.fullmatch(r"1\d{10}", params["PhoneNumber"]):
            return self._business_error("isv.MOBILE_NUMBER_ILLEGAL", "手机号码格式错误")
        page_size = int(params["PageSize"])
        if not 1 <= page_size <= 50:
            return self._business_error("isv.INVALID_PARAMETERS", "参数异常")
        found = [
            sent
            for sent in self.sent
            if sent["account"] == request.account
            and sent["phone"] == params["PhoneNumber"]
            and sent["send_date"].strftime("%Y%m%d") == params["SendDate"]
            and (not params.get("BizId") or sent["biz_id"] == params["BizId"])
        ]
        details = []
        for sent in found[:page_size]:
            error = self.undelivered.get(sent["phone"])
            status = 1 if not self.reports_ready else (2 if error else 3)
            details.append(
                {
                    "PhoneNum": sent["phone"],
                    "SendStatus": status,
                    "ErrCode": error or ("DELIVERED" if status == 3 else ""),
                    "TemplateCode": sent["template_code"],
                    "Content": sent["content"],
                    "SendDate": sent["send_date"].strftime("%Y-%m-%d %H:%M:%S"),
                    "ReceiveDate": sent["send_date"].strftime("%Y-%m-%d %H:%M:%S")
                    if status != 1
                    else "",
                    "OutId": sent["out_id"] or "",
                }
            )
        return self._ok(
            TotalCount=str(len(found)), SmsSendDetailDTOs={"SmsSendDetailDTO": details}
        )

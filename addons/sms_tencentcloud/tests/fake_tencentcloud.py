# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A fake Tencent Cloud SMS endpoint (API 2021-01-11, TC3-HMAC-SHA256).

It checks each request as the service does -- the TC3 signature recomputed
from the raw request (content type, host, body), the credential scope and
the timestamp, the API version and region -- then the SMS application, the
approved signature and templates, the number of template parameters and
each number, and answers with the service's codes and messages. Delivery
reports queue up for PullSmsSendStatus, which hands each out once. It is
written from the published specification, not from the addon's code.
"""

import hashlib
import hmac
import re
import time
import uuid
from datetime import datetime, timezone

from odoo.addons.sms_cn.tests.fake_server import FakeProviderServer

AUTH_RE = re.compile(
    r"TC3-HMAC-SHA256 Credential=(?P<id>[^/]+)/(?P<date>\d{4}-\d{2}-\d{2})/"
    r"(?P<service>[a-z]+)/tc3_request, SignedHeaders=(?P<signed>[a-z;-]+), "
    r"Signature=(?P<signature>[0-9a-f]{64})"
)
NUMBER_RE = re.compile(r"^\+86(1\d{10})$")
POSITION_RE = re.compile(r"\{(\d+)\}")


def _hmac(key, message):
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def _response(**values):
    return 200, {"Response": {**values, "RequestId": str(uuid.uuid4())}}


def _error(code, message):
    return _response(Error={"Code": code, "Message": message})


class FakeTencentCloudSms(FakeProviderServer):
    def __init__(self, accounts):
        """:param accounts: {SecretId: {"secret": str, "app": SdkAppId,
        "signs": set, "templates": {TemplateId: text with {1}...}}}"""
        super().__init__()
        self.accounts = accounts
        self.limited_numbers = set()  # LimitExceeded.PhoneNumberDailyLimit
        self.request_limit = False  # RequestLimitExceeded
        self.undelivered = {}  # national number -> receipt description
        self.reports = []  # waiting for PullSmsSendStatus
        self.sent = []
        self.serial = 0

    def clear(self):
        self.reset()
        self.limited_numbers = set()
        self.request_limit = False
        self.undelivered = {}
        self.reports = []
        self.sent = []

    # ------------------------------------------------------------------
    def handle(self, request):
        error = self._verify(request)
        if error:
            return error
        if self.request_limit:
            return _error("RequestLimitExceeded", "请求的次数超过了频率限制。")
        request.params = request.json or {}
        handler = {
            "SendSms": self._send_sms,
            "PullSmsSendStatus": self._pull_status,
        }.get(request.action)
        if not handler:
            return _error("InvalidAction", "接口不存在。")
        return handler(request)

    def _verify(self, request):
        headers = request.headers
        match = AUTH_RE.fullmatch(headers.get("authorization", ""))
        if not match:
            return _error(
                "AuthFailure.InvalidAuthorization",
                "请求头部的 Authorization 不符合腾讯云标准。",
            )
        account = self.accounts.get(match["id"])
        if not account:
            return _error("AuthFailure.SecretIdNotFound", "密钥不存在。")
        try:
            timestamp = int(headers.get("x-tc-timestamp", ""))
        except ValueError:
            return _error("MissingParameter", "缺少参数错误。X-TC-Timestamp")
        if abs(time.time() - timestamp) > 300:
            return _error("AuthFailure.SignatureExpire", "签名过期。")
        date = datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d")
        if match["date"] != date or match["service"] != "sms":
            return _error(
                "AuthFailure.SignatureFailure", "请求签名验证失败。Credential 错误。"
            )
        signed = match["signed"].split(";")
        if "content-type" not in signed or "host" not in signed:
            return _error("AuthFailure.SignatureFailure", "请求签名验证失败。")
        canonical = "\n".join(
            [
                request.method,
                request.path,
                request.raw_query,
                "".join(f"{h}:{headers.get(h, '').strip().lower()}\n" for h in signed),
                match["signed"],
                hashlib.sha256(request.body).hexdigest(),
            ]
        )
        to_sign = "\n".join(
            [
                "TC3-HMAC-SHA256",
                str(timestamp),
                f"{date}/sms/tc3_request",
                hashlib.sha256(canonical.encode()).hexdigest(),
            ]
        )
        key = _hmac(
            _hmac(_hmac(("TC3" + account["secret"]).encode(), date), "sms"),
            "tc3_request",
        )
        expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, match["signature"]):
            return _error(
                "AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. "
                "Please check your signature is correct.",
            )
        if headers.get("x-tc-version") != "2021-01-11":
            return _error("NoSuchVersion", "接口版本不存在。")
        if not headers.get("x-tc-region"):
            return _error("MissingParameter", "缺少参数错误。X-TC-Region")
        request.action = headers.get("x-tc-action")
        request.account = match["id"]
        return None

    # ------------------------------------------------------------------
    def _send_sms(self, request):
        params = request.params
        account = self.accounts[request.account]
        numbers = params.get("PhoneNumberSet") or []
        if not numbers:
            return _error(
                "MissingParameter.EmptyPhoneNumberSet",
                "传入的号码列表为空，请确认您的参数中是否传入号码。",
            )
        if len(numbers) > 200:
            return _error(
                "LimitExceeded.PhoneNumberCountLimit",
                "调用短信发送 API 接口单次提交的手机号个数超过200个。",
            )
        if params.get("SmsSdkAppId") != account["app"]:
            return _error(
                "UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId 校验失败。"
            )
        if params.get("SignName") not in account["signs"]:
            return _error(
                "FailedOperation.SignatureIncorrectOrUnapproved",
                "签名未审批或格式错误。",
            )
        template = account["templates"].get(str(params.get("TemplateId")))
        values = params.get("TemplateParamSet") or []
        positions = {int(p) for p in POSITION_RE.findall(template or "")}
        if template is None or len(values) != len(positions):
            return _error(
                "FailedOperation.TemplateIncorrectOrUnapproved",
                "模板未审批或内容不匹配。",
            )
        content = POSITION_RE.sub(lambda m: str(values[int(m.group(1)) - 1]), template)
        statuses = []
        for number in numbers:
            match = NUMBER_RE.match(number)
            if not match:
                statuses.append(
                    self._status(
                        number,
                        "InvalidParameterValue.IncorrectPhoneNumber",
                        "手机号格式错误",
                    )
                )
                continue
            national = match.group(1)
            if national in self.limited_numbers:
                statuses.append(
                    self._status(
                        number,
                        "LimitExceeded.PhoneNumberDailyLimit",
                        "单个手机号日下发短信条数超过设定的上限",
                    )
                )
                continue
            self.serial += 1
            serial = f"2645:{self.serial:028d}"
            statuses.append(
                dict(self._status(number, "Ok", "send success"), SerialNo=serial, Fee=1)
            )
            self.sent.append(
                {
                    "serial": serial,
                    "number": number,
                    "content": f"【{params['SignName']}】{content}",
                    "account": request.account,
                }
            )
            failure = self.undelivered.get(national)
            self.reports.append(
                {
                    "UserReceiveTime": int(time.time()),
                    "CountryCode": "86",
                    "SubscriberNumber": national,
                    "PhoneNumber": number,
                    "SerialNo": serial,
                    "ReportStatus": "FAIL" if failure else "SUCCESS",
                    "Description": failure or "DELIVRD",
                    "SessionContext": params.get("SessionContext", ""),
                }
            )
        return _response(SendStatusSet=statuses)

    def _status(self, number, code, message):
        return {
            "SerialNo": "",
            "PhoneNumber": number,
            "Fee": 0,
            "SessionContext": "",
            "Code": code,
            "Message": message,
            "IsoCode": "CN",
        }

    def _pull_status(self, request):
        params = request.params
        limit = params.get("Limit")
        if not isinstance(limit, int) or not 1 <= limit <= 100:
            return _error(
                "InvalidParameterValue.LimitVerifyFail", "参数 Limit 校验失败。"
            )
        if params.get("SmsSdkAppId") != self.accounts[request.account]["app"]:
            return _error(
                "UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId 校验失败。"
            )
        given, self.reports = self.reports[:limit], self.reports[limit:]
        return _response(PullSmsSendStatusSet=given)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "SMS China: Tencent Cloud SMS",
    "summary": "Send Odoo's SMS through Tencent Cloud SMS (腾讯云短信, API "
    "2021-01-11): SendSms, PullSmsSendStatus, status callback",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["sms_cn"],
    "data": [
        "views/sms_cn_gateway_views.xml",
    ],
    "demo": [
        "demo/sms_cn_gateway_demo.xml",
    ],
    "installable": True,
}

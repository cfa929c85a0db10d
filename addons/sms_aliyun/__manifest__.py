# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "SMS China: Alibaba Cloud SMS",
    "summary": "Send Odoo's SMS through Alibaba Cloud SMS (阿里云短信 Dysmsapi): "
    "SendSms, SendBatchSms, QuerySendDetails, delivery reports",
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

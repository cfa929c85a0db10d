# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Payment Provider: WeChat Pay",
    "summary": "WeChat Pay (微信支付) API v3: owners pay invoices by QR code or on "
    "their phones; verified notifications, refunds and status queries",
    "version": "18.0.1.0.0",
    "category": "Accounting/Payment Providers",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["payment", "account_payment"],
    "data": [
        "views/payment_provider_views.xml",
        "views/payment_transaction_views.xml",
        "views/payment_wechatpay_templates.xml",
        "data/payment_provider_data.xml",
        "data/ir_cron_data.xml",
    ],
    "demo": [
        "demo/payment_provider_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "installable": True,
}

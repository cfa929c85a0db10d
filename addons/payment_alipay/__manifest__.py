# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Payment Provider: Alipay",
    "summary": "Alipay (支付宝) page and wap pay: owners pay invoices on a computer or "
    "their phones; RSA2-verified notifications, refunds and status queries",
    "version": "18.0.1.0.0",
    "category": "Accounting/Payment Providers",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["payment", "account_payment"],
    "external_dependencies": {"python": ["python-alipay-sdk", "pycryptodomex"]},
    "data": [
        "views/payment_provider_views.xml",
        "views/payment_transaction_views.xml",
        "views/payment_alipay_templates.xml",
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

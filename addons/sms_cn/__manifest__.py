# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "SMS China: Gateways and Registered Templates",
    "summary": "Odoo's SMS through a Chinese gateway with a registered signature "
    "(短信签名) and templates (模板CODE) instead of IAP",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["sms"],
    "data": [
        "security/ir.model.access.csv",
        "security/sms_cn_rules.xml",
        "data/ir_cron_data.xml",
        "views/sms_cn_gateway_views.xml",
        "views/sms_cn_template_views.xml",
        "views/sms_sms_views.xml",
        "views/res_config_settings_views.xml",
        "views/sms_cn_menus.xml",
    ],
    "installable": True,
}

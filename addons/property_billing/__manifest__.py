# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Billing",
    "summary": "Property fees in Odoo Accounting: tariffs, meter readings, monthly "
    "billing run, late fees (滞纳金), dunning (催缴) and statements (对账单)",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["property_cs", "account", "sms"],
    "data": [
        "security/property_billing_security.xml",
        "security/ir.model.access.csv",
        "security/property_billing_rules.xml",
        "data/product_data.xml",
        "data/ir_cron_data.xml",
        "report/property_statement_report.xml",
        "report/property_lawyer_letter_report.xml",
        "wizards/property_billing_wizard_views.xml",
        "views/property_tariff_views.xml",
        "views/property_meter_reading_views.xml",
        "views/property_unit_views.xml",
        "views/account_move_views.xml",
        "views/property_late_fee_views.xml",
        "views/property_dunning_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/property_billing_menus.xml",
    ],
    "demo": ["demo/property_billing_demo.xml"],
    "installable": True,
}

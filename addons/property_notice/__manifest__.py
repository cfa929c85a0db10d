# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Notices to Owners",
    "summary": "Notices (公告), water and power outage notices (停水停电通知) and "
    "emergency notices to the owners of a project, buildings or units: portal "
    "with read receipts, SMS through registered templates, e-mail, notice board",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["property_cs", "sms_cn"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_notice_rules.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/property_notice_views.xml",
        "views/property_notice_recipient_views.xml",
        "views/property_emergency_event_views.xml",
        "views/res_partner_views.xml",
        "views/portal_templates.xml",
        "views/property_notice_menus.xml",
        "report/property_notice_report.xml",
    ],
    "demo": [
        "demo/property_notice_demo.xml",
    ],
    "installable": True,
}

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Renovation",
    "summary": "Renovation (装修) from the owner's application to the deposit refund: "
    "review, permit, patrols, violations, inspections and settlement",
    "version": "18.0.1.2.0",
    "category": "Services/Property",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["property_cs", "property_billing"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_renovation_rules.xml",
        "report/property_renovation_reports.xml",
        "data/ir_cron_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/product_data.xml",
        "data/property_renovation_checklist_item_data.xml",
        "views/portal_templates.xml",
        "views/property_renovation_checklist_item_views.xml",
        "views/property_renovation_extension_views.xml",
        "views/property_renovation_gate_pass_views.xml",
        "views/property_renovation_hot_work_views.xml",
        "views/property_renovation_inspection_views.xml",
        "views/property_renovation_patrol_views.xml",
        "views/property_renovation_violation_views.xml",
        "views/property_renovation_views.xml",
        "views/res_config_settings_views.xml",
        "views/property_renovation_menus.xml",
    ],
    "demo": ["demo/property_renovation_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_renovation/static/tests/**/*"],
    },
    "installable": True,
}

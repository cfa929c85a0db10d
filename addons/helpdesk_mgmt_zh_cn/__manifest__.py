# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Helpdesk Management: Simplified Chinese",
    "summary": "Simplified Chinese (zh_CN) of the OCA helpdesk_mgmt screens, "
    "portal pages and messages, until helpdesk_mgmt ships its own",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "license": "AGPL-3",
    "author": "Property CS Contributors",
    "website": "https://github.com/property-cs/property-cs",
    "depends": ["helpdesk_mgmt"],
    "post_load": "post_load",
    "auto_install": True,
    "installable": True,
}

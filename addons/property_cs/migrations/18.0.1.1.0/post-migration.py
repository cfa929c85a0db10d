# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the weekly summary attaches its PDF from code.

The mail template is ``noupdate``: on an upgraded database it still links
the report, which would attach the PDF twice.
"""

from odoo import SUPERUSER_ID, api
from odoo.fields import Command


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    template = env.ref(
        "property_cs.mail_template_weekly_summary", raise_if_not_found=False
    )
    report = env.ref(
        "property_cs.action_report_weekly_summary", raise_if_not_found=False
    )
    if template and report:
        template.report_template_ids = [Command.unlink(report.id)]

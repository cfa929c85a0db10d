# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: phone numbers shorter than 11 digits are masked with at least
four hidden digits (``****5678``); the stored masks of existing contacts are
computed again."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Partner = env["res.partner"].with_context(active_test=False)
    partners = Partner.search([("pcs_phone_masked", "!=", False)])
    env.add_to_compute(Partner._fields["pcs_phone_masked"], partners)
    partners.flush_recordset()

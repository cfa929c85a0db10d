# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: paid repairs are quoted, then accepted or refused by the owner
(``quote_state``). Orders whose price the owner accepted before keep it as an
accepted quote of their current total. The public holidays shipped as data
(new in this version) apply to every company. Every company has the four
emergency grades (companies created after the first install had none)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            UPDATE property_dispatch_order
               SET quote_state = 'accepted',
                   quoted_amount = amount_total,
                   quoted_at = COALESCE(price_accepted_at, write_date)
             WHERE price_accepted
            """
        )
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["resource.calendar.leaves"]._pcs_share_shipped_holidays()
    # Companies created after the first install got no emergency grade.
    env["res.company"].search([])._pcs_create_emergency_grades()

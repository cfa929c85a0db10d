# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PropertyBillingTestCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestAccess(PropertyBillingTestCommon):
    def test_front_desk_cannot_post(self):
        front_desk = self.front_desk
        self.assertFalse(front_desk.has_group("account.group_account_invoice"))
        draft = self.init_invoice("out_invoice", amounts=[100.0])
        with self.assertRaises(AccessError):
            draft.with_user(front_desk).action_post()
        self.assertEqual(draft.state, "draft")
        draft.with_user(self.finance_user).action_post()
        self.assertEqual(draft.state, "posted")

    def test_portal_owner_sees_own_invoices(self):
        units = self._create_units(2, prefix="W")
        self.Billing._billing_run(self.company, PERIOD)
        owner = units[0].current_owner_ids
        portal = self._create_portal_user("pb_portal", owner)
        visible = self.env["account.move"].with_user(portal).search([])
        self.assertEqual(visible.pcs_unit_id, units[0])
        self.assertEqual(visible.partner_id, owner)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PropertyBillingCommon

PERIOD = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestAccess(PropertyBillingCommon):
    def test_front_desk_cannot_post(self):
        front_desk = new_test_user(
            self.env,
            login="pb_front_desk",
            groups="property_cs.group_front_desk",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertFalse(front_desk.has_group("account.group_account_invoice"))
        draft = self.init_invoice("out_invoice", amounts=[100.0])
        with self.assertRaises(AccessError):
            draft.with_user(front_desk).action_post()
        self.assertEqual(draft.state, "draft")
        finance = new_test_user(
            self.env,
            login="pb_finance",
            groups="property_cs.group_finance",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        draft.with_user(finance).action_post()
        self.assertEqual(draft.state, "posted")

    def test_portal_owner_sees_own_invoices(self):
        units = self._create_units(2, prefix="W")
        self.Billing._billing_run(self.company, PERIOD)
        owner = units[0].current_owner_ids
        portal = new_test_user(
            self.env,
            login="pb_portal",
            groups="base.group_portal",
            partner_id=owner.id,
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        visible = self.env["account.move"].with_user(portal).search([])
        self.assertEqual(visible.pcs_unit_id, units[0])
        self.assertEqual(visible.partner_id, owner)

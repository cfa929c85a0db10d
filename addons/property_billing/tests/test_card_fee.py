# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import PropertyBillingTestCommon


@tagged("post_install", "-at_install")
class TestCardFee(PropertyBillingTestCommon):
    def test_extra_card_invoiced(self):
        self.company.write({"pcs_card_free_per_household": 1, "pcs_card_fee": 20.0})
        unit = self._create_units(1, prefix="C")
        Card = self.env["property.access.card"]
        cards = Card.create(
            [
                {"name": f"CARD-{i}", "unit_id": unit.id, "project_id": self.project.id}
                for i in range(2)
            ]
        )
        cards.action_activate()
        extra = cards.filtered(lambda c: c.fee_state)
        self.assertEqual(len(extra), 1)
        self.assertEqual(extra.fee_state, "invoiced")
        move = extra.fee_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.partner_id, unit.billing_partner_id)
        self.assertEqual(move.invoice_line_ids.price_unit, 20.0)
        self.assertEqual(move.pcs_billing_kind, "one_off")

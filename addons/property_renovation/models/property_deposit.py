# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PropertyDeposit(models.Model):
    _inherit = "property.deposit"

    def _refund_post(self):
        refund = super()._refund_post()
        # A refund approved from the deposit itself also closes the renovation.
        self.env["property.renovation"].sudo().search(
            [("deposit_id", "in", self.ids), ("state", "=", "settled")]
        ).write({"state": "done"})
        return refund

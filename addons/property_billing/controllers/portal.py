# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.property_cs.controllers.portal import PropertyPortal


class PropertyBillingPortal(PropertyPortal):
    def _pcs_prepare_unit_page_values(self, unit_sudo):
        values = super()._pcs_prepare_unit_page_values(unit_sudo)
        # The owner's own bills of this unit, searched with the owner's rules
        # (a former owner's invoices stay theirs).
        values["pcs_invoices"] = request.env["account.move"].search(
            [
                ("pcs_unit_id", "=", unit_sudo.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
            ],
            order="invoice_date desc, id desc",
            limit=12,
        )
        return values

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PropertyOwnership(models.Model):
    _inherit = "property.ownership"

    def action_pcs_reveal_id(self):
        self.ensure_one()
        return self.partner_id.action_pcs_reveal_id()

    def action_pcs_reveal_phone(self):
        self.ensure_one()
        return self.partner_id.action_pcs_reveal_phone()


class PropertyResident(models.Model):
    _inherit = "property.resident"

    def action_pcs_reveal_id(self):
        self.ensure_one()
        return self.partner_id.action_pcs_reveal_id()

    def action_pcs_reveal_phone(self):
        self.ensure_one()
        return self.partner_id.action_pcs_reveal_phone()

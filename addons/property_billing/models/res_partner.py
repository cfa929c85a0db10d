# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_dunning_line_ids = fields.One2many("property.dunning.line", "partner_id")
    property_dunning_count = fields.Integer(compute="_compute_property_dunning_count")

    def _compute_property_dunning_count(self):
        counts = dict(
            self.env["property.dunning.line"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.property_dunning_count = counts.get(partner, 0)

    def action_view_property_dunning(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_dunning_line_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"search_default_group_period": 1}
        return action

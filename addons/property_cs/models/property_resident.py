# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyResident(models.Model):
    """Resident registration (常居情况登记): members, tenants, contacts."""

    _name = "property.resident"
    _description = "Resident"
    _inherit = ["property.archive.line.mixin"]
    _order = "relation, id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict"
    )
    relation = fields.Selection(
        [
            ("member", "Household Member"),
            ("tenant", "Tenant"),
            ("emergency", "Emergency Contact"),
            ("other", "Other"),
        ],
        required=True,
        default="member",
    )
    relationship = fields.Char(help="E.g. spouse, child, parent.")
    date_start = fields.Date(string="Since", default=fields.Date.context_today)
    date_end = fields.Date(string="Until")
    pcs_id_number_masked = fields.Char(
        related="partner_id.pcs_id_number_masked", string="ID Number"
    )
    pcs_phone_masked = fields.Char(
        related="partner_id.pcs_phone_masked", string="Phone"
    )

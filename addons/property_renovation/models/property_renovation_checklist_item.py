# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyRenovationChecklistItem(models.Model):
    """One point the daily renovation patrol checks (巡查项目); the patrols
    created each working day copy the active items of their kind."""

    _name = "property.renovation.checklist.item"
    _description = "Renovation Patrol Checklist Item"
    _order = "kind, sequence, id"
    _check_company_auto = True

    name = fields.Char(string="Check", required=True, translate=True)
    kind = fields.Selection(
        [("engineering", "Engineering"), ("security", "Security / Order")],
        string="Patrol",
        required=True,
        default="engineering",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty for every company; a company's own items are added "
        "to the shared ones.",
    )

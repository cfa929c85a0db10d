# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyRenovationDeduction(models.Model):
    """Deduction from the deposit at settlement (violation, damage, cleaning)."""

    _name = "property.renovation.deduction"
    _description = "Renovation Deposit Deduction"
    _order = "renovation_id, id"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [
            ("violation", "Violation"),
            ("damage", "Damage to Common Parts"),
            ("cleaning", "Cleaning / Debris"),
            ("other", "Other"),
        ],
        default="damage",
        required=True,
    )
    name = fields.Char(string="Reason", required=True)
    violation_id = fields.Many2one("property.renovation.violation")
    amount = fields.Monetary(required=True)

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "A deduction is not negative.")
    ]

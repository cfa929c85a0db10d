# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyDepartment(models.Model):
    """Accountable department of a request (engineering, security, cleaning...)."""

    _name = "property.department"
    _description = "Service Department"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Head",
        domain=[("share", "=", False)],
        help="Acknowledges complaint forms sent to the department.",
    )
    member_ids = fields.Many2many(
        "res.users", string="Members", domain=[("share", "=", False)]
    )

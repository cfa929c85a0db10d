# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

EMERGENCY_GRADES = [
    ("1", "Grade I (most severe)"),
    ("2", "Grade II"),
    ("3", "Grade III"),
    ("4", "Grade IV"),
]


class PropertyEmergencyGrade(models.Model):
    """Who is notified for an emergency of each grade (I-IV)."""

    _name = "property.emergency.grade"
    _description = "Emergency Grade"
    _order = "grade"

    grade = fields.Selection(EMERGENCY_GRADES, required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(
        string="Criteria", translate=True, help="Which events fall into this grade."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    notify_user_ids = fields.Many2many(
        "res.users",
        string="Notify",
        help="Notified when an event of this grade occurs.",
    )
    notify_group_ids = fields.Many2many(
        "res.groups",
        string="Notify Roles",
        help="Every user of these roles is notified as well.",
    )

    _sql_constraints = [
        (
            "grade_company_uniq",
            "unique(grade, company_id)",
            "One notification list per grade and company.",
        )
    ]

    def _recipients(self):
        self.ensure_one()
        users = self.notify_user_ids | self.notify_group_ids.users
        return users.filtered(
            lambda u: not u.share and self.company_id in u.company_ids
        )

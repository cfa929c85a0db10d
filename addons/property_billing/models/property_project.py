# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyProject(models.Model):
    _inherit = "property.project"

    collection_target = fields.Float(
        string="Collection Rate Target (%)",
        default=95.0,
        help="Target collection rate (收缴率) shown in the monthly summary.",
    )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyArchiveDocumentType(models.Model):
    _name = "property.archive.document.type"
    _description = "Archive Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    required_in_archive = fields.Boolean(
        help="Listed as missing on the archive cover sheet until received."
    )
    company_id = fields.Many2one("res.company")

    _sql_constraints = [
        ("code_uniq", "unique(code, company_id)", "Document type codes are unique.")
    ]

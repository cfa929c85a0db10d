# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyArchiveDocument(models.Model):
    _name = "property.archive.document"
    _description = "Archive Document"
    _inherit = ["property.archive.line.mixin"]
    _order = "date_received desc, id desc"

    type_id = fields.Many2one(
        "property.archive.document.type",
        string="Document",
        required=True,
        ondelete="restrict",
    )
    name = fields.Char(string="Description")
    date_received = fields.Date(
        string="Received On", required=True, default=fields.Date.context_today
    )
    user_id = fields.Many2one(
        "res.users",
        string="Filed By",
        required=True,
        default=lambda self: self.env.user,
    )
    page_count = fields.Integer(string="Pages", default=1)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_archive_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Files",
    )
    source = fields.Char(help="Where the document came from, e.g. Handover HO/0001.")

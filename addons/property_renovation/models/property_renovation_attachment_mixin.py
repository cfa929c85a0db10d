# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PropertyRenovationAttachmentMixin(models.AbstractModel):
    """Attaches the documents of Many2many attachment fields to the record.

    Files uploaded before the record is saved have no ``res_id``, so that only
    their uploader could read them; once attached, whoever reads the record
    reads its documents.
    """

    _name = "property.renovation.attachment.mixin"
    _description = "Renovation Documents"

    def _attachment_field_names(self):
        return [
            name
            for name, field in self._fields.items()
            if field.type == "many2many" and field.comodel_name == "ir.attachment"
        ]

    def _attach_documents(self):
        names = self._attachment_field_names()
        for record in self:
            attachments = record.sudo()[names[0]].browse()
            for name in names:
                attachments |= record.sudo()[name]
            attachments.filtered(lambda a: not a.res_id).write(
                {"res_model": record._name, "res_id": record.id}
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._attach_documents()
        return records

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & set(self._attachment_field_names()):
            self._attach_documents()
        return res

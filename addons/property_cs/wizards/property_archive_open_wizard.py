# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.property_archive_access_log import PII_PURPOSES


class PropertyArchiveOpenWizard(models.TransientModel):
    """Archive managers open a confidential archive without a request, but
    not without a stated purpose: one log row per opening."""

    _name = "property.archive.open.wizard"
    _description = "Open Archive with a Purpose"

    archive_id = fields.Many2one("property.archive", required=True, readonly=True)
    purpose = fields.Selection(PII_PURPOSES, required=True)
    reason = fields.Text(string="Explanation", required=True)

    def action_open(self):
        self.ensure_one()
        if len((self.reason or "").strip()) < 4:
            raise UserError(self.env._("Explain the purpose in a few words."))
        archive = self.archive_id
        archive._pcs_check_full_access()
        return archive._pcs_open(reason=self.reason, purpose=self.purpose)

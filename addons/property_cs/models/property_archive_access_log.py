# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyArchiveAccessLog(models.Model):
    """Consultation register (查阅登记): append-only, for everyone."""

    _name = "property.archive.access.log"
    _description = "Archive Access Log"
    _order = "date desc, id desc"
    _log_access = True

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", string="Who", required=True, readonly=True)
    archive_id = fields.Many2one(
        "property.archive", readonly=True, index=True, ondelete="set null"
    )
    archive_name = fields.Char(string="Archive No.", readonly=True)
    unit_id = fields.Many2one("property.unit", readonly=True, ondelete="set null")
    partner_id = fields.Many2one(
        "res.partner", string="Person", readonly=True, ondelete="set null"
    )
    action = fields.Selection(
        [
            ("view", "Viewed archive"),
            ("print", "Printed archive"),
            ("copy", "Copied document"),
            ("reveal_id", "Revealed ID number"),
            ("reveal_phone", "Revealed phone"),
            ("export", "Exported personal data"),
        ],
        string="What",
        required=True,
        readonly=True,
    )
    reason = fields.Text(string="Why", readonly=True)
    request_id = fields.Many2one(
        "property.archive.access.request", readonly=True, ondelete="set null"
    )
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop("date", None)  # the server's clock, never the caller's
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(self.env._("The archive access log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise UserError(self.env._("The archive access log cannot be deleted."))

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class PropertyOwnershipChangeWizard(models.TransientModel):
    """Ownership change (产权变更): close the archive, open a new one."""

    _name = "property.ownership.change.wizard"
    _description = "Ownership Change"

    unit_id = fields.Many2one("property.unit", required=True)
    old_archive_id = fields.Many2one(
        "property.archive", compute="_compute_old_archive_id"
    )
    date = fields.Date(
        string="Transfer Date", required=True, default=fields.Date.context_today
    )
    reason = fields.Char(required=True, default=lambda self: self.env._("Sale"))
    line_ids = fields.One2many(
        "property.ownership.change.line", "wizard_id", string="New Owners"
    )
    keep_residents = fields.Boolean(
        help="Copy the household members and vehicles to the new archive."
    )

    @api.depends("unit_id")
    def _compute_old_archive_id(self):
        for wizard in self:
            wizard.old_archive_id = wizard.unit_id.archive_id

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "property.unit":
            res.setdefault("unit_id", self.env.context.get("active_id"))
        return res

    def action_apply(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(self.env._("Enter at least one new owner."))
        total = sum(self.line_ids.mapped("share"))
        if float_compare(total, 100.0, precision_digits=2) != 0:
            raise UserError(
                self.env._(
                    "The new owners' shares add up to %s%%; they must make 100%%.",
                    round(total, 2),
                )
            )
        old = self.unit_id.archive_id
        if old and self.date <= old.date_open:
            raise UserError(
                self.env._(
                    "The transfer date must be after the opening of %s.", old.name
                )
            )
        new_vals = {
            "unit_id": self.unit_id.id,
            "date_open": self.date,
            "previous_archive_id": old.id,
            "ownership_ids": [
                fields.Command.create(
                    {
                        "partner_id": line.partner_id.id,
                        "share": line.share,
                        "date_start": self.date,
                    }
                )
                for line in self.line_ids
            ],
        }
        if old and self.keep_residents:
            new_vals["resident_ids"] = [
                fields.Command.create(
                    {
                        "partner_id": r.partner_id.id,
                        "relation": r.relation,
                        "relationship": r.relationship,
                        "date_start": self.date,
                    }
                )
                for r in old.resident_ids.filtered(lambda r: not r.date_end)
            ]
        if old:
            old._pcs_close(self.reason, date=self.date)
        new = self.env["property.archive"].create(new_vals)
        new.message_post(
            body=self._pcs_in_company_lang().env._(
                "Opened by ownership change (%(reason)s) from %(old)s.",
                reason=self.reason,
                old=old.name or "-",
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.archive",
            "res_id": new.id,
            "view_mode": "form",
        }

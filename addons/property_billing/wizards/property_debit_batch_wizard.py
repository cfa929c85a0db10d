# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyDebitBatchWizard(models.TransientModel):
    _name = "property.debit.batch.wizard"
    _description = "Export Auto-Debit Batch"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    layout_id = fields.Many2one("property.bank.layout", string="Bank", required=True)
    date = fields.Date(
        string="Debit Date", required=True, default=fields.Date.context_today
    )

    def action_export(self):
        self.ensure_one()
        batch = self.env["property.debit.batch"]._create_for(
            self.company_id, self.layout_id, self.date
        )
        if not batch:
            raise UserError(
                self.env._(
                    "Nothing new is due for the owners with a mandate at %s.",
                    self.layout_id.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.debit.batch",
            "res_id": batch.id,
            "view_mode": "form",
        }

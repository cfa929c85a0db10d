# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_prepayment_balance = fields.Monetary(
        string="Prepayment Balance",
        compute="_compute_property_prepayment_balance",
        help="Property prepayments (预收款) received and not applied yet.",
    )

    def _compute_property_prepayment_balance(self):
        balances = {}
        if self.ids:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """
                    SELECT aml.partner_id, -SUM(aml.amount_residual)
                      FROM account_payment p
                      JOIN account_move_line aml ON aml.move_id = p.move_id
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE p.property_prepayment
                       AND aml.partner_id = ANY(%s)
                       AND aml.company_id = ANY(%s)
                       AND acc.account_type = 'asset_receivable'
                       AND aml.parent_state = 'posted'
                       AND NOT aml.reconciled
                     GROUP BY aml.partner_id
                    """,
                    self.ids,
                    self.env.companies.ids,
                )
            )
            balances = dict(self.env.cr.fetchall())
        for partner in self:
            partner.property_prepayment_balance = balances.get(partner.id, 0.0)

    def action_property_prepayment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_prepayment_wizard_action"
        )
        action["context"] = {"default_partner_id": self.id}
        return action

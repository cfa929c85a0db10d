# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models


class PropertyDispatchOrder(models.Model):
    _inherit = "property.dispatch.order"

    repair_move_id = fields.Many2one(
        "account.move", string="Repair Invoice", readonly=True, copy=False
    )

    def _property_invoice_paid_repair(self):
        """Invoice completed paid repairs whose price the owner accepted: one
        posted one-off invoice per order (labour and materials lines), once
        (the unique index on ``account_move.pcs_dispatch_order_id`` stops
        a second one even from a concurrent transaction)."""
        res = super()._property_invoice_paid_repair()
        orders = self.filtered(
            lambda o: o.is_paid
            and o.price_accepted
            and o.state in ("done", "returned")
            and o.amount_total > 0
            and not o.repair_move_id
        )
        if not orders:
            return res
        Move = self.env["account.move"].sudo()
        existing = Move.search(
            [
                ("pcs_dispatch_order_id", "in", orders.ids),
                ("state", "!=", "cancel"),
            ]
        )
        for move in existing:
            move.pcs_dispatch_order_id.sudo().repair_move_id = move
        orders -= existing.pcs_dispatch_order_id
        product = self.env.ref("property_billing.product_special_repair")
        for order in orders:
            partner = order.unit_id.billing_partner_id or order.partner_id
            if not partner:
                continue
            company = order.company_id
            labels = {
                "labour": self.env._(
                    "%(order)s labour: %(work)s",
                    order=order.name,
                    work=order.description,
                ),
                "materials": self.env._("%(order)s materials", order=order.name),
            }
            lines = [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": labels[key],
                        "quantity": 1.0,
                        "price_unit": amount,
                    }
                )
                for key, amount in (
                    ("labour", order.labour_amount),
                    ("materials", order.material_amount),
                )
                if amount
            ]
            move = Move.with_company(company).create(
                {
                    "move_type": "out_invoice",
                    "company_id": company.id,
                    "journal_id": company._pcs_fee_journal().id,
                    "partner_id": partner.id,
                    "invoice_date": fields.Date.context_today(self),
                    "pcs_unit_id": order.unit_id.id,
                    "pcs_project_id": order.project_id.id,
                    "pcs_building_id": order.unit_id.building_id.id,
                    "pcs_billing_kind": "one_off",
                    "pcs_dispatch_order_id": order.id,
                    "invoice_line_ids": lines,
                }
            )
            move.action_post()
            order.sudo().repair_move_id = move
        return res

    def action_view_repair_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.repair_move_id.id,
        }

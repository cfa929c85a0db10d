# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

KEY_SET_STATES = [
    ("in_cabinet", "In Cabinet"),
    ("lent", "Lent"),
    ("missing", "Missing"),
    ("retired", "Retired"),
]


class PropertyKeySet(models.Model):
    """A set of physical keys of one unit kept in the key cabinet (钥匙管理)."""

    _name = "property.key.set"
    _description = "Key Set"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, building_id, unit_id, name"
    _check_company_auto = True

    name = fields.Char(
        required=True, default=lambda self: self.env._("Set 1"), tracking=True
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True, tracking=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    key_count = fields.Integer(string="Keys", default=1, tracking=True)
    cabinet_position = fields.Char(tracking=True, help="E.g. cabinet 2, hook B-14.")
    state = fields.Selection(
        KEY_SET_STATES,
        required=True,
        default="in_cabinet",
        tracking=True,
        index=True,
        readonly=True,
    )
    active = fields.Boolean(default=True)
    loan_ids = fields.One2many("property.key.loan", "key_set_id", string="Loans")
    current_loan_id = fields.Many2one(
        "property.key.loan", compute="_compute_current_loan_id"
    )
    loan_count = fields.Integer(compute="_compute_current_loan_id")
    missing_date = fields.Date(tracking=True)
    missing_note = fields.Text(
        string="Where It Went",
        tracking=True,
        help="Who had the keys last, where they were lost, what was done.",
    )
    replacement_ids = fields.One2many("property.key.replacement", "key_set_id")
    note = fields.Text()

    _sql_constraints = [
        (
            "key_count_positive",
            "CHECK(key_count > 0)",
            "A key set holds at least one key.",
        )
    ]

    @api.depends("loan_ids.date_returned")
    def _compute_current_loan_id(self):
        for key_set in self:
            key_set.current_loan_id = key_set.loan_ids.filtered(
                lambda loan: not loan.date_returned
            )[:1]
            key_set.loan_count = len(key_set.loan_ids)

    @api.depends("name", "unit_id.code")
    def _compute_display_name(self):
        for key_set in self:
            key_set.display_name = f"{key_set.unit_id.code} / {key_set.name}"

    def _lock_for_update(self):
        """Row-lock the key sets until the end of the transaction.

        Two users, jobs or imports lending the same set at the same moment
        are serialised here: the second one waits for the first, then gets
        "being lent by someone else right now" (a ``UserError``, whoever
        calls: no raw serialisation failure outside Odoo's HTTP retry).
        """
        if not self.ids:
            return
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM property_key_set WHERE id IN %s FOR UPDATE",
                        tuple(self.ids),
                    )
                )
        except (errors.SerializationFailure, errors.LockNotAvailable) as exc:
            raise UserError(
                self.env._(
                    "Key set %(key_sets)s is being lent or returned by someone else "
                    "right now. Refresh and check the key ledger.",
                    key_sets=", ".join(self.sudo().mapped("display_name")),
                )
            ) from exc
        self.invalidate_recordset(["state"])

    def action_lend(self):
        self.ensure_one()
        if self.state != "in_cabinet":
            raise UserError(
                self.env._(
                    "Key set %(key_set)s is not in the cabinet.",
                    key_set=self.display_name,
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_key_loan_action"
        )
        action.update(
            view_mode="form",
            views=[(False, "form")],
            target="new",
            context={"default_key_set_id": self.id},
        )
        return action

    def action_return(self):
        self.current_loan_id.action_return()

    def action_mark_missing(self):
        for key_set in self:
            if not key_set.missing_note:
                raise UserError(
                    self.env._(
                        "Record where key set %(key_set)s went before marking "
                        "it missing.",
                        key_set=key_set.display_name,
                    )
                )
        self.write({"state": "missing", "missing_date": fields.Date.today()})

    def action_found(self):
        self.filtered(lambda k: k.state == "missing").write(
            {"state": "in_cabinet", "missing_date": False}
        )

    def action_retire(self):
        if self.filtered(lambda k: k.state == "lent"):
            raise UserError(self.env._("Return the keys before retiring the set."))
        self.write({"state": "retired", "active": False})

    def action_request_replacement(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_key_replacement_action"
        )
        action.update(
            view_mode="form",
            views=[(False, "form")],
            context={"default_key_set_id": self.id},
        )
        return action

    def action_view_loans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_key_loan_action"
        )
        action["domain"] = [("key_set_id", "=", self.id)]
        action["context"] = {"default_key_set_id": self.id}
        return action

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_cs import pii

FINANCE_GROUP = "property_cs.group_finance"


class PropertyDebitMandate(models.Model):
    """Entrusted-collection agreement 银行代扣协议 of an owner for a unit."""

    _name = "property.debit.mandate"
    _description = "Bank Auto-Debit Mandate"
    _inherit = ["property.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _pcs_sequence_code = "property.debit.mandate"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Agreement Number", required=True, copy=False, default="/", tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True, tracking=True
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True, tracking=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    layout_id = fields.Many2one(
        "property.bank.layout",
        string="Bank",
        required=True,
        tracking=True,
        help="The bank's file layout used for this agreement's debits.",
    )
    account_holder = fields.Char(required=True, tracking=True)
    acc_number = fields.Char(
        string="Account Number", required=True, groups=FINANCE_GROUP, copy=False
    )
    acc_number_masked = fields.Char(
        string="Account",
        compute="_compute_acc_number_masked",
        store=True,
        compute_sudo=True,
    )
    date_signed = fields.Date(
        string="Agreement Date", required=True, default=fields.Date.context_today
    )
    agreement_file = fields.Binary(
        string="Signed Agreement", attachment=True, groups=FINANCE_GROUP, copy=False
    )
    agreement_filename = fields.Char(groups=FINANCE_GROUP)
    date_end = fields.Date(string="Ended On", tracking=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("ended", "Ended")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("property.debit.batch.line", "mandate_id")

    _sql_constraints = [
        (
            "date_end_after_signed",
            "CHECK (date_end IS NULL OR date_end >= date_signed)",
            "A mandate cannot end before it was signed.",
        ),
        # partial unique index created in init()
        (
            "unit_active_uniq",
            "",
            "A unit has one active auto-debit mandate: end the current mandate "
            "before activating another one.",
        ),
    ]

    def init(self):
        # One active mandate per unit: the weekly export picks exactly one account.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS property_debit_mandate_unit_active_uniq "
            "ON property_debit_mandate (unit_id) WHERE state = 'active'"
        )

    @api.depends("acc_number")
    def _compute_acc_number_masked(self):
        for mandate in self:
            mandate.acc_number_masked = pii.mask_value(mandate.acc_number, 4, 4)

    @api.constrains("acc_number")
    def _check_acc_number(self):
        for mandate in self.sudo():
            digits = re.sub(r"\s+", "", mandate.acc_number or "")
            if not re.fullmatch(r"\d{8,30}", digits):
                raise ValidationError(
                    self.env._("A bank account number has 8 to 30 digits.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("acc_number"):
                vals["acc_number"] = re.sub(r"\s+", "", vals["acc_number"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("acc_number"):
            vals["acc_number"] = re.sub(r"\s+", "", vals["acc_number"])
        return super().write(vals)

    def action_activate(self):
        for mandate in self:
            if mandate.state != "draft":
                raise UserError(self.env._("Only a draft mandate can be activated."))
            if not mandate.sudo().agreement_file:
                raise UserError(
                    self.env._(
                        "Attach the signed agreement before activating mandate %s.",
                        mandate.name,
                    )
                )
        self.write({"state": "active"})

    def action_end(self):
        self.write({"state": "ended", "date_end": fields.Date.context_today(self)})

    def action_reset_draft(self):
        self.write({"state": "draft", "date_end": False})

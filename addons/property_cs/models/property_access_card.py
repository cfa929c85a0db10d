# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

CARD_TYPES = [
    ("owner", "Owner"),
    ("resident", "Resident"),
    ("staff", "Staff"),
    ("contractor", "Contractor"),
]
HOUSEHOLD_TYPES = ("owner", "resident")
APPROVAL_TYPES = ("staff", "contractor")


class PropertyAccessCard(models.Model):
    """Owner / access card (业主卡 / 门禁卡)."""

    _name = "property.access.card"
    _description = "Access Card"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, name"
    _check_company_auto = True

    name = fields.Char(string="Card Number", required=True, tracking=True, copy=False)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        tracking=True,
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    archive_id = fields.Many2one(
        "property.archive",
        string="Household",
        compute="_compute_archive_id",
        store=True,
        readonly=False,
        index=True,
        help="The unit's archive (household) when the card was issued; the free "
        "card quota counts per household.",
    )
    holder_id = fields.Many2one("res.partner", tracking=True)
    card_type = fields.Selection(
        CARD_TYPES, string="Type", required=True, default="owner", tracking=True
    )
    department = fields.Char(help="Department or company of a staff/contractor card.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "Waiting for Approval"),
            ("active", "Active"),
            ("lost", "Lost"),
            ("void", "Void"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    date_issued = fields.Date(readonly=True, copy=False)
    date_deactivated = fields.Datetime(readonly=True, copy=False)
    date_valid_until = fields.Date(string="Valid Until")
    signature = fields.Binary(string="Holder's Signature", copy=False, attachment=True)
    requested_by_id = fields.Many2one(
        "res.users", string="Requested By (Department Head)", readonly=True, copy=False
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reissued_from_id = fields.Many2one(
        "property.access.card", string="Reissue Of", readonly=True, copy=False
    )
    reissue_ids = fields.One2many("property.access.card", "reissued_from_id")
    loss_note = fields.Text(readonly=True, copy=False)
    # Fee for cards beyond the household's free quota
    currency_id = fields.Many2one(related="company_id.currency_id")
    fee_amount = fields.Monetary(readonly=True, copy=False, tracking=True)
    fee_state = fields.Selection(
        [("due", "Fee Due"), ("invoiced", "Invoiced"), ("waived", "Waived")],
        readonly=True,
        copy=False,
        tracking=True,
    )

    _sql_constraints = [
        (
            "number_project_uniq",
            "unique(name, project_id)",
            "The card number is already used in this project.",
        )
    ]

    @api.depends("unit_id")
    def _compute_archive_id(self):
        for card in self:
            card.archive_id = card.unit_id.archive_id

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        if self.unit_id:
            self.project_id = self.unit_id.project_id
            if not self.holder_id and self.unit_id.current_owner_ids:
                self.holder_id = self.unit_id.current_owner_ids[:1]

    # ------------------------------------------------------------------
    # Fee
    # ------------------------------------------------------------------
    def _household_domain(self):
        self.ensure_one()
        domain = [
            ("card_type", "in", HOUSEHOLD_TYPES),
            ("state", "in", ("active", "lost")),
            ("id", "!=", self.id),
        ]
        if self.archive_id:
            return domain + [("archive_id", "=", self.archive_id.id)]
        return domain + [("unit_id", "=", self.unit_id.id)]

    def _apply_card_fee(self):
        """Record the fee of cards beyond the household's free quota."""
        for card in self:
            if card.card_type not in HOUSEHOLD_TYPES or not card.unit_id:
                continue
            company = card.company_id
            issued = self.sudo().search_count(card._household_domain())
            if issued >= company.pcs_card_free_per_household and company.pcs_card_fee:
                card.write({"fee_amount": company.pcs_card_fee, "fee_state": "due"})
                card._property_invoice_card_fee()

    def _property_invoice_card_fee(self):
        """Hook: property_billing invoices the due fee and sets ``invoiced``."""
        return False

    def action_waive_fee(self):
        if not self.env.user.has_group("property_cs.group_cs_manager"):
            raise UserError(
                self.env._("Only a customer-service manager waives card fees.")
            )
        self.filtered(lambda c: c.fee_state == "due").write({"fee_state": "waived"})

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_activate(self):
        for card in self:
            if card.state not in ("draft", "to_approve"):
                continue
            if card.card_type in APPROVAL_TYPES and not card.approved_by_id:
                raise UserError(
                    self.env._(
                        "Staff and contractor cards need a department-head request "
                        "and the project manager's approval."
                    )
                )
            if card.card_type in HOUSEHOLD_TYPES and not card.unit_id:
                raise UserError(self.env._("An owner or resident card needs a unit."))
            card._apply_card_fee()
            card.write({"state": "active", "date_issued": fields.Date.today()})
        return True

    def action_request_approval(self):
        cards = self.filtered(
            lambda c: c.state == "draft" and c.card_type in APPROVAL_TYPES
        )
        cards.write({"state": "to_approve", "requested_by_id": self.env.uid})
        cards.filtered("project_id.manager_id")._pcs_schedule_activities(
            "mail.mail_activity_data_todo",
            user=lambda card: card.project_id.manager_id,
            summary=lambda card: card.env._("Approve staff/contractor card"),
            notify=True,
        )

    def action_approve(self):
        for card in self.filtered(lambda c: c.state == "to_approve"):
            if (
                self.env.user != card.project_id.manager_id
                and not self.env.user.has_group("property_cs.group_director")
            ):
                raise UserError(
                    self.env._(
                        "Only the project manager approves staff and contractor cards."
                    )
                )
            card.approved_by_id = self.env.user
            card.activity_feedback(["mail.mail_activity_data_todo"])
            card.action_activate()

    def action_void(self):
        self.write({"state": "void", "date_deactivated": fields.Datetime.now()})

    def action_report_loss(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report Card Loss"),
            "res_model": "property.card.loss.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_card_id": self.id},
        }

    def _report_lost(self, note=False):
        """Deactivate at once: the door-control export skips it from now on."""
        self.write(
            {
                "state": "lost",
                "date_deactivated": fields.Datetime.now(),
                "loss_note": note,
            }
        )

    def _prepare_reissue_values(self, number):
        self.ensure_one()
        return {
            "name": number,
            "project_id": self.project_id.id,
            "unit_id": self.unit_id.id,
            "archive_id": self.archive_id.id,
            "holder_id": self.holder_id.id,
            "card_type": self.card_type,
            "department": self.department,
            "reissued_from_id": self.id,
            "approved_by_id": self.approved_by_id.id,
            "date_valid_until": self.date_valid_until,
        }

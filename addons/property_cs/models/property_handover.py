# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyHandover(models.Model):
    """Handover of a unit to its owner (交房/入伙)."""

    _name = "property.handover"
    _description = "Unit Handover"
    _inherit = ["property.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _pcs_sequence_code = "property.handover"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Handover No.",
        required=True,
        copy=False,
        readonly=True,
        default=lambda self: self.env._("New"),
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True, tracking=True
    )
    unit_type = fields.Selection(related="unit_id.unit_type")
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, tracking=True, index=True
    )
    archive_id = fields.Many2one("property.archive", readonly=True, copy=False)
    date = fields.Date(
        string="Handover Date", required=True, default=fields.Date.context_today
    )
    user_id = fields.Many2one(
        "res.users", string="Handled By", default=lambda self: self.env.user
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("done", "Completed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    # Identity
    is_agent = fields.Boolean(string="Received by an Agent")
    agent_name = fields.Char()
    poa_notarised = fields.Boolean(string="Notarised Power of Attorney")
    # Checklist
    item_ids = fields.One2many("property.handover.item", "handover_id", copy=True)
    missing_count = fields.Integer(compute="_compute_progress")
    progress = fields.Float(compute="_compute_progress")
    # Joint inspection
    water_reading = fields.Float(digits=(12, 2))
    electricity_reading = fields.Float(digits=(12, 2))
    gas_reading = fields.Float(digits=(12, 2))
    readings_signed = fields.Boolean(string="Owner Signed the Readings")
    defect_ids = fields.One2many("property.handover.defect", "handover_id")
    # Delivery
    keys_issued = fields.Integer(string="Key Sets Issued")
    cards_issued = fields.Integer(string="Access Cards Issued")
    handbook_issued = fields.Boolean(string="Owner Handbook Issued")
    # Payment
    prepayment_months = fields.Integer(
        default=lambda self: self.env.company.pcs_handover_prepayment_months
    )
    prepayment_amount = fields.Monetary(currency_field="currency_id")
    prepayment_received = fields.Boolean(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    move_in = fields.Boolean(
        string="Moves In Now",
        default=True,
        help="Completing sets the unit Occupied; otherwise Sold, Not Moved In.",
    )
    note = fields.Html()

    @api.depends("item_ids.is_missing", "item_ids.done")
    def _compute_progress(self):
        for handover in self:
            items = handover.item_ids
            handover.missing_count = len(items.filtered("is_missing"))
            handover.progress = (
                100.0 * len(items.filtered("done")) / len(items) if items else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        handovers.filtered(lambda h: not h.item_ids)._fill_checklist()
        return handovers

    def _fill_checklist(self):
        types = self.env["property.handover.item.type"].search(
            [("company_id", "in", [False] + self.company_id.ids)]
        )
        for handover in self:
            existing = handover.item_ids.type_id
            handover.item_ids = [
                fields.Command.create({"type_id": item_type.id})
                for item_type in types
                if item_type not in existing
                and item_type._applies(handover.unit_type, handover.is_agent)
            ]

    def write(self, vals):
        res = super().write(vals)
        if {"is_agent", "unit_id"} & set(vals):
            self._fill_checklist()
        return res

    @api.onchange("is_agent", "unit_id")
    def _onchange_checklist(self):
        self._fill_checklist()

    def action_start(self):
        self.filtered(lambda h: h.state == "draft").write({"state": "in_progress"})
        return True

    def action_cancel(self):
        if self.filtered(lambda h: h.state == "done"):
            raise UserError(self.env._("A completed handover cannot be cancelled."))
        self.write({"state": "cancel"})
        return True

    def _missing_items(self):
        """Human-readable list of what still blocks completion."""
        self.ensure_one()
        missing = []
        for item in self.item_ids.filtered("is_missing"):
            if item.done and item.requires_attachment:
                missing.append(
                    self.env._("%s (scanned copy missing)", item.type_id.name)
                )
            else:
                missing.append(item.type_id.name)
        if self.is_agent and not self.poa_notarised:
            missing.append(self.env._("Notarised power of attorney of the agent"))
        if self.unit_type in ("residence", "shop"):
            if not self.readings_signed:
                missing.append(
                    self.env._(
                        "Meter readings signed by the owner (water, electricity, gas)"
                    )
                )
            if not self.prepayment_received:
                missing.append(
                    self.env._(
                        "%s months of service fee paid in advance",
                        self.prepayment_months,
                    )
                )
        return missing

    def action_complete(self):
        for handover in self:
            if handover.state not in ("draft", "in_progress"):
                raise UserError(self.env._("Handover %s is not open.", handover.name))
            missing = handover._missing_items()
            if missing:
                raise UserError(
                    self.env._(
                        "Handover %(name)s cannot be completed; missing:\n%(items)s",
                        name=handover.name,
                        items="\n".join(f"- {m}" for m in missing),
                    )
                )
            handover._complete()
        return True

    def _complete(self):
        self.ensure_one()
        archive = self.unit_id.archive_id
        if not archive:
            archive = self.env["property.archive"].create(
                {
                    "unit_id": self.unit_id.id,
                    "date_open": self.date,
                    "ownership_ids": [
                        fields.Command.create(
                            {
                                "partner_id": self.partner_id.id,
                                "share": 100.0,
                                "date_start": self.date,
                            }
                        )
                    ],
                }
            )
        elif self.partner_id not in archive.ownership_ids.partner_id:
            raise UserError(
                self.env._(
                    "%(owner)s is not an owner in the current archive of %(unit)s; "
                    "register the ownership change first.",
                    owner=self.partner_id.name,
                    unit=self.unit_id.code,
                )
            )
        self._file_documents(archive)
        self.unit_id.state = "occupied" if self.move_in else "sold_vacant"
        self.write({"state": "done", "archive_id": archive.id})
        self.message_post(
            body=self._pcs_in_company_lang().env._(
                "Handover completed; documents filed into %s.", archive.name
            )
        )

    def _file_documents(self, archive):
        vals_list = []
        for item in self.item_ids.filtered(
            lambda i: i.done and i.type_id.document_type_id
        ):
            attachments = self.env["ir.attachment"].sudo()
            for attachment in item.sudo().attachment_ids:
                attachments |= attachment.copy(
                    {"res_model": "property.archive", "res_id": archive.id}
                )
            vals_list.append(
                {
                    "archive_id": archive.id,
                    "type_id": item.type_id.document_type_id.id,
                    # the archive's words: the company's language
                    "name": item.type_id.with_context(lang=self._pcs_lang()).name,
                    "date_received": self.date,
                    "source": self.name,
                    "attachment_ids": [fields.Command.set(attachments.ids)],
                }
            )
        # Filing is part of the handover, done by the clerk completing it even
        # without an archive consultation right.
        self.env["property.archive.document"].sudo().create(vals_list)

    def action_print(self):
        return self.env.ref("property_cs.action_report_handover").report_action(self)

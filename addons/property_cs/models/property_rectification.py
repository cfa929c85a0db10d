# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyRectification(models.Model):
    """House rectification record (房屋整改记录) for a warranty defect.

    Sent to the developer's construction company; signed off by it, re-checked
    by engineering and accepted by the owner; a copy is filed into the unit's
    archive.
    """

    _name = "property.rectification"
    _description = "Rectification Record"
    _inherit = [
        "property.sequence.mixin",
        "property.signoff.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _pcs_sequence_code = "property.rectification"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Request", index=True, check_company=True
    )
    defect_id = fields.Many2one(
        "property.handover.defect", string="Handover Defect", index=True
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True, tracking=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one("res.partner", string="Owner")
    construction_partner_id = fields.Many2one(
        "res.partner", string="Construction Company", tracking=True
    )
    description = fields.Text(string="Defect", required=True)
    date_registered = fields.Date(
        string="Registered On", required=True, default=fields.Date.context_today
    )
    date_deadline = fields.Date(string="Rectify By", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Registered"),
            ("sent", "Sent to Construction Company"),
            ("rectified", "Rectified"),
            ("checked", "Re-checked by Engineering"),
            ("done", "Accepted by Owner"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    construction_signed_by = fields.Char(string="Signed for the Constructor")
    construction_signed_at = fields.Datetime(readonly=True)
    engineering_user_id = fields.Many2one(
        "res.users", string="Re-checked By", readonly=True
    )
    engineering_checked_at = fields.Datetime(readonly=True)
    owner_signed_at = fields.Datetime(readonly=True)
    archive_document_id = fields.Many2one(
        "property.archive.document", string="Archive Copy", readonly=True
    )

    def action_send(self):
        self._pcs_step(("draft",), {"state": "sent"})

    def action_constructor_signed(self):
        if self.filtered(lambda r: not r.construction_signed_by):
            raise UserError(
                self.env._("Enter who signed for the construction company.")
            )
        self._pcs_step(
            ("sent",),
            {"state": "rectified", "construction_signed_at": fields.Datetime.now()},
        )

    def action_engineering_check(self):
        self._pcs_step(
            ("rectified",),
            {
                "state": "checked",
                "engineering_user_id": self.env.user.id,
                "engineering_checked_at": fields.Datetime.now(),
            },
        )

    def action_owner_accept(self):
        self._pcs_step(
            ("checked",),
            {"state": "done", "owner_signed_at": fields.Datetime.now()},
            signed=True,
        )
        self._file_into_archive()
        tickets = self.ticket_id.filtered(lambda t: not t.stage_id.closed)
        if tickets:
            tickets.write(
                {
                    "stage_id": self.env.ref(
                        "helpdesk_mgmt.helpdesk_ticket_stage_done"
                    ).id
                }
            )

    def _file_into_archive(self):
        doc_type = self.env.ref("property_cs.doc_type_rectification")
        Document = self.env["property.archive.document"].sudo()
        for record in self.filtered(lambda r: r.unit_id.archive_id):
            record.archive_document_id = Document.create(
                {
                    "archive_id": record.unit_id.archive_id.id,
                    "type_id": doc_type.id,
                    "name": record.description[:200],
                    "source": self.env._("Rectification %s", record.name),
                }
            )

    def action_print(self):
        return self.env.ref("property_cs.action_report_rectification").report_action(
            self
        )

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyHandoverItemType(models.Model):
    """A step of the handover checklist, configurable per company."""

    _name = "property.handover.item.type"
    _description = "Handover Checklist Item"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    stage = fields.Selection(
        [
            ("identity", "Identity Check"),
            ("agreement", "Agreements"),
            ("registration", "Resident Registration"),
            ("inspection", "Joint Inspection"),
            ("delivery", "Keys and Cards"),
            ("payment", "Payment"),
        ],
        required=True,
        default="identity",
    )
    mandatory = fields.Boolean(default=True)
    requires_attachment = fields.Boolean(
        help="A scanned copy must be attached before the item counts as done."
    )
    applies_to = fields.Selection(
        [
            ("all", "All Units"),
            ("residence", "Residences"),
            ("shop", "Shops"),
            ("parking", "Parking Spaces"),
            ("residence_shop", "Residences and Shops"),
        ],
        required=True,
        default="all",
    )
    agent_only = fields.Boolean(
        help="Only when an agent receives the unit for the owner."
    )
    document_type_id = fields.Many2one(
        "property.archive.document.type",
        string="File Into Archive As",
        help="On completion the attachments are filed into the archive as this "
        "document.",
    )
    company_id = fields.Many2one("res.company")

    def _applies(self, unit_type, is_agent):
        self.ensure_one()
        if self.agent_only and not is_agent:
            return False
        if self.applies_to == "all":
            return True
        if self.applies_to == "residence_shop":
            return unit_type in ("residence", "shop")
        return self.applies_to == unit_type

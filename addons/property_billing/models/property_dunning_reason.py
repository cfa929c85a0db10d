# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyDunningReason(models.Model):
    _name = "property.dunning.reason"
    _description = "Reason for Not Paying"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_service_problem = fields.Boolean(
        string="Service Problem",
        help="The owner withholds payment over a service problem: logging the "
        "call opens a service request for the department below.",
    )
    team_id = fields.Many2one("helpdesk.ticket.team", string="Department")

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class PropertyOwnership(models.Model):
    _name = "property.ownership"
    _description = "Ownership"
    _inherit = ["property.archive.line.mixin"]
    _order = "date_start desc, id"

    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True, ondelete="restrict"
    )
    share = fields.Float(
        string="Share (%)", digits=(5, 2), required=True, default=100.0
    )
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Valid Until")
    is_household_head = fields.Boolean(string="Household Head", default=True)
    pcs_id_number_masked = fields.Char(
        related="partner_id.pcs_id_number_masked", string="ID Number"
    )
    pcs_phone_masked = fields.Char(
        related="partner_id.pcs_phone_masked", string="Phone"
    )

    _sql_constraints = [
        (
            "share_range",
            "CHECK(share > 0 AND share <= 100)",
            "An ownership share must be above 0% and at most 100%.",
        ),
        (
            "dates_order",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "An ownership cannot end before it starts.",
        ),
    ]

    @api.constrains("share", "date_start", "date_end", "unit_id")
    def _check_share_total(self):
        """The shares of a unit never exceed 100% on any day.

        The total only rises where an ownership starts, so checking every
        start date of the unit's ownerships covers every day.
        """
        for unit in self.unit_id:
            lines = self.sudo().search([("unit_id", "=", unit.id)])
            for day in set(lines.mapped("date_start")):
                active = lines.filtered(
                    lambda o, d=day: o.date_start <= d
                    and (not o.date_end or o.date_end >= d)
                )
                total = sum(active.mapped("share"))
                if float_compare(total, 100.0, precision_digits=2) > 0:
                    raise ValidationError(
                        self.env._(
                            "Unit %(unit)s would be owned %(total)s%% on %(day)s "
                            "(%(owners)s): the shares of a unit cannot exceed 100%% "
                            "at any time. End the previous ownership first.",
                            unit=unit.code,
                            total=round(total, 2),
                            day=day,
                            owners=", ".join(active.partner_id.mapped("name")),
                        )
                    )

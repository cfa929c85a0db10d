# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_cs.models.property_unit import UNIT_TYPES


class PropertyTariff(models.Model):
    _name = "property.tariff"
    _description = "Property Fee Tariff"
    _order = "project_id, product_id, unit_type, date_from desc"
    _check_company_auto = True

    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_type = fields.Selection(
        UNIT_TYPES, help="Leave empty to apply to every unit type of the project."
    )
    product_id = fields.Many2one(
        "product.product",
        string="Fee Item",
        required=True,
        domain="[('pcs_fee_type', 'not in', "
        "(False, 'late_fee', 'deposit', 'deposit_deduction'))]",
    )
    fee_type = fields.Selection(related="product_id.pcs_fee_type", store=True)
    price = fields.Float(
        string="Rate",
        digits="Product Price",
        required=True,
        help="CNY per m² per month, per unit per month, or per metered unit.",
    )
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid Until")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("price_positive", "CHECK(price >= 0)", "A rate cannot be negative."),
        (
            "dates_ordered",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "A tariff cannot end before it starts.",
        ),
    ]

    @api.depends("product_id", "unit_type", "price")
    def _compute_display_name(self):
        types = dict(self._fields["unit_type"].selection)
        for tariff in self:
            tariff.display_name = " / ".join(
                filter(
                    None,
                    [tariff.product_id.display_name, types.get(tariff.unit_type)],
                )
            )

    @api.constrains("project_id", "unit_type", "product_id", "date_from", "date_to")
    def _check_overlap(self):
        for tariff in self:
            domain = [
                ("id", "!=", tariff.id),
                ("project_id", "=", tariff.project_id.id),
                ("product_id", "=", tariff.product_id.id),
                ("unit_type", "=", tariff.unit_type),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", tariff.date_from),
            ]
            if tariff.date_to:
                domain.append(("date_from", "<=", tariff.date_to))
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "Tariff %(tariff)s overlaps another tariff of the same fee "
                        "item and unit type in project %(project)s.",
                        tariff=tariff.display_name,
                        project=tariff.project_id.name,
                    )
                )

    def _select_for(self, unit, product, date):
        """Most specific tariff in ``self`` for a unit, fee item and date."""
        candidates = self.filtered(
            lambda t: t.project_id == unit.project_id
            and t.product_id == product
            and t.unit_type in (False, unit.unit_type)
            and t.date_from <= date
            and (not t.date_to or t.date_to >= date)
        )
        return candidates.sorted(lambda t: not t.unit_type)[:1]

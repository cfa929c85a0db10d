# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .product_template import METERED_FEE_TYPES


class PropertyMeterReading(models.Model):
    _name = "property.meter.reading"
    _description = "Meter Reading"
    _order = "date desc, id desc"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    product_id = fields.Many2one(
        "product.product",
        string="Meter",
        required=True,
        domain=[("pcs_fee_type", "in", METERED_FEE_TYPES)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    previous_value = fields.Float(
        digits=(12, 2),
        compute="_compute_previous_value",
        store=True,
        readonly=False,
        precompute=True,
        help="The current value of the previous reading of this meter; enter the "
        "start value of a replaced meter.",
    )
    current_value = fields.Float(digits=(12, 2), required=True)
    meter_replaced = fields.Boolean(
        help="The meter was replaced since the previous reading: the current value "
        "may be lower than the previous one.",
    )
    consumption = fields.Float(
        digits=(12, 2), compute="_compute_consumption", store=True
    )
    move_line_ids = fields.One2many(
        "account.move.line", "pcs_meter_reading_id", readonly=True
    )
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        compute="_compute_move_id",
        store=True,
        index="btree_not_null",
    )

    @api.depends("unit_id", "product_id", "date")
    def _compute_previous_value(self):
        for reading in self:
            if not (reading.unit_id and reading.product_id):
                reading.previous_value = 0.0
                continue
            domain = [
                ("unit_id", "=", reading.unit_id.id),
                ("product_id", "=", reading.product_id.id),
                ("date", "<=", reading.date or fields.Date.context_today(self)),
            ]
            if reading._origin.id:
                domain.append(("id", "!=", reading._origin.id))
            previous = self.search(domain, order="date desc, id desc", limit=1)
            reading.previous_value = previous.current_value

    @api.depends("previous_value", "current_value", "meter_replaced")
    def _compute_consumption(self):
        for reading in self:
            reading.consumption = max(
                reading.current_value - reading.previous_value, 0.0
            )

    @api.depends("move_line_ids.move_id.state")
    def _compute_move_id(self):
        for reading in self:
            reading.move_id = reading.move_line_ids.move_id.filtered(
                lambda m: m.state != "cancel"
            )[:1]

    @api.constrains("previous_value", "current_value", "meter_replaced")
    def _check_values(self):
        for reading in self:
            if (
                reading.current_value < reading.previous_value
                and not reading.meter_replaced
            ):
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s, %(meter)s: the current reading %(current)s is "
                        "below the previous reading %(previous)s. Tick 'Meter "
                        "Replaced' if the meter was changed.",
                        unit=reading.unit_id.code,
                        meter=reading.product_id.display_name,
                        current=reading.current_value,
                        previous=reading.previous_value,
                    )
                )

    def write(self, vals):
        if self.filtered("move_id") and set(vals) & {
            "current_value",
            "previous_value",
            "unit_id",
            "product_id",
        }:
            raise UserError(self.env._("A billed meter reading cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_billed(self):
        if self.filtered("move_id"):
            raise UserError(self.env._("A billed meter reading cannot be deleted."))

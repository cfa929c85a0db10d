# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

AGE_BUCKETS = [
    ("0_30", "0-30 days"),
    ("31_90", "31-90 days"),
    ("91_180", "91-180 days"),
    ("181_365", "181-365 days"),
    ("365", "Over 365 days"),
]


class PropertyArrearsReport(models.Model):
    """Arrears ageing (欠费账龄) by owner and building.

    One row per open receivable line of a posted property invoice whose due
    date is past: its residual amount in the bucket of its days overdue.  The
    reference day is today (frozen in tests) or ``ageing_date`` in the
    context, so the buckets are those of the day the report is read.
    """

    _name = "property.arrears.report"
    _description = "Arrears Ageing Analysis"
    _auto = False
    _order = "days_overdue desc, id"
    _rec_name = "move_id"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    project_id = fields.Many2one("property.project", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    unit_id = fields.Many2one("property.unit", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Owner", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    billing_kind = fields.Selection(
        selection=lambda self: self.env["account.move"]
        ._fields["pcs_billing_kind"]
        .selection,
        readonly=True,
    )
    period = fields.Date(string="Billing Period", readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    age_bucket = fields.Selection(AGE_BUCKETS, string="Age", readonly=True)
    amount_residual = fields.Monetary(string="Arrears", readonly=True)
    amount_0_30 = fields.Monetary(string="0-30 Days", readonly=True)
    amount_31_90 = fields.Monetary(string="31-90 Days", readonly=True)
    amount_91_180 = fields.Monetary(string="91-180 Days", readonly=True)
    amount_181_365 = fields.Monetary(string="181-365 Days", readonly=True)
    amount_365 = fields.Monetary(string="Over 365 Days", readonly=True)

    @api.model
    def _ageing_date(self):
        return self.env.context.get("ageing_date") or fields.Date.context_today(self)

    @property
    def _table_query(self):
        today = fields.Date.to_date(self._ageing_date())
        days = SQL("(%s::date - aml.date_maturity)", today)

        def bucket(low, high):
            cond = (
                SQL("%s BETWEEN %s AND %s", days, low, high)
                if high
                else SQL("%s > %s", days, low - 1)
            )
            return SQL("CASE WHEN %s THEN aml.amount_residual ELSE 0.0 END", cond)

        return SQL(
            """
            SELECT aml.id,
                   aml.company_id,
                   m.pcs_project_id AS project_id,
                   m.pcs_building_id AS building_id,
                   m.pcs_unit_id AS unit_id,
                   aml.partner_id,
                   m.id AS move_id,
                   m.pcs_billing_kind AS billing_kind,
                   m.pcs_period AS period,
                   aml.date_maturity,
                   %(days)s AS days_overdue,
                   CASE WHEN %(days)s <= 30 THEN '0_30'
                        WHEN %(days)s <= 90 THEN '31_90'
                        WHEN %(days)s <= 180 THEN '91_180'
                        WHEN %(days)s <= 365 THEN '181_365'
                        ELSE '365' END AS age_bucket,
                   aml.amount_residual,
                   %(b1)s AS amount_0_30,
                   %(b2)s AS amount_31_90,
                   %(b3)s AS amount_91_180,
                   %(b4)s AS amount_181_365,
                   %(b5)s AS amount_365
              FROM account_move_line aml
              JOIN account_account acc ON acc.id = aml.account_id
              JOIN account_move m ON m.id = aml.move_id
             WHERE m.pcs_unit_id IS NOT NULL
               AND m.state = 'posted'
               AND m.move_type = 'out_invoice'
               AND acc.account_type = 'asset_receivable'
               AND NOT aml.reconciled
               AND aml.amount_residual > 0
               AND aml.date_maturity < %(today)s
            """,
            days=days,
            today=today,
            b1=bucket(0, 30),
            b2=bucket(31, 90),
            b3=bucket(91, 180),
            b4=bucket(181, 365),
            b5=bucket(366, None),
        )

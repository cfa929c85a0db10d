# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

RATE_FIELD = "collection_rate"


class PropertyCollectionReport(models.Model):
    """Collection rate (收缴率) per project, building and month.

    A read-only SQL model over Odoo Accounting (no copy of the figures): one
    row per posted periodic fee invoice (the amount billed for its period) and
    one row per partial reconciliation of such an invoice with a payment or a
    bank statement line (the amount collected, in the month of the
    reconciliation).  A collection in the invoice's own period (or before it,
    e.g. a prepayment applied on posting) is *collected for the period*; a
    later one is *arrears collected* in that month.  Filters on project,
    building and month reach the ``account_move`` indexes through the
    ``UNION ALL``; the rate is computed from the sums of each group.
    """

    _name = "property.collection.report"
    _description = "Collection Rate Analysis"
    _auto = False
    _order = "period desc, project_id, building_id"
    _rec_name = "period"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    project_id = fields.Many2one("property.project", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    unit_id = fields.Many2one("property.unit", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Billed Partner", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    period = fields.Date(
        string="Month",
        readonly=True,
        help="Month of the billing period for billed amounts, month of the "
        "collection for collected amounts.",
    )
    billed_period = fields.Date(string="Billing Period", readonly=True)
    billed = fields.Monetary(readonly=True)
    collected_period = fields.Monetary(string="Collected for Period", readonly=True)
    arrears_collected = fields.Monetary(readonly=True)
    collected_total = fields.Monetary(string="Collected in Month", readonly=True)
    collection_rate = fields.Float(
        string="Collection Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Collected for the period / billed for the period × 100, computed "
        "from the sums of each group.",
    )

    @property
    def _table_query(self):
        invoice_filter = SQL(
            "m.pcs_billing_kind = 'fee' AND m.state = 'posted' "
            "AND m.move_type = 'out_invoice'"
        )
        return SQL(
            """
            SELECT m.id * 2 AS id,
                   m.company_id,
                   m.pcs_project_id AS project_id,
                   m.pcs_building_id AS building_id,
                   m.pcs_unit_id AS unit_id,
                   m.partner_id,
                   m.id AS move_id,
                   m.pcs_period AS period,
                   m.pcs_period AS billed_period,
                   m.amount_total_signed AS billed,
                   0.0 AS collected_period,
                   0.0 AS arrears_collected,
                   0.0 AS collected_total,
                   0.0 AS collection_rate
              FROM account_move m
             WHERE %(invoice_filter)s
            UNION ALL
            SELECT apr.id * 2 + 1 AS id,
                   m.company_id,
                   m.pcs_project_id,
                   m.pcs_building_id,
                   m.pcs_unit_id,
                   m.partner_id,
                   m.id,
                   date_trunc('month', apr.max_date)::date,
                   m.pcs_period,
                   0.0,
                   CASE WHEN date_trunc('month', apr.max_date)::date
                             <= m.pcs_period
                        THEN apr.amount ELSE 0.0 END,
                   CASE WHEN date_trunc('month', apr.max_date)::date
                             > m.pcs_period
                        THEN apr.amount ELSE 0.0 END,
                   apr.amount,
                   0.0
              FROM account_partial_reconcile apr
              JOIN account_move_line dl ON dl.id = apr.debit_move_id
              JOIN account_move m ON m.id = dl.move_id
              JOIN account_move_line cl ON cl.id = apr.credit_move_id
              JOIN account_move cm ON cm.id = cl.move_id
             WHERE %(invoice_filter)s
               AND cm.move_type = 'entry'
            """,
            invoice_filter=invoice_filter,
        )

    @api.model
    def _rate_of(self, billed, collected):
        return round(collected / billed * 100.0, 2) if billed else 0.0

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """The rate of a group is the ratio of its sums, not an average."""
        wants_rate = any(spec.split(":")[0].strip() == RATE_FIELD for spec in fields)
        if not wants_rate:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        fields = [spec for spec in fields if spec.split(":")[0].strip() != RATE_FIELD]
        fields += ["billed:sum", "collected_period:sum"]
        groups = super().read_group(
            domain, fields, groupby, offset, limit, orderby, lazy
        )
        for group in groups:
            group[RATE_FIELD] = self._rate_of(
                group.get("billed") or 0.0, group.get("collected_period") or 0.0
            )
        return groups

    @api.model
    def _summary(self, domain, groupby):
        """Sums per ``groupby`` (groupby specs, e.g. ``period:month``) for the
        XLSX and PDF reports: list of dicts with billed, collected_period,
        arrears_collected and collection_rate."""
        rows = []
        for *keys, billed, collected, arrears in self._read_group(
            domain,
            groupby,
            ["billed:sum", "collected_period:sum", "arrears_collected:sum"],
            order=", ".join(groupby),
        ):
            row = dict(zip([spec.split(":")[0] for spec in groupby], keys, strict=True))
            row.update(
                billed=billed,
                collected_period=collected,
                arrears_collected=arrears,
                collection_rate=self._rate_of(billed, collected),
            )
            rows.append(row)
        return rows

    # ------------------------------------------------------------------
    # Opening on the latest billed month
    # ------------------------------------------------------------------
    @api.model
    def _pcs_latest_billed_period(self, company=None):
        """First day of the latest month billed by the billing run (posted
        periodic fee invoices) in ``company`` (default: the current
        companies), or ``None`` before the first billing."""
        companies = company or self.env.companies
        move = self.env["account.move"].search(
            [
                ("pcs_billing_kind", "=", "fee"),
                ("state", "=", "posted"),
                ("pcs_period", "!=", False),
                ("company_id", "in", companies.ids),
            ],
            order="pcs_period desc",
            limit=1,
        )
        return move.pcs_period or None

    @api.model
    def action_pcs_open(self):
        """The collection-rate report on the latest billed month (a month
        without any bill showed nothing; billing runs on the 28th for the
        next month, so that month may lie ahead)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_collection_report_action"
        )
        context = {}
        period = self._pcs_latest_billed_period()
        if period:
            today = fields.Date.context_today(self).replace(day=1)
            delta = relativedelta(period, today)
            offset = delta.years * 12 + delta.months
            # the month options of the filter reach from -11 to +1
            if -11 <= offset <= 1:
                context["search_default_filter_period"] = (
                    "month" if not offset else f"month{offset:+d}"
                )
            else:
                context["search_default_group_period"] = 1
        action["context"] = context
        return action

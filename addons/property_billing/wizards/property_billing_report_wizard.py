# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.property_arrears_report import AGE_BUCKETS
from ..models.property_billing import month_end, month_start

BUCKET_FIELDS = [f"amount_{key}" for key, _label in AGE_BUCKETS]


class PropertyBillingReportWizard(models.TransientModel):
    """Monthly billing reports of a project: collection rate per building and
    arrears ageing by building and owner, as XLSX or as the printable monthly
    summary (收费月报)."""

    _name = "property.billing.report.wizard"
    _description = "Billing Reports"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    project_id = fields.Many2one(
        "property.project",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    period = fields.Date(
        string="Month",
        required=True,
        default=lambda self: self._default_period(),
        help="Any day of the month to report on; it opens on the latest month "
        "billed.",
    )

    @api.model
    def _default_period(self):
        return self.env[
            "property.collection.report"
        ]._pcs_latest_billed_period() or month_start(fields.Date.context_today(self))

    # ------------------------------------------------------------------
    # Figures (also used by the XLSX and the QWeb templates)
    # ------------------------------------------------------------------
    def _month(self):
        self.ensure_one()
        return month_start(self.period)

    def _ageing_date(self):
        """Arrears are aged at the end of the month, or today for the
        current month."""
        today = fields.Date.context_today(self)
        return min(today, month_end(self.period))

    def _collection_rows(self):
        """Per building of the project: billed, collected for the period,
        rate, arrears collected in the month, open arrears, target."""
        self.ensure_one()
        Collection = self.env["property.collection.report"]
        domain = [
            ("project_id", "=", self.project_id.id),
            ("period", "=", self._month()),
        ]
        rows = Collection._summary(domain, ["building_id"])
        Arrears = self.env["property.arrears.report"].with_context(
            ageing_date=self._ageing_date()
        )
        open_arrears = {
            building: amount
            for building, amount in Arrears._read_group(
                [("project_id", "=", self.project_id.id)],
                ["building_id"],
                ["amount_residual:sum"],
            )
        }
        by_building = {row["building_id"]: row for row in rows}
        for building in open_arrears:
            by_building.setdefault(
                building,
                {
                    "building_id": building,
                    "billed": 0.0,
                    "collected_period": 0.0,
                    "arrears_collected": 0.0,
                    "collection_rate": 0.0,
                },
            )
        target = self.project_id.collection_target
        result = []
        for building, row in sorted(
            by_building.items(), key=lambda item: item[0].name or ""
        ):
            row["open_arrears"] = open_arrears.get(building, 0.0)
            row["target"] = target
            row["gap"] = (
                round(row["collection_rate"] - target, 2) if row["billed"] else None
            )
            result.append(row)
        return result

    def _collection_total(self):
        self.ensure_one()
        rows = self._collection_rows()
        Collection = self.env["property.collection.report"]
        total = {
            key: sum(row[key] for row in rows)
            for key in (
                "billed",
                "collected_period",
                "arrears_collected",
                "open_arrears",
            )
        }
        total["collection_rate"] = Collection._rate_of(
            total["billed"], total["collected_period"]
        )
        total["target"] = self.project_id.collection_target
        total["gap"] = (
            round(total["collection_rate"] - total["target"], 2)
            if total["billed"]
            else None
        )
        return total

    def _ageing_rows(self):
        """Per building and owner: open arrears in the age buckets."""
        self.ensure_one()
        Arrears = self.env["property.arrears.report"].with_context(
            ageing_date=self._ageing_date()
        )
        aggregates = ["amount_residual:sum"] + [f"{f}:sum" for f in BUCKET_FIELDS]
        rows = []
        for building, partner, total, *buckets in Arrears._read_group(
            [("project_id", "=", self.project_id.id)],
            ["building_id", "partner_id"],
            aggregates,
            order="building_id, partner_id",
        ):
            row = {"building_id": building, "partner_id": partner, "total": total}
            row.update(zip(BUCKET_FIELDS, buckets, strict=True))
            rows.append(row)
        return rows

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref(
            "property_billing.action_report_billing_xlsx"
        ).report_action(self)

    def action_print_summary(self):
        self.ensure_one()
        return self.env.ref(
            "property_billing.action_report_billing_summary"
        ).report_action(self)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

from .property_billing import month_start


class PropertyBilling(models.AbstractModel):
    _inherit = "property.billing"

    @api.model
    def _demo_generate(self):
        """Demo: tariffs for the demo project, last month billed with some
        payments, this month's dunning run with a few calls logged."""
        project = self.env.ref("property_cs.project_sunshine_demo")
        company = project.company_id
        if not company.chart_template:
            return False  # no chart of accounts: nothing to bill
        today = fields.Date.context_today(self)
        period = month_start(month_start(today) - timedelta(days=1))
        # Units without a handover get a billing start so that the demo bills them.
        units = project.unit_ids.filtered("billing_partner_id")
        units.filtered(lambda u: not u.billing_date_start).write(
            {"billing_date_start": period - timedelta(days=365)}
        )
        self.env.flush_all()
        moves = self._billing_run(company, period)
        paid = moves[: len(moves) * 2 // 3]
        if paid:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=paid.ids
            ).create(
                {"payment_date": period + timedelta(days=3), "group_payment": False}
            )._create_payments()
        reasons = [
            self.env.ref("property_billing.dunning_reason_forgot"),
            self.env.ref("property_billing.dunning_reason_service"),
            self.env.ref("property_billing.dunning_reason_money"),
        ]
        run = self.env["property.dunning.run"].create(
            {"company_id": company.id, "period": month_start(today)}
        )
        run.action_prepare_calls()
        for index, line in enumerate(run.line_ids[:3]):
            line.write(
                {
                    "reason_id": reasons[index].id,
                    "promised_date": today + timedelta(days=5),
                    "note": "Demo call",
                }
            )
            line.action_log_call()
        return True

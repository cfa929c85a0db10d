# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _load(self, template_code, company, install_demo, force_create=True):
        res = super()._load(template_code, company, install_demo, force_create)
        # The company can bill now: its journals exist before the first run,
        # and (a new company, or l10n_cn loaded for a Chinese one) it gets
        # its price-included VAT for the fee items.
        company = (
            self.env["res.company"].browse(company.id) if company else self.env.company
        )
        company._pcs_create_fee_journals()
        company._pcs_setup_fee_taxes()
        return res

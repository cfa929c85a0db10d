# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _load(self, template_code, company, install_demo, force_create=True):
        res = super()._load(template_code, company, install_demo, force_create)
        # A company that gets its chart (a new company, or l10n_cn loaded
        # for a Chinese one) gets its price-included VAT for the fee items.
        (company or self.env.company)._pcs_setup_fee_taxes()
        return res

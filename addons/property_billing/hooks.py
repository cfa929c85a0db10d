# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Fee journals of the companies and projects that exist already; the
    companies that already have a chart of accounts get the price-included
    VAT of the fee items (see ``_pcs_setup_fee_taxes``)."""
    companies = env["res.company"].search([])
    companies._pcs_create_fee_journals()
    companies.filtered("chart_template")._pcs_setup_fee_taxes()

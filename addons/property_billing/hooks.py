# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Companies that already have a chart of accounts get the
    price-included VAT of the fee items (see ``_pcs_setup_fee_taxes``)."""
    env["res.company"].search([("chart_template", "!=", False)])._pcs_setup_fee_taxes()

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: one fee journal per project; prices of fee items include VAT.

Periodic fee and late-fee invoices are numbered in their project's journal
from this version on (billing runs of different projects post in parallel).
The journals of the existing projects are created here; invoices already
posted keep their journal and number.

The fee items of the product's data (``noupdate``) get their VAT kind (the
access card is goods, the paid repair a repair; the others follow their fee
type), then every company with a chart of accounts gets its price-included
taxes and the fee items carry them (``res.company._pcs_setup_fee_taxes``,
idempotent)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([])._pcs_create_fee_journals()
    for xmlid, kind in (
        ("property_billing.product_access_card", "goods"),
        ("property_billing.product_special_repair", "repair"),
    ):
        product = env.ref(xmlid, raise_if_not_found=False)
        if product:
            product.product_tmpl_id.pcs_vat_kind = kind
    env["res.company"].search([("chart_template", "!=", False)])._pcs_setup_fee_taxes()

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: one fee journal per project.

Periodic fee and late-fee invoices are numbered in their project's journal
from this version on (billing runs of different projects post in parallel).
The journals of the existing projects are created here; invoices already
posted keep their journal and number."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([])._pcs_create_fee_journals()

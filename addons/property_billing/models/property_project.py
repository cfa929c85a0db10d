# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models
from odoo.tools import SQL


class PropertyProject(models.Model):
    _inherit = "property.project"

    collection_target = fields.Float(
        string="Collection Rate Target (%)",
        default=95.0,
        help="Target collection rate (收缴率) shown in the monthly summary.",
    )
    fee_journal_id = fields.Many2one(
        "account.journal",
        copy=False,
        check_company=True,
        domain="[('type', '=', 'sale'), ('company_id', '=', company_id)]",
        help="Sales journal that numbers this project's periodic fee and late-fee "
        "invoices. Each project has its own, created with the project: billing "
        "runs of different projects then post at the same time instead of "
        "waiting for one numbering sequence.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        projects._create_fee_journals()
        return projects

    # ------------------------------------------------------------------
    # Fee journal
    # ------------------------------------------------------------------
    def _fee_journal_code(self, taken):
        """A free journal code (5 characters at most) for this project: its
        own code, else ``F`` + its code, else ``F`` + its id."""
        self.ensure_one()
        base = re.sub(r"[^A-Z0-9]", "", (self.code or "").upper())
        candidates = [base[:5], f"F{base[:4]}", f"F{self.id % 10000:04d}"]
        candidates += [f"F{n:04d}" for n in range(10000)]
        return next(code for code in candidates if code and code not in taken)

    def _create_fee_journals(self):
        """Create the fee journal of each project that has none (its company
        needs a chart of accounts: a project of a company without one gets its
        journal when the chart is loaded). Returns the projects given one."""
        projects = self.filtered(lambda p: not p.fee_journal_id and p.company_id)
        if not projects:
            return projects
        Journal = (
            self.env["account.journal"]
            .sudo()
            .with_context(mail_create_nolog=True, active_test=False)
        )
        done = self.browse()
        for company in projects.company_id:
            sale = Journal.search(
                [("company_id", "=", company.id), ("type", "=", "sale")], limit=1
            )
            if not sale:
                continue
            taken = set(
                Journal.search([("company_id", "=", company.id)]).mapped("code")
            )
            for project in projects.filtered(lambda p, c=company: p.company_id == c):
                code = project._fee_journal_code(taken)
                taken.add(code)
                journal = Journal.create(
                    {
                        "name": self.env._(
                            "%(project)s Property Fees", project=project.name
                        ),
                        "code": code,
                        "type": "sale",
                        "company_id": company.id,
                        "default_account_id": sale.default_account_id.id,
                        "invoice_reference_type": "invoice",
                    }
                )
                project.sudo().fee_journal_id = journal
                done |= project
        return done

    def _fee_journal(self):
        """The journal of this project's fees: its own, created (under a
        lock) when missing; the company's "Property Fees" journal for a
        project that cannot have one."""
        self.ensure_one()
        if not self.fee_journal_id:
            self._fee_journals_locked()
        return (
            self.sudo().fee_journal_id.sudo(False) or self.company_id._pcs_fee_journal()
        )

    def _fee_journals_locked(self):
        """Create the missing fee journals of ``self`` under a lock of the
        project rows, so that two runs starting at once create each journal
        once (the second waits for the first to commit, then fails with a
        serialization error and starts again on a fresh snapshot, where it
        finds the journals)."""
        missing = self.filtered(lambda p: not p.fee_journal_id)
        if not missing:
            return self.browse()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM property_project WHERE id = ANY(%s) "
                "ORDER BY id FOR NO KEY UPDATE",
                missing.ids,
            ),
            log_exceptions=False,  # a conflict is handled by the billing run
        )
        missing.invalidate_recordset(["fee_journal_id"])
        return missing._create_fee_journals()

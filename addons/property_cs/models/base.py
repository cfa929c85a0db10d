# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Database guarantees that speak the user's language.

Every rule the database guarantees (a unique or check constraint, a partial
unique index created in ``init()``) is declared in the model's
``_sql_constraints`` with its message; a partial unique index is declared
with an empty definition, as Odoo core does for ``account.move``'s
``unique_name``::

    _sql_constraints = [
        ("open_uniq", "", "This key set is already lent: ..."),
    ]

    def init(self):
        self.env.cr.execute("CREATE UNIQUE INDEX IF NOT EXISTS "
                            "property_key_loan_open_uniq ON ...")

Odoo then reflects the message as an ``ir.model.constraint`` (its zh_CN
translation comes from the addon's ``.po``) and turns a violation reaching an
RPC or HTTP call into "The operation cannot be completed: <message>" in the
user's language. This file adds the two paths Odoo leaves raw: imports
(``load`` shows the PostgreSQL text of a partial index and the untranslated
message of a check constraint) and code that handles the violation itself
(jobs, scripts), through :meth:`_pcs_constraint_error`.
"""

import psycopg2

from odoo import models
from odoo.exceptions import ValidationError
from odoo.tools.translate import translate_sql_constraint


class Base(models.AbstractModel):
    _inherit = "base"

    def _pcs_constraint_error(self, exc):
        """The ``ValidationError`` to show for ``exc`` (an ``IntegrityError``
        whose transaction was rolled back to a savepoint), or ``None`` when
        the violated constraint is not declared in a model's
        ``_sql_constraints``."""
        name = getattr(getattr(exc, "diag", None), "constraint_name", None)
        if not name or name not in self.env.registry._sql_constraints:
            return None
        try:
            message = translate_sql_constraint(
                self.env.cr, name, self.env.lang or "en_US"
            )
        except TypeError:  # not reflected (yet): no message to show
            return None
        return ValidationError(
            self.env._("The operation cannot be completed: %s", message)
        )

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        """Imports: a row refused by a database guarantee gets its message."""
        if not self.env.context.get("import_file"):
            return super()._load_records(
                data_list, update=update, ignore_duplicates=ignore_duplicates
            )
        try:
            # flushed when the savepoint closes, so that the database checks
            # the rows here and not later in ``load``
            with self.env.cr.savepoint():
                return super()._load_records(
                    data_list, update=update, ignore_duplicates=ignore_duplicates
                )
        except psycopg2.IntegrityError as exc:
            error = self._pcs_constraint_error(exc)
            if error is None:
                raise
            raise error from exc

    # ------------------------------------------------------------------
    # Language of the texts the product writes by itself. A clerk's screen
    # follows the clerk's language, but what a job or a button writes into a
    # record (chatter notes, activity summaries, names of weekly summaries and
    # monthly reports, prefilled narratives) is read by everyone: it is
    # written in the company's working language, the language of the
    # company's partner (Settings > Companies), as DOMAIN.md asks.
    # ------------------------------------------------------------------
    def _pcs_company(self):
        """The company of the first record (else the current company)."""
        record = self[:1]
        if "company_id" in self._fields and record.company_id:
            return record.company_id
        return self.env.company

    def _pcs_lang(self):
        """The working language of the record's company."""
        partner = self._pcs_company().sudo().partner_id
        return partner.lang or self.env.lang or "en_US"

    def _pcs_in_company_lang(self):
        """``self`` in its company's language (for texts the system writes)."""
        lang = self._pcs_lang()
        return self if self.env.lang == lang else self.with_context(lang=lang)

    # ------------------------------------------------------------------
    # Printed forms (report/property_form_templates.xml)
    # ------------------------------------------------------------------
    def _pcs_money_unit(self):
        """The unit written after an amount column's title on forms, with its
        brackets and spacing: " (yuan)", 金额（元） in Chinese."""
        currency = self._pcs_company().currency_id
        if currency.name == "CNY":
            return self.env._(" (yuan)")
        return f" ({currency.symbol or currency.name or ''})"

    def _pcs_amount(self, amount):
        """An amount as printed in a form's grid: ``1,234.50``."""
        return f"{amount or 0.0:,.2f}"

    def _pcs_rate_text(self, rate):
        """A rate as printed: ``98.5 %``, or ``—`` when there was nothing to
        measure (``None``), never a 100 % made of nothing."""
        return "—" if rate is None else f"{rate:.1f} %"

    def _pcs_join(self, items):
        """Items of a list as written in a sentence: 甲、乙、丙 in Chinese."""
        items = [item for item in items if item]
        separator = "、" if (self.env.lang or "").startswith("zh") else ", "
        return separator.join(items)

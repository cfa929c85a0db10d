# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class Base(models.AbstractModel):
    """Language of the texts the product writes by itself.

    A clerk's screen follows the clerk's language, but what a job or a button
    writes into a record (chatter notes, activity summaries, names of weekly
    summaries and monthly reports, prefilled narratives) is read by everyone:
    it is written in the company's working language, the language of the
    company's partner (Settings > Companies), as DOMAIN.md asks.
    """

    _inherit = "base"

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

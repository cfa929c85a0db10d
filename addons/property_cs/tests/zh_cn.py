# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Printed forms as a Chinese reader gets them (issue #14).

``ChineseReportMixin.assertReportInChinese`` renders a report for a user and
owners whose language is 简体中文 and fails on any English word of the page
that is not a name or a code of the data (owners, staff, company, units).
``assertEveryReportChecked`` fails when a module has a printed form that no
test renders that way.
"""

import re

from lxml import html as lxml_html

from odoo.tools.translate import code_translations

ZH = "zh_CN"
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z']{2,}")
_TOKEN_RE = re.compile(r"[A-Za-z0-9'_/-]+")
# Words a Chinese form may keep: units, file formats, acronyms of the trade.
KEPT_WORDS = frozenset("PDF CNY QR ID No App".split())


def load_zh_cn(env, modules):
    """Activate 简体中文 and load the translations of ``modules``."""
    env["res.lang"]._activate_lang(ZH)
    env["ir.module.module"].search(
        [("name", "in", list(modules))]
    )._update_translations([ZH])
    # code terms (_() of the report models) are read again from the files
    for module in modules:
        code_translations.python_translations.pop((module, ZH), None)


def english_words(text):
    """English words of ``text``, codes (ARC2026-00326, PROP/2026/00001) left out."""
    words = []
    for token in _TOKEN_RE.findall(text):
        if not any(char.isdigit() for char in token):
            words += _WORD_RE.findall(token)
    return words


class ChineseReportMixin:
    """Mixed into a TransactionCase with the property data of the addon."""

    pcs_report_modules = ("property_cs",)

    @classmethod
    def _pcs_chinese_readers(cls):
        """The company, every user and every owner read Chinese."""
        env = cls.env
        load_zh_cn(env, ("base", "web", "helpdesk_mgmt", *cls.pcs_report_modules))
        env["res.partner"].with_context(active_test=False).search(
            [("lang", "!=", ZH)]
        ).write({"lang": ZH})
        env.invalidate_all()

    def _pcs_allowed_words(self):
        """Words of names and codes of the data (printed as typed)."""
        env = self.env
        names = (
            env["res.partner"].with_context(active_test=False).search([]).mapped("name")
            + env["res.company"].search([]).mapped("name")
            + env["res.users"]
            .with_context(active_test=False)
            .search([])
            .mapped("login")
        )
        words = set(KEPT_WORDS)
        for name in names:
            words.update(_WORD_RE.findall(name or ""))
        return words

    def _pcs_report_text(self, xmlid, records):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang=ZH)
            ._render_qweb_html(xmlid, records.ids)
        )
        tree = lxml_html.fromstring(content)
        for node in tree.xpath("//style|//script|//title"):
            node.drop_tree()
        return " ".join(tree.text_content().split())

    def assertReportInChinese(self, xmlid, records, allowed=()):
        """Render ``xmlid`` for ``records``; no English word outside names."""
        text = self._pcs_report_text(xmlid, records)
        self.assertTrue(re.search(r"[\u4e00-\u9fff]", text), f"{xmlid}: no Chinese")
        allowed_words = self._pcs_allowed_words() | set(allowed)
        english = sorted(
            {word for word in english_words(text) if word not in allowed_words}
        )
        self.assertFalse(
            english, f"{xmlid} printed in zh_CN shows English: {english}\n{text}"
        )
        self.pcs_checked_reports.add(xmlid)
        return text

    def assertEveryReportChecked(self, module):
        """Every printed (QWeb) report of ``module`` went through
        ``assertReportInChinese`` in this class."""
        reports = self.env["ir.actions.report"].search(
            [("report_type", "in", ("qweb-pdf", "qweb-html"))]
        )
        own = {
            xmlid
            for xmlid in reports.get_external_id().values()
            if xmlid.startswith(f"{module}.")
        }
        checked = {
            self.env.ref(xmlid).get_external_id()[self.env.ref(xmlid).id]
            for xmlid in self.pcs_checked_reports
        }
        self.assertFalse(own - checked, "printed forms not checked in zh_CN")

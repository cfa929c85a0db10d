# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Simplified Chinese of OCA helpdesk_mgmt, shipped from this addon.

``i18n/zh_CN.po`` is a complete zh_CN.po of helpdesk_mgmt in OCA's
format (``#. module: helpdesk_mgmt``, its xmlids and code locations), the file
offered upstream (readme/CONTEXT.md). Odoo loads it in two ways:

- **record terms** (fields, selections, stages, teams, views, menus, mail
  templates): every ``.po`` of an addon is read on install, upgrade and
  language loading, and a term is applied to the record of its xmlid, whatever
  module owns the record. Odoo merges the ``.pot`` next to a ``.po`` into it
  and drops the terms the ``.pot`` lacks, so ``i18n/helpdesk_mgmt_zh_cn.pot``
  lists the same helpdesk_mgmt terms (with empty translations).
- **code terms** (``_()`` in helpdesk_mgmt's Python, ``_t()`` in its
  JavaScript): Odoo reads them only from ``helpdesk_mgmt/i18n*/<lang>.po``
  (``odoo.tools.translate.CodeTranslations``). ``post_load`` below makes that
  reader also take the terms of this file for helpdesk_mgmt, after the
  module's own files: a translation helpdesk_mgmt ships itself always wins.
  Nothing installed is modified.
"""

import logging
import os

from odoo.tools import translate

_logger = logging.getLogger(__name__)

TRANSLATED_MODULE = "helpdesk_mgmt"
LANG = "zh_CN"
PO_FILE = os.path.join(os.path.dirname(__file__), "i18n", f"{LANG}.po")


def _read_code_terms(filter_func):
    """Code terms of the shipped file that ``filter_func`` keeps."""
    with open(PO_FILE, "rb") as fileobj:
        return translate.CodeTranslations._read_code_translations_file(
            fileobj, filter_func
        )


def post_load():
    """Add the shipped code terms to helpdesk_mgmt's (server-wide, once)."""
    original = translate.CodeTranslations._get_code_translations
    if getattr(original, "helpdesk_mgmt_zh_cn", False):
        return

    def _get_code_translations(module_name, lang, filter_func):
        translations = original(module_name, lang, filter_func)
        if module_name == TRANSLATED_MODULE and lang == LANG:
            translations = {**_read_code_terms(filter_func), **translations}
        return translations

    _get_code_translations.helpdesk_mgmt_zh_cn = True
    translate.CodeTranslations._get_code_translations = staticmethod(
        _get_code_translations
    )
    # Terms read before this addon was loaded are read again.
    cache = translate.code_translations
    cache.python_translations.pop((TRANSLATED_MODULE, LANG), None)
    cache.web_translations.pop((TRANSLATED_MODULE, LANG), None)
    _logger.debug("helpdesk_mgmt code terms in %s loaded from %s", LANG, PO_FILE)

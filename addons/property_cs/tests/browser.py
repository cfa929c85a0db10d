# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Browser tests: tours and the per-role smoke test in headless Chromium.

``PropertyBrowserMixin`` goes before ``HttpCase`` and one of the shared test
bases (``PropertyTestCommon`` or an extension of it)::

    @tagged("post_install", "-at_install", "property_browser")
    class TestFrontDeskTours(PropertyBrowserMixin, HttpCase, PropertyTestCommon):
        ...

Every browser test class carries the ``property_browser`` tag: ``tools/test``
leaves them out (with one line saying so) where no Chromium can be found.
Users work in 简体中文 (``zh_CN``, with the translations of every module of
the screens loaded), in Shanghai time, on the data the test builds itself
(never on demo records). ``pcs_tour()`` logs one line per tour, which
``tools/test`` lists::

    browser test passed: tour pcs_front_desk_complaint as pcs_front_desk_a
"""

import logging
import unittest

from odoo import Command

_logger = logging.getLogger(__name__)

PHONE_SIZE = "375x667"


class _PendingCatcher(logging.Handler):
    """Collects the ``PCS-PENDING`` lines the browser console logs."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.messages = []

    def emit(self, record):
        message = record.getMessage()
        if "PCS-PENDING " in message and record.name.endswith(".browser"):
            self.messages.append(message.split("PCS-PENDING ", 1)[1].strip())


class PropertyBrowserMixin:
    """zh_CN users, Chinese test data and ``pcs_tour()``."""

    #: modules whose words appear on the screens the tours open
    ZH_MODULES = (
        "base",
        "web",
        "mail",
        "portal",
        "auth_signup",
        "digest",
        "resource",
        "product",
        "uom",
        "analytic",
        "account",
        "account_payment",
        "payment",
        "sms",
        "helpdesk_mgmt",
        "helpdesk_mgmt_zh_cn",
        "report_xlsx",
        "property_cs",
        "property_billing",
        "property_renovation",
        "sms_cn",
        "property_notice",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._pcs_load_chinese()
        cls._pcs_chinese_data()
        internal = cls.env["res.users"].search(
            [("login", "=like", "pcs\\_%"), ("company_ids", "in", cls.company.ids)]
        )
        internal.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        internal.partner_id.write({"lang": "zh_CN"})
        # A Chinese company: what the system writes (chatter, activities) is
        # in its working language.
        cls.company.partner_id.lang = "zh_CN"
        if "tour_enabled" in internal._fields:
            internal.tour_enabled = False

    @classmethod
    def _pcs_load_chinese(cls):
        """Activate 简体中文 and load its words (once per database: a
        database installed with ``--load-language=zh_CN`` has them)."""
        cls.env["res.lang"]._activate_lang("zh_CN")
        menu = cls.env.ref("property_cs.property_root_menu")
        if menu.with_context(lang="zh_CN").name != menu.with_context(lang="en_US").name:
            return
        Module = cls.env["ir.module.module"]
        installed = set(Module.search([("state", "=", "installed")]).mapped("name"))
        Module._load_module_terms(
            [name for name in cls.ZH_MODULES if name in installed], ["zh_CN"]
        )
        cls.env.invalidate_all()

    @classmethod
    def _pcs_chinese_data(cls):
        """The base's records with the names a Chinese company gives them
        (the language check then needs no allowlist for test data)."""
        cls.company.name = "翠湖物业服务有限公司"
        cls.project_a.name = "翠湖花园"
        cls.project_b.name = "星河湾"
        cls.building_a.name = "1号楼"
        cls.building_b.name = "2号楼"
        cls.owner_a.name = "张伟"
        cls.owner_b.name = "李娜"
        for user, name in (
            (cls.front_desk_a, "前台王芳"),
            (cls.front_desk_b, "前台刘洋"),
            (cls.zone_manager, "片区管家陈静"),
            (cls.cs_manager, "客服经理赵敏"),
            (cls.cs_manager_b, "客服经理孙丽"),
            (cls.engineer, "维修工周强"),
            (cls.security_guard, "秩序员吴刚"),
            (cls.finance_user, "收费员郑红"),
            (cls.privacy_officer, "档案员冯涛"),
            (cls.director, "服务中心主任黄磊"),
            (cls.director_b, "服务中心主任何军"),
            (cls.general_manager, "总经理马强"),
        ):
            user.name = name

    @classmethod
    def _pcs_grant(cls, user, *xmlids):
        user.groups_id = [Command.link(cls.env.ref(xmlid).id) for xmlid in xmlids]

    def setUp(self):
        super().setUp()
        self._pcs_pending = []

    def pcs_tour(self, tour, login, url="/odoo", phone=False, **kwargs):
        """Run ``tour`` as ``login`` (at ``url``); ``phone``: in a
        375×667 touch viewport. Logs the line ``tools/test`` lists.

        Checks of the tour marked ``pending`` (another issue fixes them) log
        ``PCS-PENDING #14x: ...`` in the browser console instead of failing:
        they are collected here, and ``pcs_expected_failures()`` at the end
        of the test reports the test skipped as an expected failure."""
        label = f"tour {tour} as {login}" + (" (phone 375x667)" if phone else "")
        size, touch = self.browser_size, self.touch_enabled
        if phone:
            self.browser_size, self.touch_enabled = PHONE_SIZE, True
        catcher = _PendingCatcher()
        logging.getLogger("odoo").addHandler(catcher)
        try:
            self.start_tour(
                url, tour, login=login, timeout=kwargs.pop("timeout", 180), **kwargs
            )
        except unittest.SkipTest:
            raise
        except Exception:
            _logger.info("browser test FAILED: %s", label)
            raise
        finally:
            logging.getLogger("odoo").removeHandler(catcher)
            self.browser_size, self.touch_enabled = size, touch
        if catcher.messages:
            self._pcs_pending += catcher.messages
            _logger.info(
                "browser test passed: %s, EXPECTED FAILURE %s",
                label,
                "; ".join(catcher.messages),
            )
        else:
            _logger.info("browser test passed: %s", label)

    def pcs_expected_failures(self):
        """Skip the test (an expected failure) if a pending check failed."""
        if self._pcs_pending:
            self.skipTest(
                "expected to fail until the issue named is merged: "
                + "; ".join(self._pcs_pending)
            )

    def pcs_browser_js(self, label, url, code, login, **kwargs):
        """``browser_js`` with the line ``tools/test`` lists."""
        try:
            self.browser_js(url, code, login=login, **kwargs)
        except unittest.SkipTest:
            raise
        except Exception:
            _logger.info("browser test FAILED: %s", label)
            raise
        _logger.info("browser test passed: %s", label)

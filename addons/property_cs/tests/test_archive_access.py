# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestArchiveAccess(PropertyTestCommon):
    def _logs(self):
        return self.env["property.archive.access.log"].search(
            [("archive_id", "=", self.archive_a.id)]
        )

    def _request(self, user, reason="Owner asked for a copy of the covenant"):
        request = (
            self.env["property.archive.access.request"]
            .with_user(user)
            .create({"archive_id": self.archive_a.id, "reason": reason})
        )
        request.action_submit()
        return request

    def test_summary_visible_documents_refused_without_approval(self):
        archive = self.archive_a.with_user(self.front_desk)
        self.assertEqual(archive.owner_names, "Owner A")
        self.assertEqual(archive.document_count, 1)
        self.assertFalse(archive.can_view_full)
        self.assertFalse(archive.document_ids)
        with self.assertRaisesRegex(AccessError, "confidential"):
            archive.action_open_full()
        with self.assertRaises(AccessError):
            archive.web_read({"name": {}, "document_ids": {"fields": {"name": {}}}})
        Document = self.env["property.archive.document"]
        self.assertFalse(
            Document.with_user(self.front_desk).search(
                [("archive_id", "=", self.archive_a.id)]
            )
        )
        document = Document.search([("archive_id", "=", self.archive_a.id)])
        with self.assertRaises(AccessError):
            document.with_user(self.front_desk).read(["date_received"])
        self.assertFalse(self._logs())

    def test_submitted_request_is_not_enough(self):
        request = self._request(self.front_desk)
        self.assertEqual(request.state, "submitted")
        with self.assertRaises(AccessError):
            self.archive_a.with_user(self.front_desk).action_open_full()

    def test_only_director_approves(self):
        request = self._request(self.front_desk)
        with self.assertRaisesRegex(UserError, "director"):
            request.with_user(self.privacy_officer).action_approve()

    @freeze_time("2026-03-02 09:00:00")
    def test_approved_view_logged_once_with_reason_and_approver(self):
        request = self._request(self.front_desk)
        request.with_user(self.director).action_approve()
        self.assertEqual(request.date_expire, datetime(2026, 3, 3, 9, 0, 0))
        archive = self.archive_a.with_user(self.front_desk)
        self.assertTrue(archive.can_view_full)
        spec = {"name": {}, "document_ids": {"fields": {"type_id": {}}}}
        form = archive.action_open_full()
        opened = archive.with_context(**form["context"])
        data = opened.web_read(spec)
        self.assertEqual(len(data[0]["document_ids"]), 1)
        opened.web_read(spec)  # reload after a save: not a new consultation
        log = self._logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.front_desk)
        self.assertEqual(log.action, "view")
        self.assertEqual(log.reason, "Owner asked for a copy of the covenant")
        self.assertEqual(log.approver_id, self.director)
        self.assertEqual(log.request_id, request)

    def test_approval_expires(self):
        with freeze_time("2026-03-02 09:00:00"):
            request = self._request(self.front_desk)
            request.with_user(self.director).action_approve()
        with freeze_time("2026-03-03 09:00:01"):
            self.assertFalse(self.archive_a.with_user(self.front_desk).can_view_full)
            self.env["property.archive.access.request"]._cron_expire()
            self.assertEqual(request.state, "expired")
            with self.assertRaises(AccessError):
                self.archive_a.with_user(self.front_desk).action_open_full()

    def test_print_is_logged(self):
        self.env["ir.actions.report"].with_user(self.director)._render_qweb_html(
            "property_cs.action_report_archive_cover", self.archive_a.ids
        )
        log = self._logs()
        self.assertEqual(log.action, "print")
        self.assertEqual(log.user_id, self.director)

    def test_log_is_append_only_even_for_admin(self):
        archive = self.archive_a.with_user(self.director)
        with self.assertRaisesRegex(UserError, "purpose"):
            archive.web_read({"document_ids": {"fields": {}}})
        action = archive.action_open_full()
        self.assertEqual(action["res_model"], "property.archive.open.wizard")
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.director)
            .with_context(**action["context"])
            .create({"purpose": "audit", "reason": "Yearly file audit"})
        )
        form = wizard.action_open()
        # the form opening
        archive.with_context(**form["context"]).web_read(
            {"document_ids": {"fields": {}}}
        )
        log = self._logs()
        self.assertEqual(log.purpose, "audit")
        self.assertEqual(log.reason, "Yearly file audit")
        self.assertEqual(len(log), 1)
        with self.assertRaises(UserError):
            log.write({"reason": "nothing happened"})
        with self.assertRaises(UserError):
            log.sudo().write({"reason": "nothing happened"})
        with self.assertRaises(UserError):
            log.sudo().unlink()
        with self.assertRaises(AccessError):
            self.env["property.archive.access.log"].with_user(self.front_desk).create(
                {"user_id": self.front_desk.id, "action": "view"}
            )

    def test_each_opening_is_logged_once(self):
        """One row per opening where the user opens the archive: reloads of
        that opening write nothing, a second opening minutes later writes a
        second row, and the documents are never read outside an opening."""
        spec = {"name": {}, "document_ids": {"fields": {"type_id": {}}}}
        with freeze_time("2026-03-02 09:00:00"):
            request = self._request(self.front_desk)
            request.with_user(self.director).action_approve()
            archive = self.archive_a.with_user(self.front_desk)
            with self.assertRaisesRegex(UserError, "Open Full Archive"):
                archive.web_read(spec)
            first = archive.action_open_full()
            self.assertEqual(len(self._logs()), 1)
            archive.with_context(**first["context"]).web_read(spec)
            archive.with_context(**first["context"]).web_read(spec)  # a reload
        with freeze_time("2026-03-02 09:02:00"):
            second = archive.action_open_full()
            data = archive.with_context(**second["context"]).web_read(spec)
        self.assertEqual(len(data[0]["document_ids"]), 1)
        logs = self._logs()
        self.assertEqual(len(logs), 2)
        self.assertEqual(logs.mapped("action"), ["view", "view"])
        # someone else's opening does not open the documents for the director
        with self.assertRaisesRegex(UserError, "Open Full Archive"):
            self.archive_a.with_user(self.director).with_context(
                **second["context"]
            ).web_read(spec)
        # an archive manager's opening ends with the access validity (24 h)
        with freeze_time("2026-03-02 10:00:00"):
            action = self.archive_a.with_user(self.director).action_open_full()
            wizard = (
                self.env[action["res_model"]]
                .with_user(self.director)
                .with_context(**action["context"])
                .create({"purpose": "audit", "reason": "Yearly file audit"})
            )
            opened = self.archive_a.with_user(self.director).with_context(
                **wizard.action_open()["context"]
            )
            opened.web_read(spec)
        with freeze_time("2026-03-03 10:00:01"):
            with self.assertRaisesRegex(UserError, "Open Full Archive"):
                opened.web_read(spec)
        self.assertEqual(len(self._logs()), 3)

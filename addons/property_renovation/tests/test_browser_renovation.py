# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Renovation through permit in Chromium, each step as the person who does
it, in 简体中文 (static/tests/tours/renovation_tours.js)."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_cs.tests.browser import PropertyBrowserMixin

from .common import RenovationTestCommon

PAID = ("paid", "in_payment")


@tagged("post_install", "-at_install", "property_browser")
class TestRenovationTours(PropertyBrowserMixin, HttpCase, RenovationTestCommon):
    chart_template = "cn"  # a Chinese company: l10n_cn, CNY

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner.name = "张建国"
        cls.contractor.name = "安居装饰工程有限公司"
        # The front desk takes the owner's application and submits it to
        # the engineering review (engineer 周强 reviews).
        cls.renovation = cls._create_renovation(
            principal_name="王建军",
            worker_ids=[
                Command.create({"name": "李强", "trade": "电工"}),
                Command.create({"name": "王磊", "trade": "瓦工"}),
            ],
        )
        cls.renovation.with_user(cls.front_desk_a).action_submit()
        cls.url = (
            "/odoo/action-property_renovation.property_renovation_action/"
            f"{cls.renovation.id}"
        )

    def test_review_fees_permit(self):
        """The engineer approves the review, the front desk briefs the site
        and invoices the fees, the cashier registers their payment, the
        front desk issues the permit and the workers' passes."""
        renovation = self.renovation
        self.pcs_tour("pcs_engineer_review", self.engineer.login)
        self.assertEqual(renovation.state, "approved")
        self.assertTrue(renovation.date_reviewed)

        # On site, the front desk briefs the contractor and the owner signs.
        at_desk = renovation.with_user(self.front_desk_a)
        at_desk.write(
            {
                "pre_condition": "墙面完好，管线无破损",
                "forbidden_acts_ack": True,
                "agreement_signed": True,
                "commitment_signed": True,
            }
        )
        at_desk.action_record_briefing()
        at_desk.action_invoice()
        self.assertEqual(renovation.fee_move_id.payment_state, "not_paid")
        self.assertEqual(renovation.deposit_id.state, "invoiced")

        self.pcs_tour(
            "pcs_cashier_renovation_fees", self.finance_user.login, url=self.url
        )
        self.assertIn(renovation.fee_move_id.payment_state, PAID)
        self.assertIn(renovation.deposit_id.invoice_id.payment_state, PAID)
        self.assertEqual(renovation.deposit_id.state, "held")
        payments = (
            renovation.fee_move_id | renovation.deposit_id.invoice_id
        ).matched_payment_ids
        self.assertEqual(len(payments), 2)
        self.assertEqual(payments.create_uid, self.finance_user)

        self.pcs_tour("pcs_front_desk_permit", self.front_desk_a.login, url=self.url)
        self.assertEqual(renovation.state, "works")
        self.assertTrue(renovation.permit_no.startswith("ZXZ"))
        self.assertTrue(renovation.date_permit)
        self.assertEqual(set(renovation.worker_ids.mapped("pass_state")), {"issued"})
        self.assertTrue(renovation.archive_document_id)
        self.pcs_expected_failures()

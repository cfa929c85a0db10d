# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PropertyTestCommon


@tagged("post_install", "-at_install")
class TestHandover(PropertyTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = cls.env["res.partner"].create({"name": "New Buyer"})
        cls.scan = cls.env["ir.attachment"].create(
            {"name": "id.pdf", "raw": b"%PDF scan", "res_model": "res.partner"}
        )

    def _handover(self, **vals):
        return (
            self.env["property.handover"]
            .with_user(self.front_desk)
            .create({"unit_id": self.unit_a2.id, "partner_id": self.buyer.id, **vals})
        )

    def _tick_all(self, handover):
        for item in handover.item_ids:
            vals = {"done": True}
            if item.requires_attachment:
                vals["attachment_ids"] = [(4, self.scan.id)]
            item.write(vals)
        handover.write({"readings_signed": True, "prepayment_received": True})

    def test_checklist_follows_unit_type(self):
        handover = self._handover()
        names = handover.item_ids.type_id
        self.assertIn(
            self.env.ref("property_cs.handover_item_service_agreement"), names
        )
        self.assertNotIn(
            self.env.ref("property_cs.handover_item_shop_agreement"), names
        )
        self.assertNotIn(self.env.ref("property_cs.handover_item_poa"), names)
        handover.is_agent = True
        self.assertIn(
            self.env.ref("property_cs.handover_item_poa"), handover.item_ids.type_id
        )

    def test_refuses_with_missing_item_naming_it(self):
        handover = self._handover()
        handover.action_start()
        self._tick_all(handover)
        contract = handover.item_ids.filtered(
            lambda i: i.type_id
            == self.env.ref("property_cs.handover_item_purchase_contract")
        )
        contract.attachment_ids = [(5,)]
        handover.prepayment_received = False
        with self.assertRaisesRegex(
            UserError,
            "Purchase contract checked and copied \\(scanned copy missing\\)"
            "(.|\\n)*3 months of service fee",
        ):
            handover.action_complete()
        self.assertEqual(handover.state, "in_progress")
        self.assertEqual(self.unit_a2.state, "unsold")
        self.assertFalse(self.unit_a2.archive_id)

    def test_agent_needs_notarised_power_of_attorney(self):
        handover = self._handover(is_agent=True, agent_name="Agent Zhang")
        handover.action_start()
        self._tick_all(handover)
        with self.assertRaisesRegex(UserError, "Notarised power of attorney"):
            handover.action_complete()
        handover.poa_notarised = True
        handover.action_complete()
        self.assertEqual(handover.state, "done")

    def test_completion_files_documents_and_sets_unit(self):
        handover = self._handover(move_in=False)
        handover.action_start()
        self._tick_all(handover)
        handover.action_complete()
        archive = self.unit_a2.archive_id
        self.assertTrue(archive)
        self.assertEqual(handover.archive_id, archive)
        self.assertEqual(self.unit_a2.current_owner_ids, self.buyer)
        self.assertEqual(self.unit_a2.state, "sold_vacant")
        docs = archive.sudo().document_ids
        self.assertIn(self.env.ref("property_cs.doc_type_owner_id"), docs.type_id)
        self.assertIn(
            self.env.ref("property_cs.doc_type_handover_certificate"), docs.type_id
        )
        owner_id_doc = docs.filtered(
            lambda d: d.type_id == self.env.ref("property_cs.doc_type_owner_id")
        )
        self.assertEqual(owner_id_doc.attachment_ids.raw, b"%PDF scan")
        self.assertEqual(owner_id_doc.source, handover.name)
        self.assertNotIn(
            self.env.ref("property_cs.doc_type_power_of_attorney"), docs.type_id
        )

    def test_move_in_sets_occupied(self):
        handover = self._handover(move_in=True)
        handover.action_start()
        self._tick_all(handover)
        handover.action_complete()
        self.assertEqual(self.unit_a2.state, "occupied")
        with self.assertRaises(UserError):
            handover.action_cancel()

    def test_handover_form_prints(self):
        handover = self._handover()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "property_cs.action_report_handover", handover.ids
        )[0]
        self.assertIn(handover.name.encode(), html)

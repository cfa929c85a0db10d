# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prices include VAT (含税价): the owner pays the tariff, the card fee, the
accepted repair price; the VAT is inside. Run for a Chinese company on the
l10n_cn chart (CNY) and for a company on Odoo's generic chart."""

from datetime import date

from odoo.tests import freeze_time, tagged

from .common import BILLING_START, PropertyBillingTestCommon
from .test_paid_repair import SIGNATURE

JUNE = date(2026, 6, 1)


class VatCases:
    """The cases, run by both companies (``allow_inherited_tests_method``)."""

    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 86.58 m² × 2.50 = 216.45 a month, VAT included.
        cls.Tariff.create(
            {
                "project_id": cls.project.id,
                "product_id": cls.service_fee.id,
                "unit_type": "shop",
                "price": 2.50,
                "date_from": BILLING_START,
            }
        )
        cls.shop = cls._create_units(1, prefix="S", area=86.58, unit_type="shop")
        cls.company.write({"pcs_card_free_per_household": 3, "pcs_card_fee": 50.0})

    def _tax(self, kind):
        return self.company[f"pcs_tax_{kind}_id"]

    def _company_taxes(self, xmlid):
        product = self.env.ref(xmlid)
        return product.taxes_id.filtered(lambda t: t.company_id == self.company)

    def assertVatInside(self, move, total, rate):
        """The invoice's total is the quoted amount, the VAT is inside it."""
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.currency_id, self.company.currency_id)
        self.assertAlmostEqual(move.amount_total, total, places=2)
        untaxed = sum(
            move.currency_id.round(line.price_total / (1 + rate / 100.0))
            for line in move.invoice_line_ids
        )
        self.assertAlmostEqual(move.amount_untaxed, untaxed, places=2)
        self.assertAlmostEqual(move.amount_tax, round(total - untaxed, 2), places=2)
        self.assertEqual(set(move.invoice_line_ids.tax_ids.mapped("amount")), {rate})
        self.assertTrue(all(move.invoice_line_ids.tax_ids.mapped("price_include")))

    # ------------------------------------------------------------------
    def test_fee_items_carry_price_included_vat(self):
        rates = {
            "service": 6.0,
            "water": 9.0,
            "electricity": 13.0,
            "gas": 9.0,
            "goods": 13.0,
            "repair": 13.0,
        }
        for kind, rate in rates.items():
            tax = self._tax(kind)
            self.assertEqual(tax.company_id, self.company, kind)
            self.assertEqual((tax.amount, tax.amount_type), (rate, "percent"), kind)
            self.assertTrue(tax.price_include, kind)
            self.assertEqual(tax.type_tax_use, "sale", kind)
        expected = {
            "property_billing.product_service_fee": "service",
            "property_billing.product_parking": "service",
            "property_billing.product_water": "water",
            "property_billing.product_electricity": "electricity",
            "property_billing.product_gas": "gas",
            "property_billing.product_access_card": "goods",
            "property_billing.product_special_repair": "repair",
            "property_billing.product_late_fee": "service",
        }
        for xmlid, kind in expected.items():
            self.assertEqual(self._company_taxes(xmlid), self._tax(kind), xmlid)
        for xmlid in (
            "property_billing.product_deposit",
            "property_billing.product_deposit_deduction",
        ):
            self.assertFalse(self._company_taxes(xmlid), xmlid)
            self.assertEqual(self.env.ref(xmlid).pcs_vat_kind, "none")

    def test_setup_is_idempotent_and_follows_settings(self):
        Tax = self.env["account.tax"].with_context(active_test=False)
        count = Tax.search_count([("company_id", "=", self.company.id)])
        taxes = {kind: self._tax(kind) for kind in ("service", "water", "goods")}
        self.company._pcs_setup_fee_taxes()
        self.company._pcs_setup_fee_taxes()
        self.assertEqual(
            Tax.search_count([("company_id", "=", self.company.id)]), count
        )
        self.assertEqual({k: self._tax(k) for k in taxes}, taxes)
        # The company sells water under the 3% simplified method: choosing
        # that tax in the settings moves the water fee item to it.
        simple = self._tax("water").copy(
            {
                "name": "3% water incl.",
                "amount": 3.0,
                "price_include_override": "tax_included",
            }
        )
        settings = self.env["res.config.settings"].create({})
        settings.pcs_tax_water_id = simple
        settings.execute()
        self.assertEqual(self._company_taxes("property_billing.product_water"), simple)
        self.assertEqual(
            self._company_taxes("property_billing.product_service_fee"),
            taxes["service"],
        )
        # A new fee item gets the tax of its kind at once.
        parking2 = self.env["product.product"].create(
            {"name": "Visitor Parking", "type": "service", "pcs_fee_type": "parking"}
        )
        self.assertEqual(parking2.pcs_vat_kind, "service")
        self.assertEqual(
            parking2.taxes_id.filtered(lambda t: t.company_id == self.company),
            taxes["service"],
        )
        parking2.pcs_vat_kind = "none"
        self.assertFalse(
            parking2.taxes_id.filtered(lambda t: t.company_id == self.company)
        )

    def test_billing_run_total_is_the_tariff(self):
        invoice = self.Billing._billing_run(self.company, JUNE)
        self.assertEqual(invoice.pcs_unit_id, self.shop)
        line = invoice.invoice_line_ids
        self.assertEqual((line.quantity, line.price_unit), (86.58, 2.50))
        # 216.45 paid; 216.45 / 1.06 = 204.20 service, 12.25 VAT
        self.assertVatInside(invoice, 216.45, 6.0)
        self.assertAlmostEqual(invoice.amount_untaxed, 204.20, places=2)
        self.assertAlmostEqual(invoice.amount_tax, 12.25, places=2)
        self.assertAlmostEqual(invoice.amount_residual, 216.45, places=2)

    def test_fourth_card_costs_fifty(self):
        Card = self.env["property.access.card"]
        cards = Card.create(
            [
                {
                    "name": f"VAT-{i}",
                    "unit_id": self.shop.id,
                    "project_id": self.project.id,
                }
                for i in range(4)
            ]
        )
        cards.action_activate()
        fourth = cards.filtered("fee_state")
        self.assertEqual(len(fourth), 1)
        self.assertEqual(fourth.fee_amount, 50.0)
        # 50.00 paid; 50 / 1.13 = 44.25 goods, 5.75 VAT
        self.assertVatInside(fourth.fee_move_id, 50.0, 13.0)
        self.assertAlmostEqual(fourth.fee_move_id.amount_tax, 5.75, places=2)

    @freeze_time("2026-06-10")
    def test_paid_repair_total_is_the_accepted_price(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Replace the tap",
                "description": "Dripping tap",
                "pcs_unit_id": self.shop.id,
                "pcs_category": "paid_repair",
                "pcs_accountable_user_id": self.env.user.id,
            }
        )
        order = self.env["property.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "description": "Replace the tap",
                "user_id": self.env.user.id,
                "labour_amount": 80.0,
                "material_amount": 45.0,
            }
        )
        order.action_quote()
        order.action_accept_price()
        self.assertEqual(order.quoted_amount, 125.0)
        order.action_dispatch()
        order.action_on_site()
        order.owner_signature = SIGNATURE
        order.action_done()
        # 125.00 accepted, 125.00 invoiced: 80 / 1.13 + 45 / 1.13 = 70.80 + 39.82
        self.assertVatInside(order.repair_move_id, 125.0, 13.0)
        self.assertAlmostEqual(order.repair_move_id.amount_tax, 14.38, places=2)

    def test_late_fee_vat_inside_deposit_without_vat(self):
        invoice = self.Billing._billing_run(self.company, JUNE)
        LateFee = self.env["property.late.fee"]
        LateFee._late_fee_run(self.company, date(2026, 7, 1))
        # 216.45 × 23 days (8–30 June) × 0.05% = 2.49
        late = self.Move.search(
            [("pcs_unit_id", "=", self.shop.id), ("pcs_billing_kind", "=", "late_fee")]
        )
        self.assertEqual(late.invoice_line_ids.price_unit, 2.49)
        self.assertVatInside(late, 2.49, 6.0)
        self.assertEqual(invoice.amount_total, 216.45)
        deposit = self.env["property.deposit"].create(
            {
                "kind": "key",
                "partner_id": self.shop.billing_partner_id.id,
                "unit_id": self.shop.id,
                "amount": 500.0,
            }
        )
        deposit.action_invoice()
        self.assertEqual(deposit.invoice_id.amount_total, 500.0)
        self.assertEqual(deposit.invoice_id.amount_tax, 0.0)
        self.assertFalse(deposit.invoice_id.invoice_line_ids.tax_ids)


@tagged("post_install", "-at_install")
class TestVatChineseCompany(VatCases, PropertyBillingTestCommon):
    """A Chinese property company: l10n_cn chart of accounts, CNY."""

    chart_template = "cn"
    country_code = "CN"

    def test_chinese_chart_taxes_reused(self):
        self.assertEqual(self.company.currency_id.name, "CNY")
        self.assertEqual(self.company.chart_template, "cn")
        for kind, rate in (("service", 6), ("water", 9), ("goods", 13)):
            tax = self._tax(kind)
            # the copy of l10n_cn's 增值税 of that rate: its group and the
            # 2221 应交税费 account
            self.assertEqual(tax.tax_group_id.name, f"VAT {rate}%")
            accounts = tax.invoice_repartition_line_ids.account_id
            self.assertEqual(len(accounts), 1)
            self.assertTrue(accounts.code.startswith("2221"), accounts.code)
        self.assertEqual(self._tax("service").name, "6% incl.")
        zh = self._tax("service").with_context(lang="zh_CN")
        if self.env["res.lang"]._lang_get("zh_CN"):
            self.assertEqual(zh.name, "6%（含税）")

    def test_two_companies_keep_their_own_taxes(self):
        other = self.setup_other_company(name="绿城物业")["company"]
        service = self.env.ref("property_billing.product_service_fee")
        mine = service.taxes_id.filtered(lambda t: t.company_id == self.company)
        theirs = service.taxes_id.filtered(lambda t: t.company_id == other)
        self.assertEqual(mine, self._tax("service"))
        self.assertEqual(theirs, other.pcs_tax_service_id)
        self.assertNotEqual(mine, theirs)
        other.pcs_tax_service_id = other.pcs_tax_goods_id
        self.assertEqual(
            service.taxes_id.filtered(lambda t: t.company_id == self.company), mine
        )
        self.assertEqual(
            service.taxes_id.filtered(lambda t: t.company_id == other),
            other.pcs_tax_goods_id,
        )


@tagged("post_install", "-at_install")
class TestVatGenericCompany(VatCases, PropertyBillingTestCommon):
    """A company on Odoo's generic chart (English-speaking, USD): its 15%
    excluded sales tax is the template of the price-included ones."""

    def test_generic_chart_gets_included_copies(self):
        self.assertEqual(self.company.chart_template, "generic_coa")
        default = self.company.account_sale_tax_id
        self.assertFalse(default.price_include)
        service = self._tax("service")
        self.assertEqual(service.name, "6% incl.")
        self.assertEqual(service.tax_group_id.name, "VAT 6%")
        self.assertEqual(
            service.invoice_repartition_line_ids.account_id,
            default.invoice_repartition_line_ids.account_id,
        )

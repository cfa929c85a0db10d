/**
 * Finance tour (property_billing/tests/test_browser_tours.py), as the
 * cashier (收费员), in 简体中文.
 */
import { registry } from "@web/core/registry";
import { assertChinese, assertText } from "@property_cs/../tests/tours/pcs_tour_utils";

const tours = registry.category("web_tour.tours");
// codes: the fee journals' (PA/2026/00001, PROP/2026/00001), the fee products'
// internal references ([PF-SVC] 物业服务费, [PF-RENO] 装修管理费, [PF-DEP] 押金)
const CODES = ["PA", "PROP", "PF", "SVC", "RENO", "DEP"];

/** This month in the users' time zone (Asia/Shanghai), as YYYY-MM-01. */
function thisMonth() {
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
    return `${today.slice(0, 7)}-01`;
}

function openMenu(section, item) {
    return [
        {
            content: `Menu ${section}`,
            trigger: `.o_menu_sections [data-menu-xmlid="${section}"]`,
            run: "click",
        },
        {
            content: `Menu ${item}`,
            trigger: `.dropdown-item[data-menu-xmlid="${item}"]`,
            run: "click",
        },
    ];
}

/**
 * 3. The cashier bills building 3 for this month with the billing wizard,
 * opens one of its invoices in Accounting, registers its payment and reads
 * the building's collection rate.
 */
tours.add("pcs_finance_billing", {
    url: "/odoo/action-property_billing.property_invoice_action",
    steps: () => [
        { content: "Fee invoices", trigger: ".o_action_manager .o_view_controller" },
        ...openMenu("property_billing.property_billing_menu", "property_billing.property_billing_wizard_menu"),
        {
            content: "The month to bill: this month (a building handed over)",
            trigger: ".modal .o_field_widget[name=period] input",
            run: `edit ${thisMonth()}`,
        },
        {
            content: "One building",
            trigger: ".modal .o_field_widget[name=building_ids] input",
            run: "edit 3号楼",
        },
        {
            content: "Building 3 of 翠湖花园",
            trigger: ".o-autocomplete--dropdown-item a:contains(3号楼)",
            run: "click",
        },
        {
            content: "Its project comes with it",
            trigger: ".modal .o_field_widget[name=project_ids] .o_tag:contains(翠湖花园)",
        },
        assertText("Two units to bill", ".modal .o_field_widget[name=remaining]", (t) => t === "2"),
        assertChinese("the billing run dialog"),
        { content: "Bill", trigger: ".modal button[name=action_run]", run: "click" },
        {
            content: "The two invoices of building 3",
            trigger:
                "body:not(:has(.modal)) .o_list_view:not(:has(.o_data_row:eq(2))) .o_data_row:eq(1)",
        },
        assertChinese("the billed invoices", { allow: CODES }),
        {
            content: "Open an invoice",
            trigger: ".o_data_row:eq(0) td[name=name]",
            run: "click",
        },
        {
            content: "The invoice is posted",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=posted]",
        },
        assertText(
            "235.00 to pay, VAT 13.30 included",
            ".o_field_widget[name=tax_totals]",
            (t) => t.includes("235.00") && t.includes("13.30")
        ),
        assertChinese("the invoice", { allow: CODES }),
        {
            content: "Register the owner's payment",
            trigger: ".o_form_statusbar button[name=action_register_payment]",
            run: "click",
        },
        assertText("The whole amount", ".modal .o_field_widget[name=amount] input", (t) =>
            t.includes("235.00")
        ),
        assertChinese("the payment dialog", { allow: CODES }),
        {
            content: "Create the payment",
            trigger: ".modal button[name=action_create_payments]",
            run: "click",
        },
        // account's zh_CN: Paid 已支, In Payment 付款中 (Partial would be 部分)
        assertText("The invoice is paid", "body:not(:has(.modal)) .o_form_view .ribbon", (t) =>
            ["已支", "付款中"].includes(t)
        ),
        assertChinese("the paid invoice", { allow: CODES }),
        ...openMenu("property_billing.property_billing_menu", "property_billing.property_collection_report_menu"),
        {
            content: "Billed 470.00, collected 235.00 in the month: 50%",
            trigger: ".o_pivot tr:has(th:contains(3号楼))",
            run() {
                const row = [...document.querySelectorAll(".o_pivot tr")].find((tr) =>
                    tr.querySelector("th")?.textContent.includes("3号楼")
                );
                const text = row.textContent;
                if (!["470.00", "235.00", "50.00"].every((n) => text.includes(n))) {
                    throw new Error(`Building 3 in the collection rate: got "${text}"`);
                }
            },
        },
        assertChinese("the collection rate"),
    ],
});

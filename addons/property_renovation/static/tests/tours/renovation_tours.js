/**
 * Renovation through permit (property_renovation/tests/test_browser_renovation.py),
 * each step as the person who does it, in 简体中文.
 */
import { registry } from "@web/core/registry";
import { assertChinese, assertText } from "@property_cs/../tests/tours/pcs_tour_utils";

const tours = registry.category("web_tour.tours");
// codes: the fee journals' (PA/2026/00001, PROP/2026/00001), the fee products'
// internal references ([PF-SVC] 物业服务费, [PF-RENO] 装修管理费, [PF-DEP] 押金)
const CODES = ["PA", "PROP", "PF", "SVC", "RENO", "DEP"];
const notEmpty = (text) => text.length > 0;
const current = (state) => `.o_statusbar_status button.o_arrow_button_current[data-value=${state}]`;
// account's zh_CN: Paid 已支, In Payment 付款中 (Partial would be 部分)
const paid = (text) => ["已支", "付款中"].includes(text);

/** 5a. The engineer reviews the application and approves it. */
tours.add("pcs_engineer_review", {
    url: "/odoo/action-property_renovation.property_renovation_action",
    steps: () => [
        {
            content: "Owner 张建国's application waits for the review",
            trigger: ".o_data_row td[name=partner_id]:contains(张建国)",
            run: "click",
        },
        { content: "Under review", trigger: current("review") },
        { content: "Review", trigger: ".o_notebook a[name=review]", run: "click" },
        assertText("The review's deadline", ".o_field_widget[name=review_deadline]", notEmpty),
        assertChinese("the application under review"),
        {
            content: "Approve",
            trigger: ".o_form_statusbar button[name=action_approve_review]",
            run: "click",
        },
        { content: "Approved", trigger: current("approved") },
        assertText("Reviewed at", ".o_field_widget[name=date_reviewed]", notEmpty),
        assertChinese("the approved application"),
    ],
});

/** Steps: pay the invoice open on the screen (the owner pays at the desk). */
function payInvoice(label, amount) {
    return [
        { content: `The ${label} invoice is posted`, trigger: current("posted") },
        assertText(`${label}: ${amount}`, ".o_field_widget[name=tax_totals]", (t) =>
            t.includes(amount)
        ),
        assertChinese(`the ${label} invoice`, { allow: CODES }),
        {
            content: `Register the payment of the ${label}`,
            trigger: ".o_form_statusbar button[name=action_register_payment]",
            run: "click",
        },
        assertText("The whole amount", ".modal .o_field_widget[name=amount] input", (t) =>
            t.includes(amount)
        ),
        {
            content: "Create the payment",
            trigger: ".modal button[name=action_create_payments]",
            run: "click",
        },
        assertText(`The ${label} is paid`, "body:not(:has(.modal)) .o_form_view .ribbon", paid),
    ];
}

const back = {
    content: "Back",
    trigger: ".o_breadcrumb .breadcrumb-item:not(.active):last a",
    run: "click",
};

/** 5b. The cashier registers the payment of the fee and of the deposit. */
tours.add("pcs_cashier_renovation_fees", {
    steps: () => [
        { content: "Approved application", trigger: current("approved") },
        { content: "Briefing and fees", trigger: ".o_notebook a[name=permit]", run: "click" },
        assertChinese("the fees of the application", { allow: CODES }),
        {
            content: "The management fee invoice",
            trigger: ".o_field_widget[name=fee_move_id] a",
            run: "click",
        },
        // 100 m² × 5.00 a m²
        ...payInvoice("management fee", "500.00"),
        back,
        { content: "Briefing and fees", trigger: ".o_notebook a[name=permit]", run: "click" },
        assertText("The fee is paid", ".o_field_widget[name=fee_payment_state]", paid),
        {
            content: "The deposit",
            trigger: ".o_field_widget[name=deposit_id] a",
            run: "click",
        },
        { content: "Deposit invoiced", trigger: current("invoiced") },
        assertChinese("the deposit", { allow: CODES }),
        {
            content: "The deposit invoice",
            trigger: ".o_field_widget[name=invoice_id] a",
            run: "click",
        },
        ...payInvoice("deposit", "3,000.00"),
        back,
        { content: "The deposit is held", trigger: current("held") },
        assertChinese("the deposit held", { allow: CODES }),
    ],
});

/** 5c. The front desk issues the permit and the workers' passes. */
tours.add("pcs_front_desk_permit", {
    steps: () => [
        { content: "Approved application", trigger: current("approved") },
        { content: "Briefing and fees", trigger: ".o_notebook a[name=permit]", run: "click" },
        assertText("The fee is paid", ".o_field_widget[name=fee_payment_state]", paid),
        assertText("The deposit is held", ".o_field_widget[name=deposit_state]", (t) =>
            t === "已收存"
        ),
        {
            content: "Issue the permit and the passes",
            trigger: ".o_form_statusbar button[name=action_issue_permit]",
            run: "click",
        },
        { content: "Works under way", trigger: current("works") },
        assertText("Permit number", ".o_field_widget[name=permit_no]", (t) => t.startsWith("ZXZ")),
        assertText("Issued on", ".o_field_widget[name=date_permit]", notEmpty),
        assertChinese("the permit issued", { allow: CODES }),
        { content: "Workers", trigger: ".o_notebook a[name=workers]", run: "click" },
        {
            content: "Each worker has a pass",
            trigger:
                ".o_field_widget[name=worker_ids] .o_data_row:eq(1) td[name=pass_no]:not(:empty)",
        },
        assertChinese("the workers' passes"),
    ],
});

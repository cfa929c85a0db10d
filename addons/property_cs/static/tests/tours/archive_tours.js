/**
 * Owner archives (一户一档): access request, approval, opening with a
 * purpose, the access log and the cover sheet (tests/test_browser_tours.py).
 */
import { registry } from "@web/core/registry";
import { assertChinese, assertText } from "./pcs_tour_utils";

const tours = registry.category("web_tour.tours");
const notEmpty = (text) => text.length > 0;

/** 2a. The director approves the front desk's access request. */
tours.add("pcs_director_approve_access", {
    url: "/odoo/action-property_cs.property_archive_access_request_action",
    steps: () => [
        {
            content: "The front desk's request waits for approval",
            trigger: ".o_data_row td[name=user_id]:contains(前台王芳)",
            run: "click",
        },
        assertChinese("the access request"),
        { content: "Approve", trigger: ".o_form_statusbar button[name=action_approve]", run: "click" },
        {
            content: "Approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=approved]",
        },
        assertText("Valid until", ".o_field_widget[name=date_expire]", notEmpty),
        assertText("Approved by the director", ".o_field_widget[name=approver_id]", (t) =>
            t.includes("黄磊")
        ),
    ],
});

/** 2b. The front desk opens the archive through the approved request. */
tours.add("pcs_clerk_open_archive", {
    steps: () => [
        {
            content: "The approved request",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=approved]",
        },
        {
            content: "Open the archive",
            trigger: ".o_form_statusbar button[name=action_open_archive]",
            run: "click",
        },
        {
            content: "The full archive shows the filed documents",
            trigger: ".o_field_widget[name=document_ids] .o_data_row",
        },
        assertChinese("the full archive"),
    ],
});

/** 2c. The archive clerk opens an archive with a stated purpose and prints its cover sheet. */
tours.add("pcs_archive_clerk_purpose", {
    steps: () => [
        {
            content: "The archive's summary",
            trigger: ".o_form_statusbar button[name=action_open_full]",
            run: "click",
        },
        {
            content: "Purpose of the consultation",
            trigger: ".modal .o_field_widget[name=purpose] select",
            run: 'select "owner_request"',
        },
        {
            content: "Explanation",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit 业主本人申请复印购房合同",
        },
        assertChinese("the purpose dialog"),
        { content: "Open", trigger: ".modal button[name=action_open]", run: "click" },
        {
            content: "The full archive",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=document_ids]",
        },
        {
            content: "Print the cover sheet",
            trigger: ".o_form_statusbar button[name=action_print_cover]",
            run: "click",
        },
        {
            content: "Printed",
            trigger: "body:not(:has(.o_blockUI))",
            run: () => new Promise((resolve) => setTimeout(resolve, 1000)),
        },
    ],
});

/** 2d. The director reads the access log: who, what, why. */
tours.add("pcs_director_access_log", {
    url: "/odoo/action-property_cs.property_archive_access_log_action",
    steps: () => [
        {
            content: "The clerk's opening, with the purpose stated",
            trigger: ".o_data_row:has(td[name=reason]:contains(业主本人申请复印购房合同)) td[name=purpose]:not(:empty)",
        },
        {
            content: "The front desk's opening under the approved request",
            trigger: ".o_data_row:has(td[name=user_id]:contains(前台王芳)) td[name=approver_id]:contains(黄磊)",
        },
        {
            content: "The printed cover sheet",
            trigger: ".o_data_row:has(td[name=user_id]:contains(档案员冯涛)):eq(0)",
        },
        assertChinese("the access log"),
    ],
});

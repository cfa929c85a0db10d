/**
 * The owner's portal (property_renovation/tests/test_browser_portal.py), in
 * 简体中文, on a desktop and on a phone: my units, a repair request for a
 * unit followed on its page, my invoices, a renovation application started
 * from /my and submitted with an upload.
 */
import { registry } from "@web/core/registry";
import {
    assertChinese,
    assertText,
    assertWithinScreen,
    goTo,
} from "@property_cs/../tests/tours/pcs_tour_utils";

const tours = registry.category("web_tour.tours");

const TICKET_FORM = "form[action='/submitted/ticket']";
const UPLOAD_FORM = "form[action$='/upload']";
const SUBMIT_FORM = "form[action$='/submit']";
const NEW_RENOVATION_FORM = "form[action='/my/renovations/new']";

/** Set the value of an input (date inputs are typed per locale). */
function setValue(selector, value) {
    const el = document.querySelector(selector);
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** A step checking that the visible text of `selector` includes `expected`. */
function assertShows(content, selector, expected) {
    return {
        content,
        trigger: selector,
        run() {
            const shown = [...document.querySelectorAll(selector)].some(
                (el) => el.checkVisibility() && el.textContent.includes(expected)
            );
            if (!shown) {
                throw new Error(`${content}: "${expected}" is not shown in ${selector}`);
            }
        },
    };
}

function ownerPortalSteps(phone) {
    const onPhone = (screen, selectors) => (phone ? [assertWithinScreen(screen, selectors)] : []);
    return [
        // /my in Chinese, with the owner's entries from the first day.
        { content: "My account", trigger: ".o_portal_my_home a[href='/my/units']" },
        assertChinese("/my"),
        { content: "My units", trigger: ".o_portal_my_home a[href='/my/units']", run: "click", expectUnloadPage: true },
        {
            content: "My unit A1-1-0101 is listed",
            trigger: "a[href^='/my/units/']:contains(A1-1-0101)",
        },
        assertChinese("my units"),
        { content: "Open the unit", trigger: "a[href^='/my/units/']:contains(A1-1-0101)", run: "click", expectUnloadPage: true },
        {
            content: "The unit page",
            trigger: "#pcs_unit_actions a[href*='/new/ticket?pcs_unit_id=']",
        },
        assertChinese("the unit page"),
        ...onPhone("the unit page", ["#pcs_unit_actions a[href*='/new/ticket?pcs_unit_id=']"]),
        {
            content: "Report a repair here",
            trigger: "#pcs_unit_actions a[href*='/new/ticket?pcs_unit_id=']",
            run: "click",
            expectUnloadPage: true,
        },
        // The request form comes with the unit chosen.
        {
            content: "The request is for unit A1-1-0101",
            trigger: `${TICKET_FORM} select[name=pcs_unit_id]:has(option[selected]:contains(A1-1-0101))`,
        },
        assertChinese("the new request"),
        ...onPhone("the new request", [`${TICKET_FORM} button[type=submit]`]),
        {
            // in the owner's own unit: a special repair (特约维修)
            content: "A repair",
            trigger: `${TICKET_FORM} select[name=pcs_category]`,
            run: "select paid_repair",
        },
        {
            content: "Subject",
            trigger: `${TICKET_FORM} input[name=subject]`,
            run: "edit 卫生间地漏堵塞",
        },
        {
            content: "What happened",
            trigger: `${TICKET_FORM} textarea[name=description]`,
            run: "edit 卫生间地漏堵塞，洗澡时积水，请安排维修。",
        },
        {
            // helpdesk_mgmt's team and category selects, where the company shows them
            content: "Team and category, if asked",
            trigger: TICKET_FORM,
            run() {
                for (const name of ["team", "category"]) {
                    const select = document.querySelector(`${TICKET_FORM} select[name=${name}]`);
                    if (select && !select.value) {
                        select.value = [...select.options].find((o) => o.value)?.value || "";
                    }
                }
            },
        },
        {
            content: "Send the request",
            trigger: `${TICKET_FORM} button[type=submit]`,
            run: "click",
            expectUnloadPage: true,
        },
        // Following it: the request page shows its state and the message box.
        {
            content: "The request page",
            trigger: "#helpdesk_ticket_content:contains(卫生间地漏堵塞)",
        },
        assertText(
            "Its state is shown",
            "#helpdesk_ticket_content span.badge[title]",
            (text) => text.length > 0
        ),
        assertShows("Its unit is shown", "#card_body", "A1-1-0101"),
        {
            content: "The message box",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit 今晚七点后家里有人，请上门。",
        },
        {
            content: "Send the message",
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The message is on the request",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(今晚七点后家里有人)",
        },
        assertChinese("the request page"),
        // My invoices: the bill of March with its amount.
        ...goTo("/my/invoices", "#wrapwrap main:contains(117.50)"),
        assertShows(
            "The amount due is shown",
            phone ? ".list-group.d-md-none .list-group-item" : ".o_portal_my_doc_table tbody tr",
            "117.50"
        ),
        assertChinese("my invoices"),
        ...(phone
            ? [
                  {
                      content: "Pay now",
                      trigger: ".list-group.d-md-none a.btn-primary[href*='portal_pay']",
                  },
                  assertWithinScreen("my invoices", [
                      ".list-group.d-md-none a.btn-primary[href*='portal_pay']",
                  ]),
              ]
            : []),
        // A first renovation application, started from /my.
        ...goTo("/my", ".o_portal_my_home a[href='/my/renovations']"),
        {
            content: "My renovations",
            trigger: ".o_portal_my_home a[href='/my/renovations']",
            run: "click",
            expectUnloadPage: true,
        },
        { content: "Apply", trigger: "a[href='/my/renovations/new']" },
        assertChinese("my renovations"),
        {
            content: "Apply for a renovation",
            trigger: "a[href='/my/renovations/new']",
            run: "click",
            expectUnloadPage: true,
        },
        { content: "The application form", trigger: `${NEW_RENOVATION_FORM} select[name=unit_id]` },
        assertChinese("the renovation application"),
        ...onPhone("the renovation application", [`${NEW_RENOVATION_FORM} button[type=submit]`]),
        {
            content: "Unit A1-1-0101",
            trigger: `${NEW_RENOVATION_FORM} select[name=unit_id]:has(option:contains(A1-1-0101))`,
            run() {
                const select = document.querySelector(`${NEW_RENOVATION_FORM} select[name=unit_id]`);
                const option = [...select.options].find((o) => o.textContent.includes("A1-1-0101"));
                select.value = option.value;
            },
        },
        {
            content: "Contractor",
            trigger: `${NEW_RENOVATION_FORM} input[name=contractor_name]`,
            run: "edit 安居装饰工程有限公司",
        },
        {
            content: "Site principal",
            trigger: `${NEW_RENOVATION_FORM} input[name=principal_name]`,
            run: "edit 张建国",
        },
        {
            content: "Planned dates",
            trigger: `${NEW_RENOVATION_FORM} input[name=date_start]`,
            run() {
                setValue(`${NEW_RENOVATION_FORM} input[name=date_start]`, "2030-06-03");
                setValue(`${NEW_RENOVATION_FORM} input[name=date_end]`, "2030-07-31");
            },
        },
        {
            content: "Scope of works",
            trigger: `${NEW_RENOVATION_FORM} textarea[name=description]`,
            run: "edit 厨房、卫生间翻新，更换地砖",
        },
        {
            content: "Save the application",
            trigger: `${NEW_RENOVATION_FORM} button[type=submit]`,
            run: "click",
            expectUnloadPage: true,
        },
        { content: "The application is saved", trigger: `${UPLOAD_FORM} input[type=file][name=document]` },
        assertChinese("the renovation draft"),
        ...onPhone("the renovation draft", [
            `${UPLOAD_FORM} button[type=submit]`,
            `${SUBMIT_FORM} button[type=submit]`,
        ]),
        {
            content: "Drawings",
            trigger: `${UPLOAD_FORM} select[name=kind]`,
            run: "select drawing",
        },
        {
            content: "Choose the drawing file",
            trigger: `${UPLOAD_FORM} input[type=file][name=document]`,
            run() {
                const input = document.querySelector(`${UPLOAD_FORM} input[type=file][name=document]`);
                const files = new DataTransfer();
                files.items.add(
                    new File(["%PDF-1.4\n% 平面布置图\n"], "平面布置图.pdf", { type: "application/pdf" })
                );
                input.files = files.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Upload it",
            trigger: `${UPLOAD_FORM} button[type=submit]`,
            run: "click",
            expectUnloadPage: true,
        },
        { content: "The drawing is listed", trigger: ".card-body li:contains(平面布置图.pdf)" },
        {
            content: "Submit for review",
            trigger: `${SUBMIT_FORM} button[type=submit]`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Submitted: no submit button any more, under review",
            trigger: `#wrapwrap:not(:has(${SUBMIT_FORM})) .card-header .badge:not(:empty)`,
        },
        assertChinese("the submitted renovation"),
    ];
}

tours.add("pcs_portal_owner", { url: "/my", steps: () => ownerPortalSteps(false) });
tours.add("pcs_portal_owner_phone", { url: "/my", steps: () => ownerPortalSteps(true) });

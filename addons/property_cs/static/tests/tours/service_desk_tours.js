/**
 * Service desk tours (property_cs/tests/test_browser_tours.py), each as the
 * person who does it, in 简体中文.
 */
import { registry } from "@web/core/registry";
import { assertChinese, assertText, assertWithinScreen, goTo } from "./pcs_tour_utils";

const tours = registry.category("web_tour.tours");

const notEmpty = (text) => text.length > 0;
const saved = ".o_form_renderer.o_form_saved";

function pickMany2one(field, search, label) {
    return [
        { content: `Type in ${field}`, trigger: `.o_field_widget[name=${field}] input`, run: `edit ${search}` },
        {
            content: `Choose ${label}`,
            trigger: `.o-autocomplete--dropdown-item a:contains(${label})`,
            run: "click",
        },
    ];
}

/**
 * 1a. Front desk: a phone complaint. Find the unit by the last four digits
 * of the owner's phone, register the complaint (level, owner's deadline),
 * dispatch it to the crew and read the deadlines.
 */
tours.add("pcs_front_desk_complaint", {
    url: "/odoo/action-property_cs.property_unit_action",
    steps: () => [
        { content: "Units list", trigger: ".o_list_view .o_data_row" },
        assertChinese("the units list"),
        {
            content: "Search the last four digits of the caller's phone",
            trigger: ".o_searchview_input",
            run: "edit 5678",
        },
        {
            // the search view's fields: unit, owner, owner's phone, ...
            content: "Search them as the owner's phone",
            trigger: ".o_searchview_autocomplete li.o_menu_item:not(.o_indent):eq(2)",
            run: "click",
        },
        {
            content: "One unit found: owner 张伟's A1-1-0101",
            trigger:
                ".o_list_view:not(:has(.o_data_row:eq(1))) .o_data_row td[name=code]:contains(A1-1-0101)",
            run: "click",
        },
        {
            content: "The unit shows its owner",
            trigger: ".o_form_view .o_field_widget[name=current_owner_ids] .o_tag:contains(张伟)",
        },
        assertChinese("the unit form"),
        ...goTo(
            "/odoo/action-property_cs.helpdesk_ticket_property_action/new",
            ".o_form_view .o_field_widget[name=pcs_unit_id] input"
        ),
        ...pickMany2one("pcs_unit_id", "A1-1-0101", "A1-1-0101"),
        {
            content: "The owner comes with the unit",
            trigger: ".o_field_widget[name=partner_id] input:value(张伟)",
        },
        {
            content: "Subject",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 电梯运行噪音大，夜间影响休息",
        },
        {
            content: "What the owner said",
            trigger: ".o_field_widget[name=description] .odoo-editor-editable",
            run: "editor 业主来电：3号电梯夜间运行噪音大，要求尽快处理。",
        },
        {
            content: "A complaint",
            trigger: ".o_field_widget[name=pcs_category] select",
            run: 'select "complaint"',
        },
        {
            content: "Received by phone",
            trigger: ".o_field_widget[name=pcs_channel] select",
            run: 'select "phone"',
        },
        {
            content: "Level: important",
            trigger: ".o_field_widget[name=pcs_complaint_level] input[data-value=important]",
            run: "click",
        },
        {
            content: "The owner's deadline",
            trigger: ".o_field_widget[name=pcs_owner_deadline] input",
            run: "edit 2030-06-28 18:00:00",
        },
        { content: "Save", trigger: ".o_form_button_save", run: "click" },
        { content: "Saved", trigger: saved },
        assertChinese("the complaint form"),
        {
            content: "The director's 30-minute deadline is shown",
            trigger: ".o_field_widget[name=pcs_escalation_deadline]:not(:empty)",
        },
        { content: "Clocks", trigger: ".o_notebook a[name=pcs_clocks]", run: "click" },
        assertText(
            "First-reply deadline shown",
            ".o_field_widget[name=pcs_first_reply_deadline]",
            notEmpty
        ),
        // A complaint has no dispatch clock (repairs have one): it is not shown.
        assertText("Resolve deadline is the owner's", ".o_field_widget[name=pcs_resolve_deadline]", (t) =>
            t.includes("2030")
        ),
        assertChinese("the complaint's clocks"),
        {
            content: "Dispatch",
            trigger: ".o_form_statusbar button[name=action_pcs_view_dispatch_orders]",
            run: "click",
        },
        { content: "New dispatch order", trigger: ".o_list_button_add", run: "click" },
        {
            content: "The order is for this request",
            trigger: ".o_field_widget[name=ticket_id] input:value(电梯运行噪音大)",
        },
        ...pickMany2one("user_id", "周强", "维修工周强"),
        { content: "Dispatch it", trigger: ".o_form_statusbar button[name=action_dispatch]", run: "click" },
        {
            content: "The order is dispatched",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=dispatched]",
        },
        assertText("Dispatched at", ".o_field_widget[name=dispatched_at]", notEmpty),
        assertChinese("the dispatch order"),
    ],
});

/**
 * 1b. The crew member accepts the order, is on site and completes it with
 * the owner's signature.
 */
tours.add("pcs_crew_complete", {
    url: "/odoo/action-property_cs.property_dispatch_order_action",
    steps: () => [
        {
            content: "My dispatched order",
            trigger: ".o_data_row td[name=ticket_id]:contains(电梯运行噪音大)",
            run: "click",
        },
        { content: "Accept", trigger: ".o_form_statusbar button[name=action_accept]", run: "click" },
        {
            content: "On site",
            trigger: ".o_form_statusbar button[name=action_on_site]",
            run: "click",
        },
        {
            content: "Result",
            trigger: ".o_field_widget[name=result] textarea",
            run: "edit 更换3号电梯导靴，噪音消除",
        },
        {
            content: "Owner signs: name",
            trigger: ".o_field_widget[name=owner_signed_by] input",
            run: "edit 张伟",
        },
        {
            content: "Owner signs",
            trigger: ".o_field_widget[name=owner_signature] .o_signature",
            run: "click",
        },
        {
            content: "Sign with the name",
            trigger: ".modal .o_web_sign_auto_button",
            run: "click",
        },
        {
            content: "Adopt the signature",
            trigger: ".modal .modal-footer .btn-primary:enabled",
            run: "click",
        },
        { content: "Signature kept", trigger: ".o_field_widget[name=owner_signature] img" },
        { content: "Complete", trigger: ".o_form_statusbar button[name=action_done]", run: "click" },
        {
            content: "The order is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
        assertText("Done at", ".o_field_widget[name=done_at]", notEmpty),
        assertChinese("the completed dispatch order"),
    ],
});

/**
 * 1c. The callback: the owner is not satisfied, the request reopens.
 */
tours.add("pcs_callback_unsatisfied", {
    url: "/odoo/action-property_cs.property_callback_action",
    steps: () => [
        {
            content: "The callback to make",
            trigger: ".o_data_row td[name=ticket_id]:contains(电梯运行噪音大)",
            run: "click",
        },
        assertChinese("the callback form"),
        { content: "By phone", trigger: ".o_field_widget[name=method] select", run: 'select "phone"' },
        {
            content: "Not satisfied",
            trigger: ".o_field_widget[name=satisfaction] input[data-value=unsatisfied]",
            run: "click",
        },
        {
            content: "What the owner said",
            trigger: ".o_field_widget[name=remarks] textarea",
            run: "edit 夜间仍有噪音",
        },
        {
            content: "Record the callback",
            trigger: ".o_form_statusbar button[name=action_done]",
            run: "click",
        },
        {
            content: "The callback is recorded",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
        assertText("Called at", ".o_field_widget[name=date_done]", notEmpty),
        {
            content: "Open the request",
            trigger: ".o_field_widget[name=ticket_id] a, .o_field_widget[name=ticket_id] .o_form_uri",
            run: "click",
        },
        { content: "Clocks", trigger: ".o_notebook a[name=pcs_clocks]", run: "click" },
        assertText("Reopened once", ".o_field_widget[name=pcs_reopen_count]", (t) => t === "1"),
        assertChinese("the reopened request"),
    ],
});

/**
 * Zone manager on a phone: the vacant-unit visit and the patrol round.
 */
tours.add("pcs_zone_manager_phone", {
    url: "/odoo/action-property_cs.property_vacant_visit_action",
    steps: () => [
        { content: "Vacant-unit visits", trigger: ".o_action_manager .o_view_controller" },
        assertWithinScreen("the vacant-unit visits", ["button[name=action_sign_in]"]),
        assertChinese("the vacant-unit visits"),
        { content: "Sign in on site", trigger: "button[name=action_sign_in]", run: "click" },
        {
            content: "Signed in",
            trigger: ".o_action_manager:not(:has(button[name=action_sign_in]))",
        },
        ...goTo("/odoo/action-property_cs.property_patrol_action", ".o_action_manager .o_view_controller"),
        {
            content: "Open today's round",
            trigger: ".o_data_row td[name=plan_id]:contains(1号楼日常巡查), .o_kanban_record:contains(1号楼日常巡查)",
            run: "click",
        },
        {
            content: "The round of 1号楼日常巡查 is open",
            trigger: ".o_form_view .o_field_widget[name=plan_id]:contains(1号楼日常巡查)",
        },
        assertWithinScreen("the patrol round", [
            ".o_form_statusbar button[name=action_add_finding], .o_form_view button[name=action_add_finding]",
            ".o_form_statusbar button[name=action_done], .o_form_view button[name=action_done]",
        ]),
        assertChinese("the patrol round"),
    ],
});

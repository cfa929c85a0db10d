/**
 * Per-role smoke test of the property addons (tests/test_browser_smoke.py).
 *
 * For each menu given (the menus of the three property addons the role sees),
 * open its action, then every view of the action (list, kanban, pivot, graph,
 * calendar...), an existing record in its form and a new record; in forms and
 * wizards, open the drop-down of every editable relational field (this
 * evaluates the field's domain and context, where a name missing from the
 * view raises an EvalError). Any error dialog, uncaught error or
 * console.error fails the test (browser_js). Logs "smoke test succeeded".
 */
import { browser } from "@web/core/browser/browser";
import { rpcBus } from "@web/core/network/rpc";

const pending = new Set();
let lastRpcError = null;

function onRequest({ detail }) {
    pending.add(detail.data.id);
}
function onResponse({ detail }) {
    pending.delete(detail.data.id);
    if (detail.error) {
        lastRpcError = detail.error;
    }
}

function sleep(ms) {
    return new Promise((resolve) => browser.setTimeout(resolve, ms));
}

function errorDialog() {
    return document.querySelector(".o_error_dialog");
}

/** Wait until no RPC is pending and the DOM is quiet; fail on an error dialog. */
async function settle(where) {
    let quiet = 0;
    for (let i = 0; i < 1000; i++) {
        await sleep(30);
        const dialog = errorDialog();
        if (dialog) {
            const text = dialog.innerText.replace(/\s+/g, " ").slice(0, 1500);
            throw new Error(
                `Error dialog at ${where}: ${text}` +
                    (lastRpcError ? ` (RPC error: ${JSON.stringify(lastRpcError).slice(0, 1500)})` : "")
            );
        }
        quiet = pending.size ? 0 : quiet + 1;
        if (quiet >= 3) {
            return;
        }
    }
    throw new Error(`Timeout at ${where}: ${pending.size} RPC still pending`);
}

function visible(el) {
    return el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null;
}

/**
 * Open the drop-down of each editable many2one / many2many field of the form
 * (or dialog) in `root`, then close it.
 */
async function probeRelationalFields(root, where) {
    const inputs = [
        ...root.querySelectorAll(
            ".o_field_many2one input:not([readonly]), .o_field_many2many_tags input:not([readonly])"
        ),
    ].filter(visible);
    for (const input of inputs) {
        const field = input.closest("[name]")?.getAttribute("name") || "?";
        input.focus();
        input.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
        input.click();
        await settle(`${where}, drop-down of field ${field}`);
        input.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
        input.blur();
    }
    return inputs.length;
}

async function closeDialogs(env) {
    if (document.querySelector(".modal")) {
        await env.services.action.doAction({ type: "ir.actions.act_window_close" });
        await settle("closing the dialog");
    }
}

/**
 * @param {{xmlid: string, action: number, name: string}[]} menus
 * @param {string} role
 */
export async function runSmoke(menus, role) {
    const env = odoo.__WOWL_DEBUG__.root.env;
    const action = env.services.action;
    const orm = env.services.orm;
    rpcBus.addEventListener("RPC:REQUEST", onRequest);
    rpcBus.addEventListener("RPC:RESPONSE", onResponse);
    const counts = { menus: 0, views: 0, records: 0, new: 0, fields: 0 };
    try {
        for (const menu of menus) {
            const where = `${role}: menu ${menu.xmlid} (${menu.name})`;
            console.log(`smoke: ${where}`);
            counts.menus++;
            lastRpcError = null;
            await action.doAction(menu.action, { clearBreadcrumbs: true });
            await settle(where);
            if (document.querySelector(".modal .o_form_view")) {
                // a wizard opened in a dialog
                counts.fields += await probeRelationalFields(
                    document.querySelector(".modal"),
                    `${where} (wizard)`
                );
                await closeDialogs(env);
                continue;
            }
            const controller = action.currentController;
            if (!controller || controller.action.type !== "ir.actions.act_window") {
                continue;
            }
            const act = controller.action;
            const viewTypes = act.views.map(([, type]) => type);
            for (const type of viewTypes) {
                if (type === "form" || type === "search" || type === controller.view.type) {
                    continue;
                }
                await action.switchView(type);
                await settle(`${where}, ${type} view`);
                counts.views++;
            }
            if (!viewTypes.includes("form") || !act.res_model) {
                continue;
            }
            const props = controller.props || {};
            const context = { ...(act.context || {}), ...(props.context || {}) };
            let ids = [];
            try {
                ids = await orm.search(act.res_model, props.domain || act.domain || [], {
                    limit: 1,
                    context,
                });
            } catch (e) {
                throw new Error(`${where}: cannot search ${act.res_model}: ${e.message || e}`);
            }
            if (ids.length) {
                await action.switchView("form", { resId: ids[0] });
                await settle(`${where}, form of ${act.res_model} ${ids[0]}`);
                counts.records++;
                counts.fields += await probeRelationalFields(
                    document.querySelector(".o_action_manager"),
                    `${where}, form of ${act.res_model} ${ids[0]}`
                );
            }
            // a new record, as the user starts one: the list's or kanban's New button
            await action.doAction(menu.action, { clearBreadcrumbs: true });
            await settle(where);
            const create = [
                ...document.querySelectorAll(".o_list_button_add, .o-kanban-button-new"),
            ].find(visible);
            if (!create) {
                continue;
            }
            create.click();
            await settle(`${where}, new ${act.res_model}`);
            if (!document.querySelector(".o_form_view")) {
                continue; // an editable list or a kanban quick create
            }
            counts.new++;
            counts.fields += await probeRelationalFields(
                document.querySelector(".o_action_manager"),
                `${where}, new ${act.res_model}`
            );
            const discard = document.querySelector(".o_form_button_cancel");
            if (discard && visible(discard)) {
                discard.click();
                await settle(`${where}, discard`);
            }
        }
        console.log(
            `smoke ${role}: ${counts.menus} menus, ${counts.views} other views, ` +
                `${counts.records} records, ${counts.new} new records, ${counts.fields} drop-downs`
        );
        console.log("smoke test succeeded");
    } catch (error) {
        console.error(`smoke test failed: ${error.message || error}`);
    } finally {
        rpcBus.removeEventListener("RPC:REQUEST", onRequest);
        rpcBus.removeEventListener("RPC:RESPONSE", onResponse);
    }
}

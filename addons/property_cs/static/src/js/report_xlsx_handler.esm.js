/**
 * OCA report_xlsx (18.0.1.1.3) downloads an XLSX report in its
 * "ir.actions.report handlers" entry, but when the action asks to close the
 * dialog after the download (`close_on_report_download`: Odoo's document
 * layout configurator sets it on an administrator's first print, wizards may
 * set it), the handler returns what closing the dialog returns: `undefined`.
 * The action service then takes the report as not handled and logs "The
 * ActionManager can't handle reports of type xlsx" in the console after the
 * file was downloaded. Report every XLSX action as handled.
 */
import { registry } from "@web/core/registry";

const handlers = registry.category("ir.actions.report handlers");

if (handlers.contains("xlsx_handler")) {
    const xlsxHandler = handlers.get("xlsx_handler");
    handlers.add(
        "xlsx_handler",
        async function (action, options, env) {
            const result = await xlsxHandler(action, options, env);
            return action.report_type === "xlsx" ? true : result;
        },
        { force: true }
    );
}

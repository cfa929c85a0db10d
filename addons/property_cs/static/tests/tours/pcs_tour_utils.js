/**
 * Helpers of the property tours (tests/browser.py runs them in Chromium).
 *
 * Tours find things by stable hooks (field and button names, menu xml ids,
 * data attributes), never by labels, and assert what the user sees: a state,
 * a deadline, a row. Two checks are shared:
 *
 * - assertChinese(): the visible text of the screen holds no English word
 *   outside ALLOWLIST (names, codes, units) and PENDING_14A;
 * - assertWithinScreen(): on a phone-sized viewport the page does not scroll
 *   sideways and the primary actions are inside the screen.
 *
 * A check another issue is fixing is marked `pending: "#14a"`: it then logs
 * "PCS-PENDING #14a: ..." instead of failing the tour, and the Python test
 * reports itself skipped as an expected failure with that reason (see
 * tests/browser.py). Remove the mark once that issue is merged.
 */

/** Fail the step, or log the problem when a pending issue fixes it. */
function problem(message, pending) {
    if (pending) {
        console.log(`PCS-PENDING ${pending}: ${message}`);
        return;
    }
    throw new Error(message);
}

/**
 * Words a Chinese screen may show: product and unit names, codes, formats.
 * Lower case; matched against whole words.
 */
export const ALLOWLIST = [
    // names of software, formats and units
    "odoo",
    "odoobot",
    "pdf",
    "xlsx",
    "csv",
    "json",
    "excel",
    "sms",
    "vip",
    "id",
    "kwh",
    "cny",
    "ok",
    // test data codes (project, building, units, sequences)
    "tour",
    "cw",
];

/**
 * TEMPORARY: English that issue #14a (Chinese words of every addon, OCA
 * helpdesk translations, generated texts) translates. Emptied when #14a is
 * merged; every word here is a defect a Chinese user sees today.
 */
export const PENDING_14A = [];

// Words of two letters or more; letters next to digits are codes (A1-1-0101,
// PG202611-00006), not words.
const WORD = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z'’]*[A-Za-z](?![A-Za-z0-9])/g;
// E-mail addresses, web addresses and document numbers of Odoo's sequences
// (PA/2026/00002, INV/2026/03/0001) are not words of the screen.
const ADDRESS =
    /[\w.+-]+@[\w-]+(\.[\w-]+)+|https?:\/\/\S+|www\.\S+|(?<![A-Za-z0-9])[A-Za-z]{1,8}(\/[A-Za-z]{1,8})*(\/\d+)+/g;

function isShown(el) {
    if (!el || !el.isConnected) {
        return false;
    }
    if (el.closest(".o_debug_manager, .o_tour_pointer, .o-overlay-container .o_tooltip")) {
        return false;
    }
    return el.checkVisibility
        ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
        : el.offsetParent !== null;
}

/**
 * English words in the visible text of the elements matched by `selector`.
 *
 * @param {string} selector
 * @param {string[]} allow extra allowed words of this screen
 * @returns {{word: string, text: string}[]}
 */
export function englishWords(selector, allow = []) {
    const allowed = new Set(
        [...ALLOWLIST, ...PENDING_14A, ...allow].map((w) => w.toLowerCase())
    );
    const found = [];
    for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const text = node.nodeValue.trim();
            const parent = node.parentElement;
            if (!text || !parent || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName)) {
                continue;
            }
            if (!isShown(parent)) {
                continue;
            }
            for (const word of text.replace(ADDRESS, " ").match(WORD) || []) {
                if (!allowed.has(word.toLowerCase())) {
                    found.push({ word, text: text.slice(0, 80) });
                }
            }
        }
    }
    return found;
}

/**
 * A step failing when the screen shows English outside the allowlists.
 *
 * @param {string} screen a name for the message
 * @param {Object} [options]
 * @param {string} [options.trigger] wait for this before checking
 * @param {string} [options.selector] where to look (default: the web client
 *      or the portal page, and any open dialog)
 * @param {string[]} [options.allow] extra words allowed on this screen
 * @param {string} [options.pending] the issue fixing this screen (expected failure)
 */
export function assertChinese(screen, { trigger, selector, allow = [], pending } = {}) {
    const where =
        selector ||
        ".o_main_navbar, .o_action_manager, .modal-content, #wrapwrap main, #wrapwrap header";
    return {
        content: `No English on ${screen}`,
        trigger: trigger || "body",
        run() {
            const found = englishWords(where, allow);
            if (found.length) {
                const words = [...new Set(found.map((f) => f.word))];
                const samples = found
                    .slice(0, 15)
                    .map((f) => `"${f.word}" in "${f.text}"`)
                    .join("; ");
                problem(
                    `English on the zh_CN screen "${screen}": ${words.join(", ")} (${samples})`,
                    pending
                );
            }
        },
    };
}

/**
 * A step failing when the page scrolls sideways or one of the `selectors`
 * is hidden or (partly) outside the screen's width.
 *
 * @param {string} screen
 * @param {string[]} selectors primary actions that must be within reach
 * @param {Object} [options]
 * @param {string} [options.pending] the issue fixing this screen (expected failure)
 */
export function assertWithinScreen(screen, selectors, { pending } = {}) {
    return {
        content: `Primary actions of ${screen} on screen`,
        trigger: "body",
        run() {
            const width = window.innerWidth;
            const page = document.scrollingElement || document.documentElement;
            const problems = [];
            if (page.scrollWidth > width + 1) {
                problems.push(`the page is ${page.scrollWidth}px wide on a ${width}px screen`);
            }
            for (const selector of selectors) {
                const el = document.querySelector(selector);
                if (!el || !isShown(el)) {
                    problems.push(`${selector} is not shown`);
                    continue;
                }
                const rect = el.getBoundingClientRect();
                if (rect.left < -1 || rect.right > width + 1) {
                    problems.push(
                        `${selector} is at ${Math.round(rect.left)}..${Math.round(
                            rect.right
                        )}px, outside the ${width}px screen`
                    );
                }
            }
            if (problems.length) {
                problem(`On a phone, ${screen}: ${problems.join("; ")}`, pending);
            }
        },
    };
}

/**
 * A step reading the text of `selector` and failing unless `check(text)`.
 */
export function assertText(content, selector, check) {
    return {
        content,
        trigger: selector,
        run() {
            const el = document.querySelector(selector);
            const text = (el && (el.value ?? el.textContent) ? el.value || el.textContent : "").trim();
            if (!check(text)) {
                throw new Error(`${content}: got "${text}" in ${selector}`);
            }
        },
    };
}

/** Steps: go to `url` (a full page load) and wait for `ready`. */
export function goTo(url, ready) {
    return [
        {
            content: `Open ${url}`,
            trigger: "body",
            run() {
                window.location.href = url;
            },
            expectUnloadPage: true,
        },
        { content: `${url} is shown`, trigger: ready },
    ];
}

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Provider-independent helpers: mainland mobile numbers and registered texts.

Registered template texts are written with named variables, ``${name}``, as
Alibaba Cloud registers them (Tencent Cloud numbers them ``{1}``, ``{2}`` in
the order they first appear; its addon converts). A text matches a template
when it is the template with every variable replaced by some non-empty text;
substituting the extracted values back gives the same text again, so what the
carrier delivers is what Odoo shows.
"""

import re

VARIABLE_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
# "${" that does not open a valid variable: refused when a template is saved
BAD_VARIABLE_RE = re.compile(r"\$\{(?![A-Za-z_][A-Za-z0-9_]*\})")
# The carriers put the signature in front of the text: 【阳光物业】...
SIGNATURE_PREFIX_RE = re.compile(r"^【[^【】]{1,40}】")
# two variables must be separated by text, or their values could not be told
# apart in the text
ADJACENT_VARIABLES_RE = re.compile(r"\}\$\{")
CN_MOBILE_RE = re.compile(r"^1\d{10}$")
SEPARATORS_RE = re.compile(r"[\s\-().]")


class SmsCnTransportError(Exception):
    """The provider could not be reached or did not answer in time."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def normalize_cn_mobile(number):
    """Return ``(e164, problem)`` for a mainland China mobile number.

    ``e164`` is ``+86`` and the 11 digits (the form both providers accept);
    ``problem`` is ``None``, ``"missing"``, ``"country"`` (another country's
    number) or ``"format"`` (not an 11-digit mobile number starting with 1).
    """
    if not number:
        return None, "missing"
    digits = SEPARATORS_RE.sub("", number)
    if digits.startswith("+"):
        if not digits.startswith("+86"):
            return None, "country"
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("00"):
        return None, "country"
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if CN_MOBILE_RE.match(digits):
        return "+86" + digits, None
    return None, "format"


def template_variables(content):
    """Variable names of a registered text, in the order they first appear."""
    return list(dict.fromkeys(VARIABLE_RE.findall(content or "")))


def _template_regex(content):
    parts, seen, pos = [], set(), 0
    for match in VARIABLE_RE.finditer(content):
        parts.append(re.escape(content[pos : match.start()]))
        name = match.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = match.end()
    parts.append(re.escape(content[pos:]))
    return re.compile("".join(parts), re.DOTALL)


def clean_text(text):
    """The text as the template covers it: no carrier signature, no outer
    blanks, Unix line ends."""
    text = (text or "").replace("\r\n", "\n").strip()
    return SIGNATURE_PREFIX_RE.sub("", text, count=1).strip()


def match_template(content, text):
    """Values of the variables if ``text`` is ``content`` filled in, else None."""
    if not content:
        return None
    match = _template_regex(clean_text(content)).fullmatch(clean_text(text))
    if not match:
        return None
    return {name: value for name, value in match.groupdict().items()}


def render_template(content, params):
    """``content`` with each ``${name}`` replaced by ``params[name]``."""
    return VARIABLE_RE.sub(lambda m: str(params.get(m.group(1), m.group(0))), content)

# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure helpers for personal data: validation, masking and hashing.

Kept free of Odoo imports so that they are unit-tested without a database.
"""

import hashlib
import hmac
import re

from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

_DIGITS = re.compile(r"\D+")


def normalize_id_number(value):
    """Upper-case, strip spaces and dashes of an identity number."""
    return re.sub(r"[\s-]+", "", value or "").upper()


def check_resident_id(value):
    """Return the normalized 18-character Chinese resident ID number.

    Raises ``ValueError`` whose argument is one of ``length``, ``format``,
    ``checksum`` or ``birthdate``.
    """
    number = normalize_id_number(value)
    if len(number) != 18:
        raise ValueError("length")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValueError("format")
    if ric.calc_check_digit(number) != number[17]:
        raise ValueError("checksum")
    try:
        ric.validate(number)
    except StdnumValidationError as exc:
        raise ValueError("birthdate") from exc
    return number


def resident_id_check_digit(first17):
    """Check digit for 17 leading digits (used by demo data and tests)."""
    return ric.calc_check_digit(first17 + "0")


def normalize_phone(value):
    """Digits only; a leading +86 / 0086 country code is dropped."""
    digits = _DIGITS.sub("", value or "")
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def mask_value(value, head=3, tail=4, fill="*"):
    """Show the first ``head`` and last ``tail`` characters only.

    Short values are masked entirely but for their last character, so that
    a masked value never reveals more than a quarter of a short number.
    """
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) <= head + tail:
        return fill * (len(value) - 1) + value[-1]
    return value[:head] + fill * (len(value) - head - tail) + value[-tail:]


def mask_phone(value):
    """``138****5678``: at most the first three and the last four digits, and
    always at least four digits hidden (``****5678`` for an 8-digit number),
    so that a number is never more than one in 10,000 guesses away."""
    digits = normalize_phone(value) or (value or "").strip()
    tail = max(0, min(4, len(digits) - 4))
    head = max(0, min(3, len(digits) - 4 - tail))
    return mask_value(digits, head, tail) if tail else "*" * len(digits)


def mask_id_number(value):
    return mask_value(normalize_id_number(value), 3, 4)


def keyed_hash(secret, value):
    """HMAC-SHA256 of a normalized value, hex; empty input gives ''."""
    if not value:
        return ""
    return hmac.new((secret or "").encode(), value.encode(), hashlib.sha256).hexdigest()

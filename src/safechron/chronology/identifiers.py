"""Person identifiers that agencies share: one written form for each, and checks that tell a real
identifier from a mistyped one. Used by the reader (to normalise and warn) and by linkage (to trust)."""

from __future__ import annotations

import re

__all__ = [
    "nhs_number_is_valid",
    "normalise_nhs_number",
    "normalise_postcode",
    "normalise_reference",
    "postcode_is_valid",
]

_NHS_SEPARATORS = re.compile(r"[\s\-]+")
_SPACES = re.compile(r"\s+")
#: A full UK postcode (outward code, space, inward code), or an outward code alone ("FY1").
_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)(?: \d[A-Z]{2})?$")


def normalise_nhs_number(text: str) -> str:
    """The NHS number without the spaces or hyphens people type into it: '943 476 5919' -> '9434765919'.

    Anything else in the text is left in place, so a value that is not ten digits stays visibly wrong.
    """
    return _NHS_SEPARATORS.sub("", text)


def nhs_number_is_valid(number: str) -> bool:
    """True for ten digits (spaces allowed) whose last digit is the modulus 11 check digit.

    A number of one repeated digit ('0000000000') passes the arithmetic but is a placeholder typed
    where the number was unknown, never a person's number, so it is not valid.
    """
    digits = normalise_nhs_number(number)
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def normalise_postcode(text: str) -> str:
    """Upper case with one space before the inward code, whatever spacing it came with: 'fy1 3ab' -> 'FY1 3AB'.

    Text too short to hold an inward code (an outward code such as 'fy1') is only upper-cased.
    """
    compact = _SPACES.sub("", text).upper()
    if len(compact) >= 5:
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def postcode_is_valid(postcode: str) -> bool:
    """True for a normalised UK postcode ('FY1 3AB') or an outward code on its own ('FY1')."""
    return _POSTCODE.match(postcode) is not None


def normalise_reference(text: str) -> str:
    """A case reference (UPN, PNC id) as one upper-case token: ' a123 456 ' -> 'A123456'."""
    return _SPACES.sub("", text).upper()

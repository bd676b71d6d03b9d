"""Person identifiers that agencies share: checks that tell a real identifier from a mistyped one."""

from __future__ import annotations

__all__ = ["nhs_number_is_valid"]


def nhs_number_is_valid(number: str) -> bool:
    """True for ten digits (spaces allowed) whose last digit is the modulus 11 check digit."""
    digits = number.replace(" ", "")
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])

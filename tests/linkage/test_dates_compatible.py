"""When two recorded dates of birth could be one person's."""

from __future__ import annotations

import pytest

from safechron.chronology.dates import PartialDate
from safechron.linkage.clusters import dates_compatible


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1995-03-02", "1995-03-02"),
        ("1995-03-02", "1995-02-03"),  # day and month swapped
        ("1995-03-02", "1995-03-12"),  # one digit mistyped
        ("1995-03-12", "1995-03-21"),  # neighbouring digits swapped
        ("1995-03-02", "1995-03"),  # as far as recorded
        ("1995-03-02", "1995-02"),  # a month recorded from the swapped reading
        ("1995-03-02", "1995"),
    ],
)
def test_compatible(a: str, b: str) -> None:
    assert dates_compatible(PartialDate.parse(a), PartialDate.parse(b))
    assert dates_compatible(PartialDate.parse(b), PartialDate.parse(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1995-03-02", "2015-07-09"),  # a mother and her daughter
        ("1995-03-02", "1995-04-27"),
        ("1995-03-02", "1996"),
        ("1995-03-20", "1995-02"),  # the 20th cannot be a month
    ],
)
def test_not_compatible(a: str, b: str) -> None:
    assert not dates_compatible(PartialDate.parse(a), PartialDate.parse(b))
    assert not dates_compatible(PartialDate.parse(b), PartialDate.parse(a))

"""The helpers indicator modules share (indicators/common.py)."""

from __future__ import annotations

from datetime import date

from safechron.indicators.common import frequent_run, recent_run
from safechron.indicators.context import FamilyView
from tests.builders import FamilyBuilder


def _view(as_of: date) -> FamilyView:
    builder = FamilyBuilder()
    builder.person("Amy", role="child", dob="2012-01-01")
    return FamilyView.as_of_date(builder.build(), as_of)


def test_frequent_run_starts_on_the_day_the_count_is_reached_and_ends_when_one_leaves_the_window() -> None:
    days = [date(2016, 1, 1), date(2016, 1, 10), date(2016, 1, 20)]
    assert frequent_run(_view(date(2016, 1, 25)), days, window_days=30, minimum=3) == date(2016, 1, 20)
    assert frequent_run(_view(date(2016, 1, 31)), days, window_days=30, minimum=3) == date(2016, 1, 20)
    assert frequent_run(_view(date(2016, 2, 1)), days, window_days=30, minimum=3) is None


def test_frequent_run_counts_a_day_listed_twice_twice_but_recent_run_needs_only_one() -> None:
    days = [date(2016, 1, 1), date(2016, 1, 1)]
    assert frequent_run(_view(date(2016, 1, 5)), days, window_days=30, minimum=2) == date(2016, 1, 1)
    assert recent_run(_view(date(2016, 1, 5)), days, relevant_days=30) == date(2016, 1, 1)
    assert recent_run(_view(date(2016, 2, 1)), days, relevant_days=30) is None

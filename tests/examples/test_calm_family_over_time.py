"""The example calm family raises no high alert on any month of its history, nor in the year after."""

from datetime import date
from pathlib import Path

from safechron.pipeline import analyse, load

CALM = Path(__file__).resolve().parents[2] / "examples" / "calm-family"


def _first_of_each_month(start: date, end: date) -> list[date]:
    days, year, month = [], start.year, start.month
    while date(year, month, 1) <= end:
        days.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def test_the_calm_family_raises_no_high_alert_in_any_month() -> None:
    chronology = load([CALM])
    first, last = chronology.entries[0].date.start, chronology.entries[-1].date.end
    months = _first_of_each_month(first, date(last.year + 1, last.month, 1))
    assert len(months) >= 18
    for day in months:
        high = [f"{alert.code}: {alert.explanation}" for alert in analyse(chronology, day) if alert.severity == "high"]
        assert high == [], day

"""Dates as agencies record them: full, partial (year or month) or uncertain.

A date keeps the precision it was given. It sorts at the start of its period,
is shown as given, and a day is never invented.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateError", "PartialDate", "add_working_days", "working_days_between"]

#: Excel stores dates as days since 1899-12-30 (allowing for its 1900 leap-year bug).
_EXCEL_EPOCH = date(1899, 12, 30)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}


class DateError(ValueError):
    """A text that is not a date; the message says what was wrong."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day, possibly marked uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    uncertain: bool = False

    def __post_init__(self) -> None:
        if not 1800 <= self.year <= 2200:
            raise DateError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(f"day {self.day} does not exist in {calendar.month_name[self.month]} {self.year}")

    @classmethod
    def from_date(cls, value: date, *, uncertain: bool = False) -> PartialDate:
        return cls(value.year, value.month, value.day, uncertain)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ISO (2016-10-19, 2016-10, 2016), UK (19/10/2016, 10/2016), Excel serial or
        '19 October 2016' forms; a leading '?' marks the date uncertain, as do a trailing '?' and
        'about', 'circa', 'c.' or 'approx.' before it. A time after the date (Excel's
        '19/10/2016 14:30') is allowed and not kept."""
        raw = text.strip()
        marker = _UNCERTAIN.match(raw)
        uncertain = marker is not None or raw.endswith("?")
        if marker is not None:
            raw = raw[marker.end() :]
        raw = raw.removesuffix("?").strip()
        if not raw:
            raise DateError("the date is empty")
        try:
            return _parse(raw, uncertain)
        except DateError as exc:
            raise DateError(f"'{text.strip()}' is not a date: {exc}") from None

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def start(self) -> date:
        """The first day of the period: where the date sorts."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> date:
        """The last day of the period: the first day on which the event is surely past."""
        if self.day is not None:
            return self.start
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[date, int]:
        """Partial dates sort at the start of their period, before full dates of that day."""
        return (self.start, {"year": 0, "month": 1, "day": 2}[self.precision])

    def iso(self) -> str:
        """As given, in ISO form, with '?' when uncertain: '2016-10-19', '2016-10', '?2016'."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return ("?" if self.uncertain else "") + text

    def display(self) -> str:
        """For people: '19 October 2016', 'October 2016', '2016', prefixed 'About' when uncertain."""
        if self.day is not None:
            text = f"{self.day} {calendar.month_name[self.month or 1]} {self.year}"
        elif self.month is not None:
            text = f"{calendar.month_name[self.month]} {self.year}"
        else:
            text = str(self.year)
        return f"About {text}" if self.uncertain else text

    def __str__(self) -> str:
        return self.iso()


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_UK = re.compile(r"^(?:(\d{1,2})[/.\-])?(\d{1,2})[/.\-](\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_UK_SHORT_YEAR = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}$")
_UNCERTAIN = re.compile(r"^(?:\?|(?:about|circa|approx(?:imately)?)\b\.?|c\.|ca\.)\s*", re.IGNORECASE)
_WORDS = re.compile(r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?\s+(\d{4})$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.0+)?$")


def _parse(raw: str, uncertain: bool) -> PartialDate:
    if m := _ISO.match(raw):
        year, month, day = m.groups()
        return PartialDate(int(year), _int(month), _int(day), uncertain)
    if m := _UK.match(raw):
        day, month, year = m.groups()
        return PartialDate(int(year), int(month), _int(day), uncertain)
    if m := _WORDS.match(raw):
        day, month_name, year = m.groups()
        month = _MONTHS.get(month_name.lower())
        if month is None:
            raise DateError(f"'{month_name}' is not a month")
        return PartialDate(int(year), month, _int(day), uncertain)
    if _SERIAL.match(raw):
        serial = int(float(raw))
        if not 1 <= serial <= 110000:
            raise DateError("the number is not an Excel date")
        return PartialDate.from_date(_EXCEL_EPOCH + timedelta(days=serial), uncertain=uncertain)
    if _UK_SHORT_YEAR.match(raw):
        raise DateError("write the year in full, such as 19/10/2016")
    raise DateError("use a form such as 2016-10-19, 19/10/2016, 2016-10 or 2016")


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    whole_weeks, rest = divmod((end - start).days, 7)
    count = whole_weeks * 5
    day = start + timedelta(days=whole_weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    return count

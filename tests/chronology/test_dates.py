from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safechron.chronology.dates import DateError, PartialDate, add_working_days, working_days_between


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-10-19", PartialDate(2016, 10, 19)),
        ("2016-10", PartialDate(2016, 10)),
        ("2016", PartialDate(2016)),
        ("2016-10-19T14:30:00", PartialDate(2016, 10, 19)),
        ("19/10/2016", PartialDate(2016, 10, 19)),
        ("9/5/2016", PartialDate(2016, 5, 9)),
        ("19.10.2016", PartialDate(2016, 10, 19)),
        ("19-10-2016", PartialDate(2016, 10, 19)),
        ("10/2016", PartialDate(2016, 10)),
        ("19/10/2016 14:30", PartialDate(2016, 10, 19)),
        ("19 October 2016", PartialDate(2016, 10, 19)),
        ("19th Oct 2016", PartialDate(2016, 10, 19)),
        ("October 2016", PartialDate(2016, 10)),
        ("42662", PartialDate(2016, 10, 19)),
        ("42662.0", PartialDate(2016, 10, 19)),
        ("?22/05/2016", PartialDate(2016, 5, 22, uncertain=True)),
        ("? 2016-05", PartialDate(2016, 5, uncertain=True)),
        ("2016-05?", PartialDate(2016, 5, uncertain=True)),
        ("about 2015", PartialDate(2015, uncertain=True)),
        ("About 19 October 2016", PartialDate(2016, 10, 19, uncertain=True)),
        ("circa May 2016", PartialDate(2016, 5, uncertain=True)),
        ("c. 2015", PartialDate(2015, uncertain=True)),
        ("c.2015", PartialDate(2015, uncertain=True)),
        ("approx. 03/2016", PartialDate(2016, 3, uncertain=True)),
    ],
)
def test_dates_are_read_in_the_forms_agencies_write_keeping_their_precision(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2016", "'31/02/2016' is not a date: day 31 does not exist in February 2016"),
        ("2016-13", "'2016-13' is not a date: month 13 does not exist"),
        ("19/10/16", "'19/10/16' is not a date: write the year in full, such as 19/10/2016"),
        ("1750", "'1750' is not a date: year 1750 is out of range"),
        ("19 Octember 2016", "'19 Octember 2016' is not a date: 'Octember' is not a month"),
        ("next week", "'next week' is not a date: use a form such as 2016-10-19, 19/10/2016, 2016-10 or 2016"),
        ("?", "the date is empty"),
        ("", "the date is empty"),
    ],
)
def test_text_that_is_not_a_date_says_why(text: str, message: str) -> None:
    with pytest.raises(DateError) as raised:
        PartialDate.parse(text)
    assert str(raised.value) == message


def test_a_real_date_keeps_its_day() -> None:
    assert PartialDate.from_date(date(2016, 10, 19)) == PartialDate(2016, 10, 19)
    assert PartialDate.from_date(date(2016, 10, 19), uncertain=True).iso() == "?2016-10-19"


def test_partial_dates_cover_their_period_and_sort_at_its_start() -> None:
    month, day, year = PartialDate(2016, 10), PartialDate(2016, 10, 1), PartialDate(2016)
    assert (month.start, month.end) == (date(2016, 10, 1), date(2016, 10, 31))
    assert (year.start, year.end) == (date(2016, 1, 1), date(2016, 12, 31))
    assert PartialDate(2016, 2).end == date(2016, 2, 29)
    assert sorted([day, month, year, PartialDate(2015, 12, 31)], key=PartialDate.sort_key) == [
        PartialDate(2015, 12, 31),
        year,
        month,
        day,
    ]
    assert [d.precision for d in (year, month, day)] == ["year", "month", "day"]


def test_dates_are_shown_as_given() -> None:
    assert PartialDate(2016, 10, 19).display() == "19 October 2016"
    assert PartialDate(2016, 10).display() == "October 2016"
    assert PartialDate(2016, uncertain=True).display() == "About 2016"
    assert str(PartialDate(2016, 5, uncertain=True)) == "?2016-05"
    assert PartialDate.parse(PartialDate(2016, 5, 22, uncertain=True).display()) == PartialDate(2016, 5, 22, True)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2016, 10, 19), 0, date(2016, 10, 19)),  # a Wednesday
        (date(2016, 10, 19), 2, date(2016, 10, 21)),
        (date(2016, 10, 21), 1, date(2016, 10, 24)),  # Friday to Monday
        (date(2016, 10, 22), 1, date(2016, 10, 24)),  # from a Saturday
        (date(2016, 10, 19), 15, date(2016, 11, 9)),  # an initial conference within 15 working days
    ],
)
def test_add_working_days_skips_weekends(start: date, days: int, expected: date) -> None:
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2016, 10, 19), date(2016, 10, 19), 0),
        (date(2016, 10, 19), date(2016, 10, 18), 0),
        (date(2016, 10, 21), date(2016, 10, 24), 1),
        (date(2016, 10, 21), date(2016, 10, 23), 0),
        (date(2016, 10, 19), date(2016, 11, 9), 15),
        (date(2016, 1, 1), date(2016, 12, 31), 260),
    ],
)
def test_working_days_between_counts_weekdays_after_the_start(start: date, end: date, expected: int) -> None:
    assert working_days_between(start, end) == expected


def test_working_day_helpers_agree() -> None:
    start = date(2016, 3, 3)
    for days in range(0, 40):
        assert working_days_between(start, add_working_days(start, days)) == days


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=30))
def test_any_text_is_a_date_or_says_why(text: str) -> None:
    try:
        PartialDate.parse(text)
    except DateError as error:
        assert str(error)


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)),
    precision=st.sampled_from(["year", "month", "day"]),
    uncertain=st.booleans(),
)
def test_a_date_reads_back_from_how_it_is_written_and_shown(day: date, precision: str, uncertain: bool) -> None:
    written = PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
        uncertain,
    )
    assert PartialDate.parse(written.iso()) == written
    assert PartialDate.parse(written.display()) == written
    assert written.start <= written.end

"""Persons, entries and partial dates: the combined chronology."""

from safechron.chronology.dates import DateError, PartialDate
from safechron.chronology.model import (
    Chronology,
    Entry,
    LinkReason,
    Person,
    PersonRecord,
    QuarantinedRow,
    RowIssue,
    SourceRow,
    Submission,
    record_key,
)

__all__ = [
    "Chronology",
    "DateError",
    "Entry",
    "LinkReason",
    "PartialDate",
    "Person",
    "PersonRecord",
    "QuarantinedRow",
    "RowIssue",
    "SourceRow",
    "Submission",
    "record_key",
]

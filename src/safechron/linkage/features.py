"""What the linkage model compares: each person record reduced to normalised fields.

Names lose case, accents and punctuation; role words used as names ("Mother", "Sibling 2",
"Unborn") count as no name; dates of birth keep their precision; an unborn child is compared on
the expected date of delivery. Nothing here invents a value the agency did not record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from safechron.chronology.identifiers import (
    nhs_number_is_valid,
    normalise_nhs_number,
    normalise_postcode,
    normalise_reference,
)
from safechron.chronology.model import PersonRecord
from safechron.vocabulary import ROLES, normalise_token

__all__ = [
    "IDENTIFIER_LABELS",
    "RecordFeatures",
    "features_of",
    "identifiers_of",
    "nickname_groups",
    "role_class",
]

#: Identifiers that decide a link where both records have one, with the words people read.
IDENTIFIER_LABELS: dict[str, str] = {
    "nhs_number": "NHS number",
    "upn": "unique pupil number",
    "pnc_id": "police national computer ID",
    "la_id": "local authority case number",
}

#: Words agencies write in the name columns when they do not know or use the name.
_PLACEHOLDER_NAMES: frozenset[str] = frozenset(
    {token for key in ROLES for token in key.split("_")}
    | {word for label in ROLES.values() for word in label.lower().split()}
    | {"mum", "mom", "dad", "baby", "infant", "unknown", "unnamed", "not", "known", "nk", "male", "female",
       "boy", "girl", "twin", "brother", "sister", "son", "daughter", "stepdad", "stepmum"}
)

#: Roles grouped by the place in the family they describe; records in different groups are
#: unlikely to be one person, and a mother and a father never are.
_ROLE_CLASSES: dict[str, str] = {
    "child": "child",
    "unborn": "child",
    "sibling": "child",
    "mother": "female parent",
    "stepmother": "female parent",
    "father": "male parent",
    "stepfather": "male parent",
    "partner": "adult",
    "other_adult": "adult",
    "relative": "adult",
    "grandparent": "grandparent",
}

_NOT_LETTERS = re.compile(r"[^a-z ]+")
_NOT_ADDRESS = re.compile(r"[^a-z0-9 ]+")


@dataclass(frozen=True, slots=True)
class RecordFeatures:
    """One record as the model sees it; None where the agency recorded nothing usable."""

    agency: str
    given: str | None  # first given name
    given_names: tuple[str, ...]  # every given name and known-as name
    family: str | None
    all_names: tuple[str, ...]  # every name token of the record
    nicknames: tuple[int, ...]  # nickname groups of the given and known-as names
    dob: str | None  # ISO text, as precise as recorded
    dob_year: int | None
    dob_month: int | None
    dob_day: int | None
    dob_days: int | None  # ordinal of the first day of the period
    sex: str | None
    postcode: str | None  # without spaces
    postcode_district: str | None  # the outward code of a UK postcode
    address: str | None
    role: str | None  # a role class
    unborn: bool


def _name_tokens(text: str) -> list[str]:
    """The words of a name without case, accents or punctuation, leaving out words that are not
    names ('Baby Lily' -> ['lily'], 'Sibling 2' -> [])."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = _NOT_LETTERS.sub("", ascii_text.replace("-", " ").replace(".", " ")).split()
    return [word for word in words if word not in _PLACEHOLDER_NAMES]


@cache
def nickname_groups() -> Mapping[str, frozenset[int]]:
    """Each name of the nickname list with the numbers of the groups it belongs to."""
    text = resources.files("safechron.linkage").joinpath("nicknames.txt").read_text(encoding="utf-8")
    groups: dict[str, set[int]] = {}
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for number, line in enumerate(lines):
        for name in line.split(","):
            if key := "".join(_name_tokens(name)):
                groups.setdefault(key, set()).add(number)
    return MappingProxyType({name: frozenset(numbers) for name, numbers in groups.items()})


def role_class(role: str) -> str | None:
    """The group of a role token ('mother' -> 'female parent'); None for free text or no role."""
    return _ROLE_CLASSES.get(normalise_token(role)) if role else None


def identifiers_of(record: PersonRecord) -> dict[str, str]:
    """The record's usable identifiers: a valid NHS number and any UPN, PNC ID or LA case number
    that is not a placeholder."""
    found: dict[str, str] = {}
    if not (record.nhs_number or record.upn or record.pnc_id or record.la_id):
        return found
    nhs = normalise_nhs_number(record.nhs_number)
    if nhs_number_is_valid(nhs):
        found["nhs_number"] = nhs
    for name in ("upn", "pnc_id", "la_id"):
        value = normalise_reference(getattr(record, name))
        # every real UPN, PNC ID and case number has a digit; 'UNKNOWN', 'N/A' or '0000' is no identifier
        if any(character.isdigit() for character in value) and len(set(value)) > 1:
            found[name] = value
    return found


def features_of(record: PersonRecord) -> RecordFeatures:
    given_tokens = _name_tokens(record.given_names)
    family_tokens = _name_tokens(record.family_name)
    known_tokens = [token for name in record.known_as for token in _name_tokens(name)]
    given_names = tuple(dict.fromkeys(given_tokens + known_tokens))
    groups = nickname_groups()
    nicknames = tuple(sorted({number for name in given_names for number in groups.get(name, ())}))
    born_on = record.expected_date if record.unborn else record.date_of_birth
    outward, _, inward = normalise_postcode(record.postcode).partition(" ")
    address = " ".join(_NOT_ADDRESS.sub(" ", record.address.lower()).split()) or None
    return RecordFeatures(
        agency=record.agency,
        given=given_tokens[0] if given_tokens else None,
        given_names=given_names,
        family="".join(family_tokens) or None,
        all_names=tuple(dict.fromkeys(given_tokens + family_tokens + known_tokens)),
        nicknames=nicknames,
        dob=born_on.iso().lstrip("?") if born_on else None,
        dob_year=born_on.year if born_on else None,
        dob_month=born_on.month if born_on else None,
        dob_day=born_on.day if born_on else None,
        dob_days=born_on.start.toordinal() if born_on else None,
        sex=record.sex if record.sex in ("male", "female") else None,
        postcode=outward + inward or None,
        postcode_district=outward if inward else None,
        address=address,
        role=role_class(record.role),
        unborn=record.unborn,
    )


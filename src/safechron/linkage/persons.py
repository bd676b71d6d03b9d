"""What safechron shows for a person made of several agencies' records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from safechron.chronology.dates import PartialDate
from safechron.chronology.model import LinkReason, Person, PersonRecord
from safechron.linkage.clusters import dates_agree
from safechron.vocabulary import ROLES, humanise

__all__ = ["person_of"]

_PRECISION = {"year": 0, "month": 1, "day": 2}


def person_of(person_id: str, records: Sequence[PersonRecord], reasons: list[LinkReason]) -> Person:
    born = [record for record in records if not record.unborn]
    return Person(
        person_id=person_id,
        records=list(records),
        reasons=reasons,
        display_name=_display_name(born or records),  # a baby's name, not the pregnancy's label
        date_of_birth=_best_date([record.date_of_birth for record in born]),
        unborn=not born,
        expected_date=_best_date([record.expected_date for record in records if record.unborn]),
        sex=_majority([record.sex for record in records if record.sex in ("male", "female")]) or "unknown",
        role=_role(records),
        lives_with_child=(
            True if any(r.lives_with_child for r in records)
            else False if any(r.lives_with_child is False for r in records)
            else None
        ),
    )


def _display_name(records: Sequence[PersonRecord]) -> str:
    """The fullest given names any agency recorded (most names, then longest: 'Kayleigh Marie' over
    'Kay') and the family name most agencies use, each word in the case people write it."""
    given = [" ".join(record.given_names.split()) for record in records if record.given_names.strip()]
    family = [" ".join(record.family_name.split()) for record in records if record.family_name.strip()]
    if not given and not family:
        # an agency without a people table names people in its entries ("Sibling 2"): its own words
        named_in_entries = [r.person_ref for r in records if r.source is not None and r.source.table == "entries"]
        roles = [humanise(record.role) for record in records if record.role]
        return (named_in_entries + roles + ["Name not recorded"])[0]
    parts = []
    if given:
        counts = Counter(name.lower() for name in given)
        parts.append(max(given, key=lambda name: (len(name.split()), len(name), counts[name.lower()])))
    if family:
        counts = Counter(name.lower() for name in family)
        parts.append(max(family, key=lambda name: (counts[name.lower()], len(name))))
    written = {word.lower(): word for name in given + family for word in name.split() if not _shouted(word, name)}
    return " ".join(
        word if not _shouted(word, part) else written.get(word.lower(), word.title())
        for part in parts for word in part.split()
    )


def _shouted(word: str, name: str) -> bool:
    """A word in capitals ('HOLLIS'), or in a name written all in lower case, is not as people write it."""
    return (word.isupper() and len(word) > 1) or name.islower()


def _role(records: Sequence[PersonRecord]) -> str:
    """The place in the family most records give, a family role before "other adult" (an agency that
    only knows someone as an adult at the address does not outvote one that knows him as stepfather),
    then any vocabulary role, then the agencies' own words."""
    family_roles = [r.role for r in records if r.role in ROLES and r.role != "other_adult"]
    return _majority(family_roles) or _majority([r.role for r in records if r.role in ROLES]) or _majority(
        [r.role for r in records]
    )


def _best_date(dates: Sequence[PartialDate | None]) -> PartialDate | None:
    """The most precise date, among those agreeing with most of the others (first recorded on a tie)."""
    known = [d for d in dates if d is not None]
    if not known:
        return None
    return max(
        known,
        key=lambda d: (sum(dates_agree(d, other) for other in known), _PRECISION[d.precision], not d.uncertain),
    )


def _majority(values: Sequence[str]) -> str:
    """The most frequent value, the first recorded on a tie; empty when there is none."""
    counts = Counter(value for value in values if value)
    return counts.most_common(1)[0][0] if counts else ""

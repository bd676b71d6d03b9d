"""Who is the same person across agencies: identifiers first, then a probabilistic model, then
records known only by a role such as "Mother", then a pregnancy and the child born of it, and the
practitioner's word over all of them. Every link made is kept with its reason."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations

from safechron.chronology.model import LinkReason, Person, PersonRecord
from safechron.linkage.clusters import Clusters, dates_compatible
from safechron.linkage.features import IDENTIFIER_LABELS, RecordFeatures, features_of, identifiers_of
from safechron.linkage.model import ScoredPair, score_pairs
from safechron.linkage.persons import person_of
from safechron.vocabulary import humanise

__all__ = ["LinkageSettings", "link_records"]

#: Roles a family has one of: a record known only by such a role ("Mother", from an agency that sent
#: no people table) is the person other agencies name in that role, when they name exactly one.
_SINGLE_ROLES = frozenset({"mother", "father", "stepmother", "stepfather"})

#: A baby is born from this long before to this long after the expected date of delivery.
_BORN_EARLY = timedelta(weeks=16)
_BORN_LATE = timedelta(weeks=6)

#: A birth-order label agencies give babies before they are named: "Twin 1", "Unborn twin 2", "Baby B".
_NAME_PARTS = re.compile(r"[^a-z]+")
_BIRTH_LABEL = re.compile(r"\b(?:twin|triplet|baby)\s*([0-9]+|[a-c])\b", re.IGNORECASE)

#: A record whose two best matches are two different people, less than this many bits of match
#: weight apart (a factor of 8 in the odds), is not linked to either: the model does not guess.
_AMBIGUITY_BITS = 3.0


@dataclass(frozen=True, slots=True)
class LinkageSettings:
    """How sure the model must be to link, and what it believes before looking at the records."""

    threshold: float = 0.8  # match probability from which two records are taken to be one person
    prior: float | None = None  # probability two records of different agencies are one person;
    # None: one in the number of records of the largest agency (the fewest people there can be), at most 1/2


def link_records(
    records: Sequence[PersonRecord],
    *,
    confirmed: Iterable[tuple[str, str]] = (),
    split: Iterable[tuple[str, str]] = (),
    settings: LinkageSettings | None = None,
) -> list[Person]:
    """Group person records into persons, each with the reasons for its links. Every record is in
    exactly one person; persons are numbered p1, p2, ... in order of their first record."""
    settings = settings or LinkageSettings()
    index_of = {record.key: index for index, record in enumerate(records)}
    identifiers = [identifiers_of(record) for record in records]
    features = [features_of(record) for record in records]
    clusters = Clusters.of(
        agencies=[record.agency for record in records],
        identifiers=identifiers,
        roles=[feature.role for feature in features],
        sexes=[feature.sex for feature in features],
        dates_of_birth=[record.expected_date if record.unborn else record.date_of_birth for record in records],
        split=_indices(split, index_of),
    )
    reasons: dict[int, list[LinkReason]] = {}

    def link(a: int, b: int, method: str, reason: LinkReason) -> None:
        if clusters.link(a, b, method=method):
            reasons.setdefault(a, []).append(reason)

    for a, b in _indices(confirmed, index_of):
        link(a, b, "confirmed", LinkReason(records[a].key, records[b].key, "confirmed",
                                           ("confirmed by a practitioner",)))
    for (a, b), kinds in _shared_identifiers(identifiers).items():
        link(a, b, "identifier", LinkReason(records[a].key, records[b].key, "identifier",
                                            tuple(IDENTIFIER_LABELS[kind] for kind in kinds)))
    largest_agency = max(Counter(record.agency for record in records).values(), default=1)
    prior = settings.prior if settings.prior is not None else min(0.5, 1 / largest_agency)
    pairs = [
        pair for pair in score_pairs(features, prior=prior, threshold=settings.threshold)
        if not _kept_apart(pair, records, features)
    ]
    candidates: dict[int, list[tuple[float, int]]] = {}
    for pair in pairs:
        candidates.setdefault(pair.left, []).append((pair.match_weight, pair.right))
        candidates.setdefault(pair.right, []).append((pair.match_weight, pair.left))

    def ambiguous(record: int, match: int, weight: float) -> bool:
        """Another candidate nearly as likely, who cannot be the same person as the match."""
        return any(
            other != match and other_weight >= weight - _AMBIGUITY_BITS and not clusters.could_be_one(match, other)
            for other_weight, other in candidates[record]
        )

    for pair in sorted(pairs, key=lambda p: (-p.match_weight, p.left, p.right)):
        weight = pair.match_weight
        if not ambiguous(pair.left, pair.right, weight) and not ambiguous(pair.right, pair.left, weight):
            link(pair.left, pair.right, "probabilistic", _model_reason(records, pair))

    for index, other in _only_holders_of_their_role(records, features, identifiers, clusters):
        role = humanise(records[index].role).lower()
        link(index, other, "role", LinkReason(records[index].key, records[other].key, "role",
                                              (f"the only {role} the other agencies name",)))

    for group, born, agreed in _unborn_and_born(records, features, clusters):
        link(group, born, "birth", LinkReason(records[group].key, records[born].key, "birth", agreed))

    persons = []
    for number, members in enumerate(clusters.members(), start=1):
        person_reasons = sorted(
            (reason for member in members for reason in reasons.get(member, ())),
            key=lambda r: (index_of[r.record_a], index_of[r.record_b]),
        )
        persons.append(person_of(f"p{number}", [records[m] for m in members], person_reasons))
    return persons


def _only_holders_of_their_role(
    records: Sequence[PersonRecord],
    features: Sequence[RecordFeatures],
    identifiers: Sequence[dict[str, str]],
    clusters: Clusters,
) -> list[tuple[int, int]]:
    """Records known only by a single role, each with a named record of the one person the other
    agencies give that role (none when they give it to nobody or to several people)."""
    named: dict[str, dict[int, int]] = {}  # role -> group -> its first named record in that role
    role_only = []
    for index, (record, feature) in enumerate(zip(records, features, strict=True)):
        if record.role not in _SINGLE_ROLES:
            continue
        if feature.given or feature.family:
            named.setdefault(record.role, {}).setdefault(clusters.find(index), index)
        elif feature.dob is None and not identifiers[index]:
            role_only.append(index)
    found = []
    for index in role_only:
        holders = {group: first for group, first in named.get(records[index].role, {}).items()
                   if group != clusters.find(index)}
        if len(holders) == 1:
            found.append((index, next(iter(holders.values()))))
    return found


def _unborn_and_born(
    records: Sequence[PersonRecord], features: Sequence[RecordFeatures], clusters: Clusters
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Each person known only before birth, with a record of the child born of that pregnancy: a born
    child of the same family name or postcode whose date of birth falls between 16 weeks before and 6
    weeks after the expected date. With one such child, it is them; with several (twins), the one with
    the same birth-order label ("Unborn twin 1" and "Twin 1 Brennan"); otherwise nobody: a practitioner
    confirms. Two pregnancies that could be the same birth are both left to a practitioner."""
    groups = clusters.members()
    unborn = [members for members in groups if all(records[m].unborn for m in members)]
    if not unborn:
        return []
    mothers = _single_mothers(records, clusters)
    born_by_key: dict[str, list[list[int]]] = {}
    for members in groups:
        if any(records[m].unborn or records[m].date_of_birth is None for m in members):
            continue
        if any(features[m].role not in (None, "child", "sibling") for m in members):
            continue
        for key in _family_keys(records, features, members, mothers):
            born_by_key.setdefault(key, []).append(members)
    keys_of = {tuple(members): _family_keys(records, features, members, mothers) for members in unborn}
    found = []
    for members in unborn:
        expected = next((records[m].expected_date for m in members if records[m].expected_date), None)
        if expected is None:
            continue
        births: dict[tuple[int, ...], int] = {}  # each candidate child with a record of the birth date
        for key in keys_of[tuple(members)]:
            for child in born_by_key.get(key, []):
                for m in child:
                    date_of_birth = records[m].date_of_birth
                    if (
                        date_of_birth is not None
                        and date_of_birth.precision == "day"
                        and expected.start - _BORN_EARLY <= date_of_birth.start <= expected.start + _BORN_LATE
                    ):
                        births.setdefault(tuple(child), m)
        labels = _birth_labels(records, members)
        if labels:
            chosen = [child for child in births if _birth_labels(records, child) & labels]
        else:
            chosen = list(births)
            rivals = [
                other for other in unborn
                if other is not members and not _birth_labels(records, other)
                and keys_of[tuple(other)] & keys_of[tuple(members)]
            ]
            if rivals:
                continue
        if len(chosen) == 1:
            birth_record = records[births[chosen[0]]]
            agreed = [f"expected {expected.display()}, born {birth_record.date_of_birth.display()}"]  # type: ignore[union-attr]
            if labels:
                agreed.append("the same birth-order label (" + ", ".join(sorted(labels)) + ")")
            found.append((members[0], births[chosen[0]], tuple(agreed)))
    return found


def _family_keys(
    records: Sequence[PersonRecord], features: Sequence[RecordFeatures], members: list[int], mothers: dict[str, int]
) -> set[str]:
    """What ties a child to a home: each part of its family names ("Shah-Reid": shah, reid), its
    postcodes, and its mother (the person of the one mother its agency names, when it names one)."""
    keys = {f"name:{features[m].family}" for m in members if features[m].family}
    keys |= {f"name:{part}" for m in members for part in _NAME_PARTS.split(records[m].family_name.lower()) if part}
    keys |= {f"postcode:{records[m].postcode}" for m in members if records[m].postcode}
    keys |= {f"mother:{mothers[records[m].agency]}" for m in members if records[m].agency in mothers}
    return keys


def _single_mothers(records: Sequence[PersonRecord], clusters: Clusters) -> dict[str, int]:
    """For each agency that names exactly one mother, the person (group) she is."""
    mothers: dict[str, set[int]] = {}
    for index, record in enumerate(records):
        if record.role == "mother":
            mothers.setdefault(record.agency, set()).add(clusters.find(index))
    return {agency: next(iter(groups)) for agency, groups in mothers.items() if len(groups) == 1}


def _birth_labels(records: Sequence[PersonRecord], members: Iterable[int]) -> set[str]:
    texts = [text for m in members for text in (records[m].given_names, records[m].person_ref, *records[m].known_as)]
    return {match.group(1).lower() for text in texts for match in _BIRTH_LABEL.finditer(text)}


def _indices(pairs: Iterable[tuple[str, str]], index_of: dict[str, int]) -> list[tuple[int, int]]:
    """Record-key pairs as index pairs, leaving out keys of records not given."""
    return [(index_of[a], index_of[b]) for a, b in pairs if a in index_of and b in index_of and a != b]


def _shared_identifiers(identifiers: Sequence[dict[str, str]]) -> dict[tuple[int, int], list[str]]:
    """Pairs of records holding the same identifier, with the kinds they share, in input order."""
    holders: dict[tuple[str, str], list[int]] = {}
    for index, found in enumerate(identifiers):
        for kind, value in found.items():
            holders.setdefault((kind, value), []).append(index)
    shared: dict[tuple[int, int], list[str]] = {}
    for (kind, _), indices in holders.items():
        for pair in combinations(indices, 2):
            shared.setdefault(pair, []).append(kind)
    return dict(sorted(shared.items()))


def _kept_apart(pair: ScoredPair, records: Sequence[PersonRecord], features: Sequence[RecordFeatures]) -> bool:
    """Pairs the model never links, however much else agrees. In a family's records relatives share
    family names and addresses, so what tells them apart decides:

    - a wholly different given name (no nickname, known-as name or likeness) links only when the
      dates of birth agree exactly, and never when either record is a child (twins);
    - two full dates of birth that cannot be one recorded date (see dates_compatible) never link
      when either record has a family role. Lists without roles (registers, FEBRL) leave such
      pairs to the model, which weighs the difference against everything else.
    """
    left, right = features[pair.left], features[pair.right]
    labels = {level.label for _, level in pair.levels() if level is not None}
    if "given name different" in labels and (
        "child" in (left.role, right.role) or "date of birth exact" not in labels
    ):
        return True
    born_left, born_right = records[pair.left].date_of_birth, records[pair.right].date_of_birth
    return (
        (left.role is not None or right.role is not None)
        and born_left is not None and born_left.precision == "day"
        and born_right is not None and born_right.precision == "day"
        and not dates_compatible(born_left, born_right)
    )


def _model_reason(records: Sequence[PersonRecord], pair: ScoredPair) -> LinkReason:
    agreed, disagreed = [], []
    for comparison, level in pair.levels():
        if level is not None and level.m > level.u:
            agreed.append(level.label)
        elif level is not None and level.m < level.u:
            disagreed.append(comparison.field)
    return LinkReason(records[pair.left].key, records[pair.right].key, "probabilistic", tuple(agreed),
                      tuple(disagreed), round(pair.match_weight, 2), pair.match_probability)

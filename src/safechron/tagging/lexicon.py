"""The tagging lexicon: risk terms per tag and the context words around them, read from lexicon.toml.

The lexicon is data a practitioner can read and extend; this module only reads it and checks it,
so a misspelt tag or experiencer fails loudly when the tagger is built, never silently at run time.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from safechron.vocabulary import RISK_TAGS

__all__ = ["EXPERIENCER_GROUPS", "Concept", "Lexicon", "LexiconError", "Triggers", "lexicon_load", "ranges_expand"]

#: Who a mention can be about, as grouped for choosing a tag: mother and father count as parent.
EXPERIENCER_GROUPS: dict[str, str] = {
    "mother": "parent",
    "father": "parent",
    "parent": "parent",
    "child": "child",
    "other": "other",
    "unnamed": "unknown",
    "unknown": "unknown",
}
_TAG_GROUPS = frozenset({"parent", "child", "unknown"})
_RANGE = re.compile(r"\{(\d+)-(\d+)\}")


class LexiconError(ValueError):
    """The lexicon file names something the vocabulary does not know, or is badly formed."""


@dataclass(frozen=True, slots=True)
class Triggers:
    """Context words that act on terms after them (`before`) or before them (`after`)."""

    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Concept:
    """One idea (say "alcohol misuse"), its terms, and the tags it gives for each kind of person."""

    name: str
    tags_by_group: Mapping[str, tuple[str, ...]]  # "parent" / "child" / "unknown" -> tags
    terms: tuple[str, ...]
    experiencer: str  # subject, object (violence: the person hit), injured, or party (a quarrel's other party)
    unless_in_sentence: frozenset[str]  # tags that, counted in the same sentence, cancel this one
    conditional_counts: bool  # a threat made on a condition was still made
    by_an_adult: str  # the tag when an adult is hurt by another adult of the family named after "by"
    at_a_professional: str  # the tag when what it says is aimed at a professional (a threat to a worker)

    def tags_for(self, group: str) -> tuple[str, ...]:
        """The tags this concept gives when it is about someone of this group ("other" included)."""
        if group in self.tags_by_group:
            return self.tags_by_group[group]
        if group in ("unknown", "other"):
            return self.tags_by_group.get("parent") or self.tags_by_group.get("child", ())
        return ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the tagger matches, as read from one lexicon file."""

    window: int
    reporter_gap: int
    negation: Triggers
    pseudo: tuple[str, ...]
    termination: tuple[str, ...]
    hypothetical: Triggers
    historical: Triggers
    childhood: Triggers
    childhood_becomes: str
    childhood_tags: frozenset[str]
    reporting_verbs: tuple[str, ...]
    people: Mapping[str, tuple[str, ...]]  # mother, father, parent, child, other, unnamed, professional -> words
    titles: frozenset[str]
    male: frozenset[str]  # person words of a boy or man, for "he" and "his" ("son", "S1")
    female: frozenset[str]  # person words of a girl or woman, for "she" and "her" ("daughter", "D1")
    relatives_of_parent: frozenset[str]
    concepts: tuple[Concept, ...]

    def tags(self) -> frozenset[str]:
        """Every tag the lexicon can give."""
        found = {tag for c in self.concepts for tags in c.tags_by_group.values() for tag in tags}
        return frozenset(found | {self.childhood_becomes})


def lexicon_load(*, path: Path | None = None) -> Lexicon:
    """Read and check a lexicon file; by default the one shipped with safechron."""
    if path is None:
        text = resources.files("safechron.tagging").joinpath("lexicon.toml").read_text(encoding="utf-8")
        where = "lexicon.toml"
    else:
        text = path.read_text(encoding="utf-8")
        where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{where} is not valid TOML: {error}") from error
    try:
        return _lexicon_from(data, where=where)
    except (KeyError, TypeError) as error:
        raise LexiconError(f"{where} is missing or misuses a section or key: {error}") from error


def _lexicon_from(data: dict[str, Any], *, where: str) -> Lexicon:
    context = data["context"]
    people = data["people"]
    childhood = context["childhood"]
    becomes = _checked_tag(childhood["becomes"], where=where, concept="context.childhood")
    groups = {
        group: _words(people[group])
        for group in ("mother", "father", "parent", "child", "other", "unnamed", "professional")
    }
    return Lexicon(
        window=int(data["settings"]["window"]),
        reporter_gap=int(data["settings"]["reporter_gap"]),
        negation=_triggers(context["negation"]),
        pseudo=_words(context["pseudo"]["terms"]),
        termination=_words(context["termination"]["terms"]),
        hypothetical=_triggers(context["hypothetical"]),
        historical=_triggers(context["historical"]),
        childhood=_triggers(childhood),
        childhood_becomes=becomes,
        childhood_tags=frozenset(
            _checked_tag(tag, where=where, concept="context.childhood") for tag in childhood["tags"]
        ),
        reporting_verbs=_words(context["reported"]["verbs"]),
        people=groups,
        titles=frozenset(word.lower() for word in people["titles"]),
        male=frozenset(phrase.lower() for word in people["male"] for phrase in ranges_expand(word)),
        female=frozenset(phrase.lower() for word in people["female"] for phrase in ranges_expand(word)),
        relatives_of_parent=frozenset(word.lower() for word in people["relatives_of_parent"]),
        concepts=tuple(_concept(raw, where=where) for raw in data["concept"]),
    )


def ranges_expand(term: str) -> list[str]:
    """A term with a number range in braces, as every term it stands for: "aged {1-3}" gives
    "aged 1", "aged 2" and "aged 3"."""
    found = _RANGE.search(term)
    if found is None:
        return [term]
    low, high = int(found.group(1)), int(found.group(2))
    return [
        expanded
        for number in range(low, high + 1)
        for expanded in ranges_expand(term[: found.start()] + str(number) + term[found.end() :])
    ]


def _concept(raw: dict[str, Any], *, where: str) -> Concept:
    name = str(raw["name"])
    spec = raw["tag"]
    if isinstance(spec, dict):
        unknown_groups = set(spec) - _TAG_GROUPS
        if unknown_groups:
            raise LexiconError(
                f"{where}: concept {name!r} gives tags for {sorted(unknown_groups)}; use only {sorted(_TAG_GROUPS)}"
            )
        by_group = {group: _tag_list(value, where=where, concept=name) for group, value in spec.items()}
    else:
        tags = _tag_list(spec, where=where, concept=name)
        by_group = {group: tags for group in _TAG_GROUPS}
    experiencer = raw.get("experiencer", "subject")
    if experiencer not in ("subject", "object", "injured", "party"):
        raise LexiconError(
            f"{where}: concept {name!r} has experiencer {experiencer!r}; use subject, object, injured or party"
        )
    return Concept(
        name=name,
        tags_by_group=by_group,
        terms=_words(raw.get("terms", ())),
        experiencer=experiencer,
        conditional_counts=bool(raw.get("conditional_counts", False)),
        by_an_adult=_optional_tag(raw, "by_an_adult", where=where, concept=name),
        at_a_professional=_optional_tag(raw, "at_a_professional", where=where, concept=name),
        unless_in_sentence=frozenset(
            _checked_tag(tag, where=where, concept=name) for tag in raw.get("unless_in_sentence", ())
        ),
    )


def _tag_list(value: str | list[str], *, where: str, concept: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else list(value)
    return tuple(_checked_tag(tag, where=where, concept=concept) for tag in values)


def _optional_tag(raw: dict[str, Any], key: str, *, where: str, concept: str) -> str:
    return _checked_tag(raw[key], where=where, concept=concept) if key in raw else ""


def _checked_tag(tag: str, *, where: str, concept: str) -> str:
    if tag not in RISK_TAGS:
        raise LexiconError(f"{where}: {concept!r} uses the tag {tag!r}, which is not a risk tag of the vocabulary")
    return tag


def _triggers(raw: dict[str, Any]) -> Triggers:
    return Triggers(before=_words(raw.get("before", ())), after=_words(raw.get("after", ())))


def _words(raw: Any) -> tuple[str, ...]:
    return tuple(str(word) for word in raw)

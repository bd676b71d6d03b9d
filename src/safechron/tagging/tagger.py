"""Propose risk tags from an entry's free text, reading each mention in its context.

A rule-based tagger in the ConText tradition (Harkema et al. 2009): a spaCy blank English
pipeline finds the terms of the lexicon, then trigger words in the same clause decide whether
a mention is negated ("denies any DA"), hypothetical ("advised to call police if"), historical
("history of depression") or reported ("MGM states"), and the people named around it decide
who it is about ("S1 said daddy drinks": the father). Every word it uses is in lexicon.toml.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import spacy
from spacy.attrs import IDX, IS_TITLE, IS_UPPER, LENGTH, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from safechron.tagging.lexicon import EXPERIENCER_GROUPS, Concept, Lexicon, lexicon_load, ranges_expand

__all__ = ["Mention", "Tagger", "default_tagger"]

_OBJECT_REACH = 3  # tokens after a verb of violence in which the person hit is named
_OBJECT_PRONOUNS = frozenset({"him", "her", "me", "them", "you"})
_SAME_SEX = frozenset({("father", "him"), ("mother", "her")})
_POSSESSIVES = frozenset({"'s", "’s"})
_POSSESSIVE_PRONOUNS = frozenset({"her", "his", "their"})
_PRONOUN_REACH = 12  # tokens back to the person "her sister" belongs to
_PRONOUN_SEXES = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_OUTSIDERS = frozenset({"other", "unnamed"})  # people who, doing the hurting, are not the family
_GROUP_SEXES = {"mother": "female", "father": "male"}
_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "couple", "twins"})
_DETERMINERS = ("a", "an", "the", "her", "his", "their", "two", "some")  # "assaulted by a customer"
_NEW_PREDICATES = ("is", "was", "has", "had", "remains", "continues")  # "...and is reducing her methadone"
_FULL_STOPS = (".", "!", "?", "...", "\n\n")
_QUOTES = ("'", '"', "‘", "’", "“", "”")  # quotation marks open quoted speech


@dataclass(frozen=True, slots=True)
class Mention:
    """One risk term found in a text, with what its context says about it."""

    tag: str
    start: int  # character offsets in the text
    end: int
    text: str
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    experiencer: str = "unknown"  # parent, mother, father, child, other or unknown
    reported_by: str = ""  # who told it ("MGM", "S1"), when someone is named as telling it

    @property
    def counts(self) -> bool:
        """Whether the mention proposes its tag: not negated, not hypothetical, about the family."""
        return not self.negated and not self.hypothetical and self.experiencer != "other"


@dataclass(frozen=True, slots=True)
class _Span:
    kind: str  # "concept", "trigger" or "person"
    value: str  # concept index, trigger category or person group
    start: int  # token offsets
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class _Person:
    group: str  # mother, father, parent, child, other or professional
    start: int
    end: int
    text: str
    reporter: bool  # tells what follows ("MGM states")
    agent: bool = False  # does what is described, after "by" ("assaulted by her partner")
    companion: bool = False  # is with the subject, after "with" ("drinks with friends")
    possessor: bool = False  # owns what follows ("brother's death"), so is not what the term is about
    after_comma: bool = False  # comes after a comma, in the next item of a list
    plural: bool = False  # "the children", "parents": not who "he", "she" or "her" stand for
    sex: str = ""  # "male" or "female" when the words say so ("mum", "son", "D1")
    kin: bool = False  # a relative of someone, named with an owner ("her dad", "Ms A's mother")


_NOBODY = _Person("unknown", 0, 0, "", reporter=False)  # a pronoun that stands for no one named


@dataclass(frozen=True, slots=True)
class _Tokens:
    """The token attributes the rules read, taken from the doc in one call (making spaCy Token
    objects one by one is the slowest part of reading a text)."""

    text: str
    orths: Sequence[int]
    lowers: Sequence[int]
    offsets: Sequence[int]
    lengths: Sequence[int]
    capitalised: Sequence[bool]

    @classmethod
    def of(cls, doc: Doc, text: str) -> _Tokens:
        rows = doc.to_array([ORTH, LOWER, IDX, LENGTH, IS_TITLE, IS_UPPER]).tolist()
        orths, lowers, offsets, lengths, titles, uppers = zip(*rows, strict=True)
        capitalised = [bool(t or u) for t, u in zip(titles, uppers, strict=True)]
        return cls(text, orths, lowers, offsets, lengths, capitalised)

    def __len__(self) -> int:
        return len(self.orths)

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + self.lengths[end - 1]


@dataclass(frozen=True, slots=True)
class _Clause:
    """Where context words reach for one mention: its clause, inside its sentence."""

    sentence_start: int
    sentence_end: int
    start: int
    end: int


class Tagger:
    """Finds risk mentions in free text. Build it once (see `default_tagger`); it keeps no state
    between texts, so one tagger can serve a whole process."""

    def __init__(self, *, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon if lexicon is not None else lexicon_load()
        self._nlp: Language = spacy.blank("en")
        vocab = self._nlp.vocab
        strings = vocab.strings
        self._full_stops = frozenset(strings.add(stop) for stop in _FULL_STOPS)
        self._possessives = frozenset(strings.add(word) for word in _POSSESSIVES)
        self._possessive_pronouns = frozenset(strings.add(word) for word in _POSSESSIVE_PRONOUNS)
        self._object_pronouns = {strings.add(word): word for word in _OBJECT_PRONOUNS}
        self._by = strings.add("by")
        self._determiners = frozenset(strings.add(word) for word in _DETERMINERS)
        self._who = strings.add("who")
        self._with = strings.add("with")
        self._and = strings.add("and")
        self._new_predicates = frozenset(strings.add(word) for word in _NEW_PREDICATES)
        self._comma = strings.add(",")
        self._me = strings.add("me")
        self._quotes = frozenset(strings.add(mark) for mark in _QUOTES)
        self._pronoun_sexes = {strings.add(word): sex for word, sex in _PRONOUN_SEXES.items()}
        self._male = self._lexicon.male
        self._female = self._lexicon.female
        self._titles = frozenset(strings.add(word) for word in self._lexicon.titles)
        self._relatives = frozenset(strings.add(word) for word in self._lexicon.relatives_of_parent)
        self._any_case = PhraseMatcher(vocab, attr="LOWER")
        self._exact_case = PhraseMatcher(vocab, attr="ORTH")
        self._labels: dict[int, tuple[str, str]] = {}
        self._add_vocabulary()

    # -- public API --------------------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        """Every risk mention in the text, in order, including those that do not count."""
        return self._mentions(self._nlp.make_doc(text), text)

    def propose(self, text: str) -> frozenset[str]:
        """The tags the text supports: negated and hypothetical mentions, and mentions about
        people outside the family, are left out; reported and historical ones count."""
        return _counting(self.mentions(text))

    def propose_many(self, texts: Iterable[str]) -> list[frozenset[str]]:
        """`propose` for many texts: the fast path the pipeline uses for a whole chronology."""
        # The pipeline has no components, so making each doc directly is faster than nlp.pipe.
        make_doc = self._nlp.make_doc
        return [_counting(self._mentions(make_doc(text), text)) for text in texts]

    # -- building the matchers ----------------------------------------------------------------

    def _add_vocabulary(self) -> None:
        lexicon = self._lexicon
        for index, concept in enumerate(lexicon.concepts):
            self._add_phrases("concept", str(index), concept.terms, inflect=True)
        trigger_lists: dict[str, Sequence[str]] = {
            "pseudo": lexicon.pseudo,
            "termination": lexicon.termination,
            "reporting": lexicon.reporting_verbs,
        }
        for name, triggers in (
            ("negation", lexicon.negation),
            ("hypothetical", lexicon.hypothetical),
            ("historical", lexicon.historical),
            ("childhood", lexicon.childhood),
        ):
            trigger_lists[f"{name}_before"] = triggers.before
            trigger_lists[f"{name}_after"] = triggers.after
        for category, words in trigger_lists.items():
            self._add_phrases("trigger", category, words, inflect=False)
        for group, words in lexicon.people.items():
            self._add_phrases("person", group, words, inflect=True)

    def _add_phrases(self, kind: str, value: str, words: Iterable[str], *, inflect: bool) -> None:
        # One matcher key per phrase: spaCy's PhraseMatcher is several times faster that way than with
        # hundreds of phrases under one key.
        for word in words:
            for phrase in ranges_expand(word):
                label = f"{kind}:{value}:{phrase}"
                self._labels[self._nlp.vocab.strings.add(label)] = (kind, value)
                if _is_acronym(phrase):
                    self._exact_case.add(label, [self._nlp.make_doc(phrase)])
                else:
                    forms = _plurals(phrase) if inflect else (phrase,)
                    self._any_case.add(label, [self._nlp.make_doc(form) for form in forms])

    # -- reading one text ---------------------------------------------------------------------

    def _mentions(self, doc: Doc, text: str) -> list[Mention]:
        concepts, triggers, people = self._spans(doc)
        if not concepts:
            return []
        tokens = _Tokens.of(doc, text)
        persons = self._persons(tokens, people, triggers)
        by_category: dict[str, list[_Span]] = {}
        for trigger in triggers:
            by_category.setdefault(trigger.value, []).append(trigger)
        sentence_starts, sentence_ends = self._sentences(tokens.orths)
        terminations = by_category.get("termination", [])
        new_statements = self._new_statements(tokens, concepts, triggers, persons, sentence_starts)
        found: dict[tuple[str, int, int], Mention] = {}
        sentences: dict[tuple[str, int, int], int] = {}  # mention -> the sentence it is in
        for span in concepts:
            concept = self._lexicon.concepts[int(span.value)]
            clause = _clause(span, sentence_starts, sentence_ends, terminations)
            negation_clause = clause
            if new_statements:
                negation_clause = _clause(span, sentence_starts, sentence_ends, terminations + new_statements)
            for mention in self._read(
                tokens, span, concept, clause, negation_clause, by_category, persons, sentence_starts
            ):
                key = (mention.tag, mention.start, mention.end)
                found.setdefault(key, mention)
                sentences[key] = clause.sentence_start
        cancelled = self._cancelled(found, sentences, concepts)
        return [mention for key, mention in found.items() if key not in cancelled]

    def _cancelled(
        self,
        found: dict[tuple[str, int, int], Mention],
        sentences: dict[tuple[str, int, int], int],
        concepts: list[_Span],
    ) -> set[tuple[str, int, int]]:
        """Mentions whose concept says another tag counted in the same sentence cancels them."""
        rules = {
            tag: concept.unless_in_sentence
            for concept in (self._lexicon.concepts[int(span.value)] for span in concepts)
            if concept.unless_in_sentence
            for tags in concept.tags_by_group.values()
            for tag in tags
        }
        if not rules:
            return set()
        counted = {(m.tag, sentences[key]) for key, m in found.items() if m.counts}
        return {
            key
            for key, m in found.items()
            if m.tag in rules and any((tag, sentences[key]) in counted for tag in rules[m.tag])
        }

    def _new_statements(
        self,
        tokens: _Tokens,
        concepts: list[_Span],
        triggers: list[_Span],
        persons: list[_Person],
        sentence_starts: list[int],
    ) -> list[_Span]:
        """Where "and" starts a new statement that a negation before it does not reach: after a risk
        term of its sentence, "and" followed by someone named ("no concerns re drugs and dad drinks
        daily", "denies drug use and Darren drinks daily") or by a new verb ("tested negative for
        opiates and is reducing her methadone"). Someone named is a person word (not an
        owner: in "no evidence of DV and Mr B's drug use" the negation still reaches) or a capitalised
        word that is not a term or trigger, as names (Kayleigh, Darren) are not in the lexicon."""
        ands = [i for i, lower in enumerate(tokens.lowers) if lower == self._and]
        if not ands:
            return []
        named = {p.start: not p.possessor for p in persons}
        listed = {span.start for span in concepts} | {span.start for span in triggers}
        breaks: list[_Span] = []
        for i in ands:
            after = i + 1
            if after + 1 < len(tokens) and tokens.lowers[after] in self._determiners and after + 1 in named:
                after += 1  # "and her partner drinks"
            if after >= len(tokens):
                continue
            word = tokens.text[slice(*tokens.char_span(after, after + 1))]
            name = after not in listed and len(word) > 1 and word.isalpha() and word.istitle()
            verb = after == i + 1 and tokens.lowers[after] in self._new_predicates
            sentence_start = sentence_starts[bisect_right(sentence_starts, i) - 1]
            if (named.get(after, name) or verb) and any(sentence_start <= c.start and c.end <= i for c in concepts):
                breaks.append(_Span("trigger", "termination", i, i + 1))
        return breaks

    def _sentences(self, orths: Sequence[int]) -> tuple[list[int], list[int]]:
        """Sentence bounds (token offsets) at full stops, found without building Token objects."""
        stops = self._full_stops
        ends = [i + 1 for i, orth in enumerate(orths) if orth in stops]
        if not ends or ends[-1] != len(orths):
            ends.append(len(orths))
        return [0, *ends[:-1]], ends

    def _spans(self, doc: Doc) -> tuple[list[_Span], list[_Span], list[_Span]]:
        matches: list[_Span] = []
        for matcher in (self._any_case, self._exact_case):
            for match_id, start, end in matcher(doc):
                kind, value = self._labels[match_id]
                matches.append(_Span(kind, value, start, end))
        concepts = _longest(list(dict.fromkeys(m for m in matches if m.kind == "concept")))
        people = _longest(list(dict.fromkeys(m for m in matches if m.kind == "person")))
        # Triggers compete only within their category ("negative for" before a term and "negative"
        # after one can both stand), except that a pseudo-negation silences what it contains.
        by_category: dict[str, list[_Span]] = {}
        for match in matches:
            if match.kind == "trigger":
                by_category.setdefault(match.value, []).append(match)
        pseudo = by_category.pop("pseudo", [])
        pseudo_sizes = _sizes(pseudo)
        triggers = [
            t
            for spans in by_category.values()
            for t in _longest(spans)
            if all(pseudo_sizes.get(i, 0) < t.size for i in range(t.start, t.end))
        ]
        # A term and a trigger that overlap: the longer wins ("no access" is a term, not "no").
        term_sizes = _sizes(concepts)
        triggers = [t for t in triggers if all(term_sizes.get(i, 0) < t.size for i in range(t.start, t.end))]
        trigger_sizes = _sizes(triggers + pseudo)
        concepts = [
            c
            for c in concepts
            if all(trigger_sizes.get(i, 0) <= c.size for i in range(c.start, c.end))
            and not any(_outweighs(p, c) for p in pseudo)
        ]
        # A person word inside a longer trigger names nobody: "head injury as a child", "her own mother".
        people = [p for p in people if all(trigger_sizes.get(i, 0) <= p.size for i in range(p.start, p.end))]
        return concepts, triggers, people

    def _persons(self, tokens: _Tokens, people: list[_Span], triggers: list[_Span]) -> list[_Person]:
        gap = self._lexicon.reporter_gap
        verbs = [t.start for t in triggers if t.value == "reporting"]
        groups_ending_at: dict[int, str] = {}  # token after a person -> that person's group
        persons: list[_Person] = []
        for span in people:  # in text order, so a possessor is seen before what it possesses
            if persons and span.start < persons[-1].end:
                continue  # the name after a title ("Mr B2"), not another person
            end = span.end
            single = span.size == 1
            if single and tokens.lowers[span.start] in self._titles and end < len(tokens) and tokens.capitalised[end]:
                end += 1  # "Ms A", "Mr Brown": the name is part of the person
            group = span.value
            kin = False
            if single and span.start > 0 and tokens.lowers[span.start] in self._relatives:
                before = span.start - 1
                kin = tokens.orths[before] in self._possessives or tokens.lowers[before] in self._possessive_pronouns
                owner = ""
                if tokens.orths[before] in self._possessives:
                    owner = groups_ending_at.get(before, "")  # "Ms A's sister", "mum's friend"
                elif tokens.lowers[before] in self._possessive_pronouns and persons:
                    last_named = persons[-1]  # "Mother said her sister": the last named person's
                    # "S1 hits her mum" is the child's mum, but "Ms J said her mother drank" is a
                    # grandmother: a parent's parents count only when the parent tells of them.
                    if span.start - last_named.end <= _PRONOUN_REACH and (
                        EXPERIENCER_GROUPS.get(group) != "parent" or last_named.reporter
                    ):
                        owner = last_named.group
                if EXPERIENCER_GROUPS.get(owner, "") == "parent":
                    group = "other"
            reporter = any(
                end <= verb <= end + gap and not any(o in self._full_stops for o in tokens.orths[end:verb])
                for verb in verbs
            )  # "MGM states", but not "...the TA. Parents informed"
            first, last = tokens.char_span(span.start, end)
            # "assaulted by a stranger" (the stranger did it), but not "by an adult who smelt of
            # alcohol" (the adult is the one the clause is about).
            agent = self._after_by(tokens, span.start) and (end >= len(tokens) or tokens.lowers[end] != self._who)
            companion = span.start > 0 and tokens.lowers[span.start - 1] == self._with
            possessor = end < len(tokens) and tokens.orths[end] in self._possessives
            after_comma = span.start > 0 and tokens.orths[span.start - 1] == self._comma
            text = tokens.text[first:last]
            words = tokens.text[slice(*tokens.char_span(span.start, span.end))].lower()
            sex = _GROUP_SEXES.get(group, "male" if words in self._male else "female" if words in self._female else "")
            persons.append(
                _Person(
                    group,
                    span.start,
                    end,
                    text,
                    reporter,
                    agent,
                    companion,
                    possessor,
                    after_comma,
                    _plural(words),
                    sex,
                    kin,
                )
            )
            groups_ending_at[end] = group
        return persons

    def _antecedent(
        self,
        tokens: _Tokens,
        span: _Span,
        clause: _Clause,
        persons: list[_Person],
        reporting: Sequence[_Span],
        sentence_starts: list[int],
    ) -> _Person | None:
        """Who a pronoun in a sentence naming nobody refers back to: in the nearest earlier sentence
        naming someone who fits, the first who does and is not only telling it, as a sentence's
        subject usually comes first ("Officers found Ms G asleep with the baby in the car. She was
        over the limit": Ms G; "Ms K reported her daughter missing. She came home drunk": the
        daughter). A pronoun telling it stands for no subject ("S1 was seen. He said they argue a lot")."""
        last = min(span.end + _OBJECT_REACH, clause.end)
        gap = self._lexicon.reporter_gap
        sexes = {
            self._pronoun_sexes[tokens.lowers[i]]
            for i in range(clause.start, last)
            if tokens.lowers[i] in self._pronoun_sexes
            and not any(i < r.start <= min(i + gap, clause.sentence_end - 1) for r in reporting)
        }
        if len(sexes) != 1:
            return None
        earlier = [p for p in _fitting(persons, sexes.pop()) if p.end <= clause.sentence_start]
        if not earlier:
            return None
        sentence_start = sentence_starts[bisect_left(sentence_starts, earlier[-1].end) - 1]
        candidates = [p for p in earlier if p.start >= sentence_start]
        return next((p for p in candidates if not p.reporter), candidates[0])

    def _owner(self, tokens: _Tokens, span: _Span, clause: _Clause, persons: list[_Person]) -> _Person | None:
        """Whose "her" or "his" the term is ("because of neglect and her drug use", "the cause of her
        poor mental health"): the nearest single person named before it whose sex fits, in this
        sentence or an earlier one. Someone outside the family (an "other") may be that person."""
        for i in range(span.start - 1, max(clause.start, span.start - 2) - 1, -1):
            if tokens.lowers[i] in self._possessive_pronouns and tokens.lowers[i] in self._pronoun_sexes:
                if any(p.start > i and p.end <= span.start for p in persons):
                    return None  # "her mum drinks": the mum
                fitting = [p for p in _fitting(persons, self._pronoun_sexes[tokens.lowers[i]]) if p.end <= i]
                return fitting[-1] if fitting else _NOBODY
        return None

    def _at_the_writer(self, tokens: _Tokens, span: _Span, clause: _Clause, persons: list[_Person]) -> bool:
        """Whether a threat ends in "me" that is the professional writing the record ("Ms S became
        aggressive, threatened to kill me and threw a chair"): nobody in the sentence tells it and it
        is not quoted speech ("Ms A said he threatened to kill me", "'I'll kill me', he shouted")."""
        if tokens.lowers[span.end - 1] != self._me and (span.end >= len(tokens) or tokens.lowers[span.end] != self._me):
            return False
        sentence = range(clause.sentence_start, clause.sentence_end)
        told = any(p.reporter and p.start in sentence for p in persons)
        return not told and not any(tokens.orths[i] in self._quotes for i in sentence)

    def _with_a_professional(self, tokens: _Tokens, span: _Span, clause: _Clause, persons: list[_Person]) -> bool:
        """Whether the other party to a quarrel, named after "with" just after it, is a professional
        ("an argument with social care", "a row with the SW"), not a partner or relative."""
        after = [p for p in persons if span.end <= p.start <= span.end + _OBJECT_REACH and p.end <= clause.end]
        if not after or after[0].group != "professional":
            return False
        before = after[0].start - 1
        if before > span.end and tokens.lowers[before] in self._determiners:
            before -= 1
        return before >= span.end and tokens.lowers[before] == self._with

    def _after_by(self, tokens: _Tokens, start: int) -> bool:
        """Whether a person named from this token is named after "by" ("by a customer", "by her partner")."""
        before = start - 1
        if before > 0 and tokens.lowers[before] in self._determiners:
            before -= 1
        return before >= 0 and tokens.lowers[before] == self._by

    def _read(
        self,
        tokens: _Tokens,
        span: _Span,
        concept: Concept,
        clause: _Clause,
        negation_clause: _Clause,
        triggers: dict[str, list[_Span]],
        persons: list[_Person],
        sentence_starts: list[int],
    ) -> Iterator[Mention]:
        window = self._lexicon.window

        def within(name: str, *, sentence: bool = False) -> bool:
            return _reaches(span, clause, triggers, name, window, sentence=sentence)

        negated = _reaches(span, negation_clause, triggers, "negation", window, sentence=False)
        hypothetical = not concept.conditional_counts and within("hypothetical")
        # The pronoun after a verb of violence, or ending a threat ("kill you", "stab her").
        pronoun = tokens.lowers[span.end] if span.end < len(tokens) else 0
        object_pronoun = self._object_pronouns.get(pronoun, "") or self._object_pronouns.get(
            tokens.lowers[span.end - 1], ""
        )
        # Violence or a threat aimed at a professional, or a quarrel with one, is not a family risk.
        at_a_professional = concept.experiencer == "object" and (
            self._at_the_writer(tokens, span, clause, persons)
            or _hurts_a_professional(span, clause, persons, object_pronoun=object_pronoun)
        )
        with_a_professional = concept.experiencer == "party" and self._with_a_professional(
            tokens, span, clause, persons
        )
        person = _experiencer(
            span,
            concept,
            clause,
            persons,
            object_pronoun=object_pronoun,
            professional=at_a_professional or with_a_professional,
        )
        if concept.experiencer in ("subject", "party"):
            owner = self._owner(tokens, span, clause, persons)
            if owner is not None:
                person = None if owner is _NOBODY else owner
        if person is None:
            person = self._antecedent(tokens, span, clause, persons, triggers.get("reporting", ()), sentence_starts)
        if person is None and concept.experiencer == "injured":
            person = _injured_before(clause, persons, sentence_starts)
        # A childhood colours the whole sentence: "grew up with a mother who drank"; for what a parent's
        # own parents did, however far into it ("talked about her childhood: ... her dad drank heavily").
        childhood = within("childhood", sentence=True) or (
            person is not None
            and person.kin
            and _reaches(span, clause, triggers, "childhood", len(tokens), sentence=True)
        )
        historical = childhood or within("historical")
        reporter = _reporter(span, clause, persons)
        experiencer = person.group if person and person.group != "unnamed" else "unknown"
        group = EXPERIENCER_GROUPS[experiencer]
        start, end = tokens.char_span(span.start, span.end)
        # "Mr Q told the SW his father used to beat him as a child": the child was Mr Q, the first
        # person of the sentence; "D1 said dad hit her when she was 6" stays a child's injury.
        adult_recalling = childhood and (group != "child" or _first_is_parent(clause, persons))
        tags = concept.tags_for(group)
        if at_a_professional and concept.at_a_professional:
            # "Ms S threatened to kill me", "Mr C threatened to kill the SW": hostility, if an adult's.
            doer = _doer(span, clause, persons)
            experiencer = doer.group if doer and doer.group != "unnamed" else "unknown"
            group = EXPERIENCER_GROUPS[experiencer]
            tags = (concept.at_a_professional,) if group != "child" else ()
        elif concept.by_an_adult and group == "parent" and _hurt_by_an_adult(person, clause, persons):
            tags = (concept.by_an_adult,)  # "Ms A had bruising to her face caused by Mr B": abuse
        for tag in tags:
            mention_tag, mention_experiencer = tag, experiencer
            if adult_recalling and tag in self._lexicon.childhood_tags:
                # Harm in a parent's own childhood is that parent's history, not a current risk.
                mention_tag = self._lexicon.childhood_becomes
                mention_experiencer = _parent_before(span, clause, persons)
            yield Mention(
                tag=mention_tag,
                start=start,
                end=end,
                text=tokens.text[start:end],
                negated=negated,
                hypothetical=hypothetical,
                historical=historical,
                experiencer=mention_experiencer,
                reported_by=reporter,
            )


@functools.cache
def default_tagger() -> Tagger:
    """The tagger with the lexicon shipped with safechron, built once per process."""
    return Tagger()


def _counting(mentions: Iterable[Mention]) -> frozenset[str]:
    return frozenset(m.tag for m in mentions if m.counts)


def _is_acronym(word: str) -> bool:
    """Words in capitals (DA, DASH, S1) match only in capitals."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 1 and len(word) >= 2 and all(c.isupper() for c in letters)


def _plurals(term: str) -> tuple[str, ...]:
    """The term and its last word's plural or third-person forms: bruise, bruises."""
    head, _, last = term.rpartition(" ")
    if len(last) < 3 or not last.isalpha() or last.endswith("s"):
        return (term,)
    prefix = f"{head} " if head else ""
    forms = [last + "s", last + "es"]
    if last.endswith("y"):
        forms.append(last[:-1] + "ies")
    return (term, *(prefix + form for form in forms))


def _outweighs(pseudo: _Span, term: _Span) -> bool:
    """Whether a pseudo-negation overlapping a term of its size, shifted, silences it ("no longer drinks"
    in "no longer drinks fizzy drinks"); a pseudo-negation that is exactly a term does not ("no fixed
    abode" is also homelessness)."""
    overlaps = pseudo.start < term.end and term.start < pseudo.end
    return overlaps and pseudo.size >= term.size and (pseudo.start, pseudo.end) != (term.start, term.end)


def _sizes(spans: list[_Span]) -> dict[int, int]:
    """For each token, the size of the longest span covering it."""
    sizes: dict[int, int] = {}
    for span in spans:
        for i in range(span.start, span.end):
            sizes[i] = max(sizes.get(i, 0), span.size)
    return sizes


def _longest(spans: list[_Span]) -> list[_Span]:
    """Keep the longest of overlapping spans (the earliest on a tie); spans covering exactly the
    same tokens are all kept, as one term may give two tags ("refuge": abuse and housing)."""
    spans.sort(key=lambda s: (s.start, s.end))
    if all(a.end <= b.start for a, b in pairwise(spans)):
        return spans  # nothing overlaps, the usual case
    kept: list[_Span] = []
    taken: dict[int, tuple[int, int]] = {}  # token -> the kept span covering it
    for span in sorted(spans, key=lambda s: (-s.size, s.start)):
        bounds = (span.start, span.end)
        if all(taken.get(i, bounds) == bounds for i in range(span.start, span.end)):
            kept.append(span)
            taken.update(dict.fromkeys(range(span.start, span.end), bounds))
    kept.sort(key=lambda s: (s.start, s.end))
    return kept


def _clause(span: _Span, starts: list[int], ends: list[int], terminations: list[_Span]) -> _Clause:
    index = max(bisect_right(starts, span.start) - 1, 0)
    sentence_start, sentence_end = starts[index], ends[index]
    start, end = sentence_start, sentence_end
    for term in terminations:
        if sentence_start <= term.start and term.end <= span.start:
            start = max(start, term.end)
        elif span.end <= term.start and term.end <= sentence_end:
            end = min(end, term.start)
    return _Clause(sentence_start, sentence_end, start, end)


def _reaches(
    span: _Span, clause: _Clause, triggers: dict[str, list[_Span]], name: str, window: int, *, sentence: bool
) -> bool:
    """Whether a trigger of this name acts on the span: before it or after it, within the window
    and the clause (or the whole sentence)."""
    first = clause.sentence_start if sentence else clause.start
    last = clause.sentence_end if sentence else clause.end
    for trigger in triggers.get(f"{name}_before", ()):
        if first <= trigger.start and trigger.end <= span.start and span.start - trigger.end <= window:
            return True
    for trigger in triggers.get(f"{name}_after", ()):
        if span.end <= trigger.start and trigger.end <= last and trigger.start - span.end <= window:
            return True
    return False


def _experiencer(
    span: _Span,
    concept: Concept,
    clause: _Clause,
    persons: list[_Person],
    *,
    object_pronoun: str,
    professional: bool,
) -> _Person | None:
    """Who the mention is about: for violence and injuries the person named just after the term
    ("hits mummy", "bruise to the baby's ear"); otherwise, and failing that, the nearest person
    named before it in the sentence who is neither telling it, nor doing it ("assaulted by a
    stranger"), nor with the subject ("drinks with friends"); then a teller from the family ("S1
    says he smokes cannabis"; a neighbour who complains is not the subject); then a person named
    just after it. What is aimed at a professional ("threatened to kill me" in a worker's note,
    "kicked his key worker", "an argument with social care") is not about the family."""
    if professional:
        return _Person("other", span.end, span.end, "", reporter=False)
    in_sentence = [
        p
        for p in persons
        if clause.sentence_start <= p.start and p.end <= clause.sentence_end and p.group != "professional"
    ]
    before = [p for p in in_sentence if p.end <= span.start]
    after = [p for p in in_sentence if p.start >= span.end]
    if concept.experiencer in ("object", "injured"):
        outsiders = [p for p in after if p.agent and p.group in _OUTSIDERS and p.end <= clause.end]
        if outsiders:
            return replace(outsiders[0], group="other")  # violence by someone outside the family is not abuse
        near = [p for p in after if p.start - span.end <= _OBJECT_REACH and not p.reporter]
        hit = [p for p in near if not p.agent]
        if hit:
            if hit[0].group == "unnamed":
                return replace(hit[0], group="other")  # "assaulting a man in a pub"
            doers = [p for p in before if not p.reporter and p.start >= clause.start]
            if (
                concept.experiencer == "object"
                and doers
                and doers[-1].group in _OUTSIDERS
                and EXPERIENCER_GROUPS[hit[0].group] != "child"
            ):
                return replace(doers[-1], group="other")  # "two males assaulted Mr H": not domestic
            return hit[0]
    if concept.experiencer == "object":
        tellers = [p for p in before if p.reporter]
        if object_pronoun and tellers:
            return tellers[-1]  # "S1 said dad hit him": him is S1
        subjects = [p for p in before if not p.reporter and not p.agent]
        if (
            object_pronoun
            and subjects
            and span.start - subjects[-1].end <= 1
            and (subjects[-1].group, object_pronoun) in _SAME_SEX
        ):
            # "his dad punched him", "mum slapped her": a parent hitting someone of their own sex
            # in a family record is most often hitting a child.
            return _Person("child", span.end, span.end + 1, "", reporter=False)
    subjects = [p for p in before if not (p.reporter or p.agent or p.companion)]
    if subjects:
        return subjects[-1]
    family_tellers = [p for p in before if p.group != "other"]
    if family_tellers:
        return family_tellers[-1]
    # Nobody before it: someone named straight after ("low mood in S1"), but not further on, where
    # people are more often where it happened ("cannabis smell in front of the children"), nor in
    # the next clause or item of a list, nor as the owner of something else ("since brother's death").
    near = [
        p
        for p in after
        if p.start - span.end <= _OBJECT_REACH and p.end <= clause.end and not (p.possessor or p.after_comma)
    ]
    return near[0] if near else None


def _injured_before(clause: _Clause, persons: list[_Person], sentence_starts: list[int]) -> _Person | None:
    """Whose injury a sentence naming nobody records ("Head injury."): a child's if the sentence
    before names a child ("Ms A brought S1 to ED"), an adult's if it names only adults ("Mr K
    brought in by police")."""
    earlier = [p for p in persons if p.end <= clause.sentence_start and p.group != "professional" and not p.agent]
    if not earlier:
        return None
    sentence_start = sentence_starts[bisect_left(sentence_starts, earlier[-1].end) - 1]
    named = [p for p in earlier if p.start >= sentence_start]
    return next((p for p in named if EXPERIENCER_GROUPS.get(p.group) == "child"), named[-1])


def _hurts_a_professional(span: _Span, clause: _Clause, persons: list[_Person], *, object_pronoun: str) -> bool:
    """Whether a verb of violence or a threat is aimed at a professional, who is not family: "kicked his
    key worker", "threatened to kill the social worker", "was aggressive towards the SW and threatened
    to kill her" (a pronoun standing for the last person named, a professional who is not the first
    person of the sentence: in "officers saw him hit her" the officers are only watching)."""
    in_sentence = [p for p in persons if clause.sentence_start <= p.start and p.end <= clause.sentence_end]
    after = [
        p
        for p in in_sentence
        if p.start >= span.end and p.start - span.end <= _OBJECT_REACH and not (p.reporter or p.agent)
    ]
    if after:
        return after[0].group == "professional"
    before = [p for p in in_sentence if p.end <= span.start and not p.agent]
    return bool(object_pronoun) and len(before) >= 2 and before[-1].group == "professional"


def _doer(span: _Span, clause: _Clause, persons: list[_Person]) -> _Person | None:
    """Who did what the span says to a professional: the last person of the family or outside it named
    before it in its clause who is not telling it ("Ms S became aggressive and threatened to kill me")."""
    doers = [
        p
        for p in persons
        if clause.start <= p.start and p.end <= span.start and p.group != "professional" and not p.reporter
    ]
    return doers[-1] if doers else None


def _hurt_by_an_adult(person: _Person | None, clause: _Clause, persons: list[_Person]) -> bool:
    """Whether an adult of the family is named in the sentence as doing what hurt another ("caused by
    her partner", "inflicted by Mr B"): not a fall or an accident, and not the adult hurt."""
    return person is not None and any(
        p.agent and p is not person and EXPERIENCER_GROUPS.get(p.group) == "parent"
        for p in persons
        if clause.sentence_start <= p.start and p.end <= clause.sentence_end
    )


def _fitting(persons: list[_Person], sex: str) -> list[_Person]:
    """The single people of the family or outside it whom "he", "she", "his" or "her" can stand for."""
    return [p for p in persons if p.group != "professional" and not p.plural and p.sex in ("", sex)]


def _plural(words: str) -> bool:
    """Whether a person word names several people: "children", "both parents", "the couple"."""
    last = words.rsplit(" ", 1)[-1]
    return last in _IRREGULAR_PLURALS or (last.endswith("s") and not last.endswith("ss") and last not in ("ms", "mrs"))


def _reporter(span: _Span, clause: _Clause, persons: list[_Person]) -> str:
    """Who is named as telling what the span says ("MGM states", "S1 said", "HV reports")."""
    tellers = [p for p in persons if p.reporter and clause.sentence_start <= p.start and p.end <= span.start]
    return tellers[-1].text if tellers else ""


def _parent_before(span: _Span, clause: _Clause, persons: list[_Person]) -> str:
    parents = [
        p
        for p in persons
        if clause.sentence_start <= p.start and p.end <= span.start and EXPERIENCER_GROUPS.get(p.group) == "parent"
    ]
    return parents[-1].group if parents else "unknown"


def _first_is_parent(clause: _Clause, persons: list[_Person]) -> bool:
    named = [p for p in persons if clause.sentence_start <= p.start < clause.sentence_end and p.group != "professional"]
    return bool(named) and EXPERIENCER_GROUPS.get(named[0].group) == "parent"

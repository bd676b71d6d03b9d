"""The lexicon a practitioner edits: it loads, names only vocabulary tags, and refuses mistakes."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from safechron.tagging import LexiconError, Tagger, lexicon_load
from safechron.tagging.lexicon import ranges_expand
from safechron.vocabulary import RISK_TAGS

SHIPPED = resources.files("safechron.tagging").joinpath("lexicon.toml").read_text(encoding="utf-8")


def test_the_shipped_lexicon_loads_and_uses_only_vocabulary_tags() -> None:
    lexicon = lexicon_load()
    assert lexicon.concepts
    assert lexicon.tags() <= set(RISK_TAGS)


def test_every_risk_tag_can_be_proposed() -> None:
    assert lexicon_load().tags() == set(RISK_TAGS)


def test_every_concept_has_terms() -> None:
    assert all(concept.terms for concept in lexicon_load().concepts)


def test_a_tag_outside_the_vocabulary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(SHIPPED.replace('tag = "neglect"', 'tag = "negelct"'), encoding="utf-8")
    with pytest.raises(LexiconError, match="negelct"):
        lexicon_load(path=path)


def test_an_unknown_experiencer_group_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    broken = SHIPPED.replace('tag = { parent = "mental_health_parent"', 'tag = { adult = "mental_health_parent"')
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(LexiconError, match="adult"):
        lexicon_load(path=path)


def test_a_term_added_by_a_practitioner_is_used(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(SHIPPED.replace('"head lice",', '"head lice", "nits crawling",'), encoding="utf-8")
    tagger = Tagger(lexicon=lexicon_load(path=path))
    assert tagger.propose("Nits crawling in S1's hair again.") == {"neglect"}


def test_number_ranges_expand() -> None:
    assert ranges_expand("aged {1-3}") == ["aged 1", "aged 2", "aged 3"]
    assert ranges_expand("no range") == ["no range"]


def test_a_misspelt_tag_for_an_aimed_or_adult_harm_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    for key, tag in (("at_a_professional", "hostility_to_professionals"), ("by_an_adult", "domestic_abuse")):
        path.write_text(SHIPPED.replace(f'{key} = "{tag}"', f'{key} = "hostilty"'), encoding="utf-8")
        with pytest.raises(LexiconError, match="hostilty"):
            lexicon_load(path=path)


def test_an_unknown_concept_experiencer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(SHIPPED.replace('experiencer = "party"', 'experiencer = "parties"'), encoding="utf-8")
    with pytest.raises(LexiconError, match="parties"):
        lexicon_load(path=path)

"""The probabilistic model: Fellegi-Sunter comparisons scored by Splink on DuckDB, with fixed,
documented m and u probabilities (docs/linkage.md explains every number).

m is how often a level is seen when two records are the same person, u when they are two
different people who came up in the same block. A level with m above u is evidence for a
link, below u evidence against. The parameters are fixed, not trained, so a family of ten
records is scored exactly as a population of a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import pandas as pd
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator
from splink.blocking_rule_library import CustomRule

from safechron.linkage.features import RecordFeatures

__all__ = ["COMPARISONS", "Comparison", "Level", "ScoredPair", "score_pairs"]


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a comparison: a SQL condition on the _l and _r columns, what it means, m and u."""

    sql: str
    label: str
    m: float
    u: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """One field compared: levels from the strongest agreement down to 'anything else'."""

    name: str
    field: str  # what people read when the field differs
    columns: tuple[str, ...]  # a record without these has nothing to compare (the null level)
    levels: tuple[Level, ...]

    def describe(self, gamma: int) -> Level | None:
        """The level a Splink gamma value stands for (levels are numbered from the last, -1 is null)."""
        if gamma < 0:
            return None
        return self.levels[len(self.levels) - 1 - gamma]


def _near(column: str, similarity: float, edits: int) -> str:
    return (
        f"(jaro_winkler_similarity({column}_l, {column}_r) >= {similarity} "
        f"or damerau_levenshtein({column}_l, {column}_r) <= {edits})"
    )


#: Given and family names written the other way round, allowing a slip of the pen in each.
_SWAPPED = (
    "jaro_winkler_similarity(given_l, family_r) >= 0.92 and jaro_winkler_similarity(family_l, given_r) >= 0.92"
)

#: The share of the words of the longer address that the other address also has.
_SHARED_WORDS = (
    "len(list_intersect(string_split(address_l, ' '), string_split(address_r, ' '))) "
    "/ greatest(len(string_split(address_l, ' ')), len(string_split(address_r, ' ')))"
)

COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        name="given_name",
        field="given name",
        columns=("given",),
        levels=(
            Level(f"{_SWAPPED} and given_l <> family_l", "given and family names swapped", 0.01, 0.00001),
            Level("given_l = given_r", "given name exact", 0.82, 0.01),
            Level("list_has_any(given_names_l, given_names_r)", "another given or known-as name shared",
                  0.04, 0.002),
            Level("list_has_any(nicknames_l, nicknames_r)", "given name a nickname of the other", 0.04, 0.002),
            Level(_near("given", 0.88, 1), "given name similar", 0.06, 0.006),
            Level("jaro_winkler_similarity(given_l, given_r) >= 0.8", "given name a little similar",
                  0.02, 0.03),
            Level("true", "given name different", 0.03, 0.95),
        ),
    ),
    Comparison(
        name="family_name",
        field="family name",
        columns=("family",),
        levels=(
            Level(_SWAPPED, "names swapped", 0.01, 0.01),
            Level("family_l = family_r", "family name exact", 0.85, 0.005),
            Level("list_has_any(all_names_l, [family_r]) or list_has_any(all_names_r, [family_l])",
                  "family name among the other's names", 0.02, 0.002),
            Level(_near("family", 0.9, 1), "family name similar", 0.07, 0.003),
            Level("jaro_winkler_similarity(family_l, family_r) >= 0.8", "family name a little similar",
                  0.02, 0.02),
            Level("true", "family name different", 0.03, 0.95),
        ),
    ),
    Comparison(
        name="date_of_birth",
        field="date of birth",
        columns=("dob",),
        levels=(
            Level("dob_l = dob_r and dob_day_l is not null", "date of birth exact", 0.88, 0.0001),
            Level(
                "dob_year_l = dob_year_r and (dob_day_l is null or dob_day_r is null) "
                "and (dob_month_l is null or dob_month_r is null or dob_month_l = dob_month_r)",
                "date of birth agrees as far as recorded", 0.05, 0.01,
            ),
            Level(
                "dob_year_l = dob_year_r and dob_month_l = dob_day_r and dob_day_l = dob_month_r",
                "date of birth with day and month swapped", 0.02, 0.0003,
            ),
            Level("damerau_levenshtein(dob_l, dob_r) <= 1", "date of birth one digit different", 0.03, 0.003),
            Level("abs(dob_days_l - dob_days_r) <= 365", "date of birth within a year", 0.005, 0.02),
            Level("true", "date of birth different", 0.01, 0.97),
        ),
    ),
    Comparison(
        name="sex",
        field="sex",
        columns=("sex",),
        levels=(
            Level("sex_l = sex_r", "sex the same", 0.97, 0.5),
            Level("true", "sex different", 0.03, 0.5),
        ),
    ),
    Comparison(
        name="postcode",
        field="postcode",
        columns=("postcode",),
        levels=(
            Level("postcode_l = postcode_r", "postcode exact", 0.65, 0.01),
            Level("damerau_levenshtein(postcode_l, postcode_r) <= 1", "postcode one character different",
                  0.08, 0.005),
            Level("postcode_district_l = postcode_district_r", "postcode district the same", 0.07, 0.05),
            Level("true", "postcode different", 0.2, 0.94),
        ),
    ),
    Comparison(
        name="address",
        field="address",
        columns=("address",),
        levels=(
            Level("address_l = address_r", "address exact", 0.45, 0.002),
            Level("jaro_winkler_similarity(address_l, address_r) >= 0.9", "address similar", 0.25, 0.005),
            Level(f"{_SHARED_WORDS} >= 0.5", "address sharing most words", 0.1, 0.01),
            Level("jaro_winkler_similarity(address_l, address_r) >= 0.8", "address a little similar", 0.05, 0.03),
            Level("true", "address different", 0.15, 0.953),
        ),
    ),
    Comparison(
        name="role",
        field="role",
        columns=("role",),
        levels=(
            Level("role_l = role_r", "same role in the family", 0.85, 0.3),
            Level("role_l = 'adult' or role_r = 'adult'", "roles compatible", 0.1, 0.2),
            Level("true", "role different", 0.05, 0.5),
        ),
    ),
)

#: The same first letter, or both without the name (blocks on a name, a year or a role are refined
#: by the other name's initial, which keeps them small in large populations).
_INITIAL = "coalesce(l.{name}[1], '') = coalesce(r.{name}[1], '')"

#: Ways two records can be taken as candidates at all; a pair must meet at least one. Records of
#: one agency are never candidates (an agency's references are different people), nor is an
#: unborn child and a born one (see docs/linkage.md).
_BLOCKING_RULES: tuple[str, ...] = (
    "l.given = r.given and l.family = r.family",
    f"l.family = r.family and l.dob_year = r.dob_year and {_INITIAL.format(name='given')}",
    "l.dob = r.dob and l.dob_day is not null",
    "l.postcode = r.postcode",
    f"l.given = r.given and l.dob_year = r.dob_year and {_INITIAL.format(name='family')}",
    f"l.family = r.family and l.role = r.role and {_INITIAL.format(name='given')}",
    f"l.given = r.given and l.role = r.role and {_INITIAL.format(name='family')}",
    "l.given = r.family and l.family = r.given",
)
_CANDIDATES = "l.agency <> r.agency and l.unborn = r.unborn"


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two records (indices into the input) the model scored, with the level of each comparison."""

    left: int
    right: int
    match_weight: float
    match_probability: float
    gammas: tuple[int, ...]  # one per COMPARISONS entry

    def levels(self) -> list[tuple[Comparison, Level | None]]:
        return [(c, c.describe(g)) for c, g in zip(COMPARISONS, self.gammas, strict=True)]


def _splink_comparison(comparison: Comparison) -> cl.CustomComparison:
    null = " or ".join(f"{column}_l is null or {column}_r is null" for column in comparison.columns)
    levels: list[Any] = [cll.CustomLevel(null, "not recorded on both").configure(is_null_level=True)]
    for level in comparison.levels:
        splink_level = cll.ElseLevel() if level.sql == "true" else cll.CustomLevel(level.sql, level.label)
        levels.append(splink_level.configure(m_probability=level.m, u_probability=level.u))
    return cl.CustomComparison(output_column_name=comparison.name, comparison_levels=levels)


def _frame(features: Sequence[RecordFeatures]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {"unique_id": list(range(len(features)))}
    for column in fields(RecordFeatures):
        values = [getattr(record, column.name) for record in features]
        if column.name in ("given_names", "all_names", "nicknames"):
            values = [list(value) or None for value in values]
        columns[column.name] = values
    frame = pd.DataFrame(columns)
    for column_name in ("dob_year", "dob_month", "dob_day", "dob_days"):
        frame[column_name] = frame[column_name].astype("Int64")
    return frame


def score_pairs(features: Sequence[RecordFeatures], *, prior: float, threshold: float) -> list[ScoredPair]:
    """Every candidate pair whose match probability (given `prior`, the probability that two records
    of different agencies are one person) reaches `threshold`, scored by Splink."""
    if len({record.agency for record in features}) < 2:
        return []  # records of one agency are never candidates
    settings = SettingsCreator(
        link_type="dedupe_only",
        probability_two_random_records_match=prior,
        comparisons=[_splink_comparison(comparison) for comparison in COMPARISONS],
        blocking_rules_to_generate_predictions=[CustomRule(f"{rule} and {_CANDIDATES}") for rule in _BLOCKING_RULES],
        retain_matching_columns=True,  # brings the gamma (level) columns the reasons are made of
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(_frame(features), settings, db_api=DuckDBAPI(), set_up_basic_logging=False)
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    gamma_columns = [f"gamma_{comparison.name}" for comparison in COMPARISONS]
    return [
        ScoredPair(int(row[0]), int(row[1]), float(row[2]), float(row[3]), tuple(int(g) for g in row[4:]))
        for row in predictions[
            ["unique_id_l", "unique_id_r", "match_weight", "match_probability", *gamma_columns]
        ].itertuples(index=False, name=None)
    ]

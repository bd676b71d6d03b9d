"""The small value types of the format, read from the words agencies write: roles, yes/no, sex, times, lists."""

from __future__ import annotations

import re
from datetime import time

from safechron.vocabulary import RISK_TAGS, ROLES, normalise_token

__all__ = [
    "role_in_name",
    "role_of",
    "sequence_of",
    "sex_of",
    "split_list",
    "tag_of",
    "time_of",
    "yes_no",
]

#: The words agencies write for each family role of the format (normalised as vocabulary tokens).
_ROLE_WORDS: dict[str, str] = {token: token for token in ROLES} | {
    **dict.fromkeys(("baby", "infant", "subject_child", "index_child", "twin", "son", "daughter"), "child"),
    **dict.fromkeys(("unborn_baby", "unborn_child", "unborn_twin", "unborn_sibling"), "unborn"),
    **dict.fromkeys(("mum", "mom", "birth_mother", "biological_mother"), "mother"),
    **dict.fromkeys(("dad", "birth_father", "biological_father", "alleged_father", "putative_father"), "father"),
    **dict.fromkeys(("step_father", "stepdad", "step_dad"), "stepfather"),
    **dict.fromkeys(("step_mother", "stepmum", "step_mum"), "stepmother"),
    **dict.fromkeys(
        (
            "boyfriend",
            "girlfriend",
            "mother's_partner",
            "mothers_partner",
            "mum's_partner",
            "mums_partner",
            "father's_partner",
            "fathers_partner",
            "dad's_partner",
            "dads_partner",
            "new_partner",
            "ex_partner",
        ),
        "partner",
    ),
    **dict.fromkeys(
        (
            "grandmother",
            "grandfather",
            "grandma",
            "grandad",
            "granddad",
            "grandpa",
            "nan",
            "nana",
            "nanna",
            "gran",
            "granny",
            "maternal_grandmother",
            "maternal_grandfather",
            "paternal_grandmother",
            "paternal_grandfather",
            "mgm",
            "mgf",
            "pgm",
            "pgf",
            "great_grandmother",
            "great_grandfather",
        ),
        "grandparent",
    ),
    **dict.fromkeys(
        (
            "brother",
            "sister",
            "half_brother",
            "half_sister",
            "half_sibling",
            "stepbrother",
            "step_brother",
            "stepsister",
            "step_sister",
        ),
        "sibling",
    ),
    **dict.fromkeys(
        (
            "aunt",
            "auntie",
            "aunty",
            "uncle",
            "cousin",
            "niece",
            "nephew",
            "maternal_aunt",
            "maternal_uncle",
            "paternal_aunt",
            "paternal_uncle",
            "family_member",
        ),
        "relative",
    ),
    **dict.fromkeys(("lodger", "family_friend", "friend", "neighbour", "adult"), "other_adult"),
}
_LONGEST_ROLE = max(word.count("_") + 1 for word in _ROLE_WORDS)

_YES_NO: dict[str, bool | None] = {
    **dict.fromkeys(("yes", "y", "true", "1"), True),
    **dict.fromkeys(("no", "n", "false", "0"), False),
    **dict.fromkeys(("", "unknown", "not_known", "u", "unk", "n/k", "nk"), None),
}
_SEX_WORDS: dict[str, str] = {
    **dict.fromkeys(("male", "m", "man", "boy"), "male"),
    **dict.fromkeys(("female", "f", "woman", "girl"), "female"),
    **dict.fromkeys(("", "unknown", "u", "not_known", "not_stated", "indeterminate"), "unknown"),
}
_TAGS: dict[str, str] = {token: token for token in RISK_TAGS} | {
    normalise_token(label): token for token, label in RISK_TAGS.items()
}
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)(?::([0-5]\d))?$")
_SEQUENCE = re.compile(r"^\d{1,9}(?:\.0+)?$")
_LIST_SEPARATORS = re.compile(r"[;\n]")


def _is_identifier(word: str) -> bool:
    """A word that tells apart people of one role: '2', 'b', 'BY', '(A1)' (as in 'Sibling 2', 'Child BY')."""
    word = word.strip("()[]#.,")
    return word.isdigit() or len(word) == 1 or (len(word) <= 4 and word.isalnum() and word.isupper())


def role_in_name(name: str) -> str | None:
    """The role a name stands for, when the name is a role word: 'Mother', 'Sibling 2', 'MGM', 'Child BY'.

    None when the name is a person's name ('Kayleigh Marsh', 'Baby Marsh').
    """
    words = name.replace("-", " ").replace("_", " ").split()
    for length in range(min(len(words), _LONGEST_ROLE), 0, -1):
        role = _ROLE_WORDS.get("_".join(words[:length]).lower())
        if role is not None and all(_is_identifier(word) for word in words[length:]):
            return role
    return None


def role_of(text: str) -> str:
    """A role as a vocabulary token where it is one ('Mum' -> 'mother'), else the agency's own words, trimmed."""
    return role_in_name(text) or " ".join(text.split())


def yes_no(text: str) -> tuple[bool | None, bool]:
    """(value, understood): yes/no/unknown and their usual short forms."""
    key = normalise_token(text)
    if key in _YES_NO:
        return _YES_NO[key], True
    return None, False


def sex_of(text: str) -> str | None:
    """'male', 'female' or 'unknown'; None when the text is none of these."""
    return _SEX_WORDS.get(normalise_token(text))


def time_of(text: str) -> time | None:
    """A 24-hour time of day, 'HH:MM' (also 'H:MM', 'HH.MM', 'HH:MM:SS'); None when the text is not one."""
    match = _TIME.match(text)
    if match is None:
        return None
    hour, minute, second = match.groups()
    return time(int(hour), int(minute), int(second or 0))


def sequence_of(text: str) -> int | None:
    """A whole number ordering same-day entries ('3', or '3.0' as a spreadsheet may write it)."""
    return int(float(text)) if _SEQUENCE.match(text) else None


def split_list(text: str) -> tuple[str, ...]:
    """A semicolon-separated list (line breaks within a cell count as separators), trimmed, empty parts left out."""
    if not text:
        return ()
    return tuple(part for part in (piece.strip() for piece in _LIST_SEPARATORS.split(text)) if part)


def tag_of(text: str) -> str | None:
    """A risk tag from its token or its label ('domestic abuse', 'Parental mental ill-health')."""
    return _TAGS.get(normalise_token(text))

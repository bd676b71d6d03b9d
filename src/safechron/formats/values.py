"""The small value types of the format, read from the words agencies write: roles, yes/no, sex, times, lists."""

from __future__ import annotations

import re
from datetime import time

from safechron.vocabulary import AGENCY_TYPES, RISK_TAGS, ROLES, normalise_token

__all__ = [
    "agency_type_in_words",
    "event_type_in_words",
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
#: What agencies call the agency types of the format, beyond their tokens and labels (spec: "health_acute
#: (hospital, emergency department, SCBU)", "mental_health_child (CAMHS)", "voluntary (NSPCC, Home-Start)" ...).
_AGENCY_TYPE_WORDS: dict[str, str] = {
    normalise_token(label).replace("'", ""): token for token, label in AGENCY_TYPES.items()
} | {
    **dict.fromkeys(("csc", "childrens_services", "social_care", "childrens_social_services"), "childrens_social_care"),
    **dict.fromkeys(("police_force", "constabulary"), "police"),
    **dict.fromkeys(("maternity", "midwifery", "maternity_services"), "health_maternity"),
    **dict.fromkeys(("hospital", "emergency_department", "ed", "a&e", "scbu", "nicu", "acute_trust"), "health_acute"),
    **dict.fromkeys(("health_visitor", "health_visitors", "0_19_service", "0-19_service"), "health_visiting"),
    **dict.fromkeys(("school_nurse",), "school_nursing"),
    **dict.fromkeys(("gp_practice", "general_practice", "general_practitioner"), "gp"),
    **dict.fromkeys(("camhs",), "mental_health_child"),
    **dict.fromkeys(("amhs", "adult_mental_health_services", "crisis_team"), "mental_health_adult"),
    **dict.fromkeys(("crc", "nps", "community_rehabilitation_company", "national_probation_service"), "probation"),
    **dict.fromkeys(("yot", "youth_offending_team", "youth_offending_service"), "youth_justice"),
    **dict.fromkeys(("school", "college", "academy"), "education"),
    **dict.fromkeys(("nursery", "childrens_centre", "pre_school", "preschool", "childminder"), "early_years"),
    **dict.fromkeys(("drug_and_alcohol_service", "drugs_service", "alcohol_service"), "substance_misuse"),
    **dict.fromkeys(("idva", "refuge", "womens_aid", "domestic_abuse"), "domestic_abuse_service"),
    **dict.fromkeys(("housing_association", "housing_provider", "homelessness"), "housing"),
    **dict.fromkeys(("asc", "adult_services"), "adult_social_care"),
    **dict.fromkeys(("nspcc", "home_start", "charity", "voluntary_sector"), "voluntary"),
}
#: What agencies call the event types of the format, beyond their tokens.
_EVENT_TYPE_WORDS: dict[str, str] = {
    **dict.fromkeys(("strategy_meeting", "strategy"), "strategy_discussion"),
    **dict.fromkeys(("section_47", "section_47_enquiry", "s.47", "s.47_enquiry", "s47"), "s47_enquiry"),
    **dict.fromkeys(("initial_child_protection_conference", "initial_conference"), "icpc"),
    **dict.fromkeys(("review_child_protection_conference", "review_conference"), "rcpc"),
    **dict.fromkeys(("core_group_meeting",), "core_group"),
    **dict.fromkeys(("mash", "mash_enquiry"), "mash_decision"),
    **dict.fromkeys(("domestic_incident", "da_incident", "domestic_abuse", "domestic"), "domestic_abuse_incident"),
    **dict.fromkeys(("telephone_call", "telephone_contact", "phone_contact", "telephone"), "phone_call"),
    **dict.fromkeys(("no_access", "no_access_home_visit"), "no_access_visit"),
    **dict.fromkeys(("dna", "did_not_attend", "was_not_brought", "not_brought"), "missed_appointment"),
    **dict.fromkeys(("a&e_attendance", "ae_attendance", "emergency_department_attendance"), "ed_attendance"),
    **dict.fromkeys(("case_note", "file_note", "other"), "note"),
    **dict.fromkeys(("marac_meeting",), "marac"),
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


def agency_type_in_words(token: str) -> str | None:
    """The agency type an agency's own words stand for ('CAMHS' -> mental_health_child); None if unknown."""
    return _AGENCY_TYPE_WORDS.get(token.replace("'", ""))


def event_type_in_words(token: str) -> str | None:
    """The event type an agency's own words stand for ('Strategy meeting' -> strategy_discussion); None if unknown."""
    return _EVENT_TYPE_WORDS.get(token.replace("'", ""))


def tag_of(text: str) -> str | None:
    """A risk tag from its token or its label ('domestic abuse', 'Parental mental ill-health')."""
    return _TAGS.get(normalise_token(text))

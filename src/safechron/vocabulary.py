"""The one vocabulary of safechron: agency types, event types, risk tags and roles.

Everything that names an agency type, event type, tag or family role imports it
from here, so the reader, the tagger, the indicators, the CLI and the web app
can never disagree (agency-chronology-format.md, version 1).
"""

from __future__ import annotations

AGENCY_TYPES: dict[str, str] = {
    "police": "Police",
    "childrens_social_care": "Children's social care",
    "early_help": "Early help",
    "health_maternity": "Maternity",
    "health_acute": "Hospital",
    "health_visiting": "Health visiting",
    "school_nursing": "School nursing",
    "gp": "GP",
    "mental_health_adult": "Adult mental health",
    "mental_health_child": "Child and adolescent mental health",
    "ambulance": "Ambulance",
    "probation": "Probation",
    "youth_justice": "Youth justice",
    "education": "School or college",
    "early_years": "Early years",
    "substance_misuse": "Substance misuse service",
    "domestic_abuse_service": "Domestic abuse service",
    "housing": "Housing",
    "adult_social_care": "Adult social care",
    "voluntary": "Voluntary sector",
    "legal": "Legal",
    "other": "Other",
}

EVENT_GROUPS: dict[str, tuple[str, ...]] = {
    "Child protection process": (
        "contact", "referral", "mash_decision", "strategy_discussion", "s47_enquiry",
        "assessment_requested", "assessment_started", "assessment_completed",
        "pre_birth_assessment", "icpc", "rcpc", "core_group", "cp_plan_start",
        "cp_plan_end", "cin_plan_start", "cin_plan_end", "marac",
        "legal_planning_meeting", "care_planning_forum", "pre_proceedings",
        "care_proceedings", "discharge_planning", "case_closed", "step_down",
        "worker_change", "minutes_circulated", "meeting_rescheduled",
        "meeting_cancelled", "transition_planning",
    ),
    "Agreements": ("written_agreement", "agreement_breach"),
    "Seeing the family": (
        "home_visit", "school_visit", "office_visit", "video_call", "phone_call",
        "child_seen", "no_access_visit", "missed_appointment",
    ),
    "Police and justice": (
        "domestic_abuse_incident", "police_callout", "arrest", "charge",
        "no_further_action", "conviction", "custodial_sentence", "community_sentence",
        "release_from_custody", "bail", "order_breach", "probation_appointment",
        "probation_missed", "intelligence",
    ),
    "Health": (
        "pregnancy_confirmed", "antenatal_appointment", "antenatal_missed", "birth",
        "scbu_admission", "postnatal_check", "health_visit", "gp_appointment",
        "ed_attendance", "hospital_admission", "injury", "overdose", "self_harm",
        "mental_health_contact", "mental_health_crisis", "substance_misuse_contact",
        "drug_test", "ehcp",
    ),
    "Voices and reports": (
        "child_voice", "disclosure", "allegation", "family_report", "public_report",
        "professional_concern", "threat_to_professional", "complaint",
    ),
    "Other": (
        "school_attendance_concern", "exclusion", "housing_issue", "financial_hardship",
        "adult_safeguarding", "note",
    ),
}

EVENT_TYPES: frozenset[str] = frozenset(e for group in EVENT_GROUPS.values() for e in group)

RISK_TAGS: dict[str, str] = {
    "domestic_abuse": "Domestic abuse",
    "coercive_control": "Coercive control",
    "weapon_or_threat_to_kill": "Weapon or threat to kill",
    "strangulation": "Strangulation",
    "mental_health_parent": "Parental mental ill-health",
    "mental_health_child": "Child's mental health",
    "substance_misuse_parent": "Parental substance misuse",
    "substance_misuse_child": "Child's substance misuse",
    "alcohol_misuse_parent": "Parental alcohol misuse",
    "neglect": "Neglect",
    "left_alone": "Child left alone",
    "physical_injury": "Physical injury",
    "sexual_abuse": "Sexual abuse",
    "emotional_abuse": "Emotional abuse",
    "offending": "Offending",
    "non_engagement": "Non-engagement",
    "hostility_to_professionals": "Hostility to professionals",
    "pregnancy": "Pregnancy",
    "prematurity": "Prematurity",
    "multiple_birth": "Multiple birth",
    "separation": "Separation",
    "housing_instability": "Housing instability",
    "debt": "Debt",
    "social_isolation": "Social isolation",
    "parental_adverse_childhood": "Parent's adverse childhood",
    "learning_disability": "Learning disability",
    "coaching_of_child": "Coaching of child",
    "missing_education": "Missing education",
    "self_harm": "Self-harm",
    "suicidal_ideation": "Suicidal ideation",
}

#: Family roles of the format, with the words agencies use for them.
ROLES: dict[str, str] = {
    "child": "Child",
    "unborn": "Unborn child",
    "mother": "Mother",
    "father": "Father",
    "stepfather": "Stepfather",
    "stepmother": "Stepmother",
    "partner": "Partner",
    "grandparent": "Grandparent",
    "sibling": "Sibling",
    "relative": "Relative",
    "other_adult": "Other adult",
}

CHILD_ROLES: frozenset[str] = frozenset({"child", "unborn", "sibling"})
PARENT_ROLES: frozenset[str] = frozenset({"mother", "father", "stepfather", "stepmother", "partner"})

SEEN_VALUES: frozenset[str] = frozenset({"seen_alone", "seen", "not_seen", "no_access"})
VISIT_KINDS: frozenset[str] = frozenset({"announced", "unannounced", "video", "phone"})


def normalise_token(value: str) -> str:
    """Lower-case a vocabulary word and treat space, hyphen and underscore alike."""
    return "_".join(value.strip().lower().replace("-", " ").replace("_", " ").split())


#: Event types whose words are not plain English once underscores become spaces (abbreviations).
EVENT_LABELS: dict[str, str] = {
    "mash_decision": "MASH decision",
    "s47_enquiry": "Section 47 enquiry",
    "icpc": "Initial child protection conference",
    "rcpc": "Review child protection conference",
    "cp_plan_start": "Child protection plan start",
    "cp_plan_end": "Child protection plan end",
    "cin_plan_start": "Child in need plan start",
    "cin_plan_end": "Child in need plan end",
    "marac": "MARAC",
    "scbu_admission": "Special care baby unit admission",
    "ed_attendance": "Emergency department attendance",
    "ehcp": "EHCP",
}


def humanise(token: str) -> str:
    """The sentence-case label people read for any vocabulary token."""
    for table in (AGENCY_TYPES, RISK_TAGS, ROLES, EVENT_LABELS):
        if token in table:
            return table[token]
    return token.replace("_", " ").capitalize()

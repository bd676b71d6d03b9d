"""Generate synthetic multi-agency submissions at scale, with ground-truth identities.

    python -m benchmarks.generate --families 10000 --entries-per-family 100 --out benchmarks/out/10k

Writes one submission folder per agency (people.csv + entries.csv, the format of
agency-chronology-format.md), each agency covering the families it works with, as an agency's
bulk export would. Person records carry realistic noise: misspellings, nicknames, swapped names,
day/month-transposed or missing dates of birth, postcode spacing and case, identifiers only where
that agency would hold them. The column `truth_person` (kept by the reader as extra data) is the true
identity, so linkage quality can be measured at scale. Entries mix routine contacts with risk events in
practitioners' words, including negated mentions. Everything is fictional and reproducible from --seed.
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from safechron.chronology.identifiers import nhs_number_is_valid

GIVEN_FEMALE = ["Kayleigh", "Jessica", "Amy", "Laura", "Sarah", "Gemma", "Chloe", "Emma", "Leanne", "Stacey",
                "Rebecca", "Hannah", "Charlotte", "Danielle", "Natalie", "Zoe", "Megan", "Lauren", "Sophie", "Abigail",
                "Olivia", "Isla", "Ava", "Mia", "Grace", "Lily", "Ella", "Freya", "Poppy", "Evie", "Margaret",
                "Elizabeth", "Katherine", "Jennifer", "Victoria", "Samantha", "Alexandra", "Rachel", "Nicola", "Aisha"]
GIVEN_MALE = ["Darren", "Jason", "Lee", "Craig", "Wayne", "Dean", "Ryan", "Liam", "Jamie", "Scott", "Kyle",
              "Daniel", "Thomas", "Joshua", "Oliver", "Jack", "Harry", "Charlie", "George", "Noah", "Leo",
              "Alfie", "Oscar", "William", "James", "Robert", "Michael", "Christopher", "Anthony", "Mohammed",
              "Nathan", "Connor", "Callum", "Mason", "Riley", "Tyler", "Frederick", "Edward", "Benjamin", "Samuel"]
FAMILY = ["Marsh", "Holt", "Whitaker", "Barker", "Fletcher", "Dawson", "Hartley", "Kershaw", "Pickering",
          "Sutcliffe", "Ainsworth", "Brennan", "Clegg", "Duckworth", "Eccles", "Fairclough", "Greenwood", "Hargreaves",
          "Ingham", "Jolly", "Kenyon", "Lomax", "Moorhouse", "Nuttall", "Ormerod", "Parkinson", "Quayle", "Rishton",
          "Schofield", "Tattersall", "Unsworth", "Vickers", "Walsh", "Yates", "Ashworth", "Bamber", "Crook",
          "Dewhurst", "Entwistle", "Farrington", "Khan", "Patel", "Nowak", "Kowalski", "O'Neill", "McCarthy"]
NICKNAMES = {"Kayleigh": "Kay", "Jessica": "Jess", "Rebecca": "Becky", "Samantha": "Sam", "Margaret": "Maggie",
             "Elizabeth": "Liz", "Katherine": "Kate", "Jennifer": "Jen", "Victoria": "Vicky", "Alexandra": "Alex",
             "Nicola": "Nicky", "Darren": "Daz", "Daniel": "Danny", "Thomas": "Tom", "Joshua": "Josh",
             "William": "Bill", "James": "Jim", "Robert": "Bob", "Michael": "Mike", "Christopher": "Chris",
             "Anthony": "Tony", "Nathan": "Nate", "Frederick": "Fred", "Edward": "Ed", "Benjamin": "Ben",
             "Samuel": "Sam", "Charlotte": "Charlie", "Abigail": "Abbie", "Danielle": "Dani"}
TOWNS = ["FY1", "FY2", "FY3", "FY4", "BB1", "BB2", "PR1", "PR2", "LA1", "BL1", "OL1", "M40"]

AGENCIES: list[tuple[str, str, tuple[str, ...]]] = [
    # name, agency_type, identifiers it holds
    ("Northshire Constabulary", "police", ("pnc_id",)),
    ("Northshire Children's Social Care", "childrens_social_care", ("la_id",)),
    ("Northshire Maternity Service", "health_maternity", ("nhs_number",)),
    ("Northshire Hospitals Trust", "health_acute", ("nhs_number",)),
    ("Northshire Health Visiting", "health_visiting", ("nhs_number",)),
    ("Northshire GP Federation", "gp", ("nhs_number",)),
    ("Northshire Probation", "probation", ("pnc_id",)),
    ("Northshire Schools", "education", ("upn",)),
    ("Northshire Women's Aid", "domestic_abuse_service", ()),
    ("Northshire Adult Mental Health", "mental_health_adult", ("nhs_number",)),
]

ROUTINE = [
    ("home_visit", "Announced home visit. Children seen, home conditions adequate. No concerns noted."),
    ("health_visit", "Routine health visitor contact. Weight within normal range, development on track."),
    ("gp_appointment", "Seen for cough and cold. Advice given. No safeguarding concerns."),
    ("school_visit", "Attended school review. Attendance 96%. Presents as happy and settled."),
    ("phone_call", "Telephone contact with mother to arrange next appointment."),
    ("core_group", "Core group held. Actions reviewed and updated."),
    ("child_seen", "Child seen alone at school, spoke about friends and football."),
    ("note", "Case note: information shared with partner agencies as agreed."),
]
RISK = [
    ("domestic_abuse_incident", "Police called to address following report of verbal argument between {a} and {b}. "
     "DASH completed: standard risk. {a} had been drinking."),
    ("domestic_abuse_incident", "Report of DA. {b} states {a} pushed her against the wall and threatened to kill her. "
     "DASH high. Referred to MARAC."),
    ("mental_health_contact", "{b} reports low mood and anxiety, struggling to sleep. Started on sertraline."),
    ("substance_misuse_contact", "{a} attended drug service; admits daily cannabis use and occasional cocaine."),
    ("missed_appointment", "Child not brought to appointment. Letter sent to parent."),
    ("no_access_visit", "Unannounced visit, no access. Curtains drawn, card left."),
    ("family_report", "Maternal grandmother rang with concerns that the children are left alone while {b} is out."),
    ("referral", "Referral received from school: child arrived hungry and in unwashed clothes."),
    ("arrest", "{a} arrested for assault on {b}; released under investigation."),
    ("probation_missed", "{a} failed to attend supervision appointment. Warning letter issued."),
    ("note", "No concerns re drugs or alcohol were raised by {b} at this contact."),
    ("cp_plan_start", "ICPC: children made subject of child protection plans, category emotional abuse."),
    ("worker_change", "Case reallocated to a new social worker following team restructure."),
    ("written_agreement", "Written agreement signed by {b}: {a} not to attend the family home."),
    ("agreement_breach", "{a} found at the family home in breach of the written agreement."),
    ("rcpc", "Review child protection conference: plans to continue, actions as before."),
]


@dataclass(slots=True)
class TruePerson:
    truth: str
    given: str
    family: str
    dob: date
    sex: str
    role: str
    nhs: str
    upn: str
    pnc: str
    la_id: str
    postcode: str
    lives_with_child: str


def nhs_number(rng: random.Random) -> str:
    """Nine random digits and the one check digit that makes a valid NHS number (drawn again when none does)."""
    while True:
        stem = "".join(str(rng.randint(0, 9)) for _ in range(9))
        valid = [stem + str(check) for check in range(10) if nhs_number_is_valid(stem + str(check))]
        if valid:
            return valid[0]


def typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.4:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if kind < 0.7:
        return text[:i] + text[i + 1:]
    return text[:i] + rng.choice("aeiouy") + text[i + 1:]


def make_family(rng: random.Random, number: int) -> list[TruePerson]:
    surname = rng.choice(FAMILY)
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    postcode = f"{rng.choice(TOWNS)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    mother_dob = date(1980, 1, 1) + timedelta(days=rng.randint(0, 5000))
    father_dob = mother_dob - timedelta(days=rng.randint(-800, 2500))
    people = [
        TruePerson(f"F{number}-M", rng.choice(GIVEN_FEMALE), surname, mother_dob, "female", "mother", nhs_number(rng),
                   "", "", f"LA{number:06d}M", postcode, "yes"),
        TruePerson(f"F{number}-F", rng.choice(GIVEN_MALE), rng.choice([surname, rng.choice(FAMILY)]), father_dob,
                   "male", "father", nhs_number(rng), "", f"{rng.randint(1990, 2015)}/{rng.randint(100000, 999999)}X",
                   f"LA{number:06d}F", postcode, rng.choice(["yes", "no", "unknown"])),
    ]
    for c in range(rng.choice([1, 1, 2, 2, 2, 3])):
        sex = rng.choice(["male", "female"])
        given = rng.choice(GIVEN_MALE if sex == "male" else GIVEN_FEMALE)
        dob = date(2008, 1, 1) + timedelta(days=rng.randint(0, 3000))
        people.append(TruePerson(f"F{number}-C{c + 1}", given, surname, dob, sex, "child", nhs_number(rng),
                                 f"A{rng.randint(10**11, 10**12 - 1)}", "", f"LA{number:06d}C{c}", postcode, "yes"))
    return people


def noisy_record(rng: random.Random, person: TruePerson, identifiers: tuple[str, ...]) -> dict[str, str]:
    given, family = person.given, person.family
    if rng.random() < 0.10:
        given = typo(rng, given)
    if rng.random() < 0.08:
        family = typo(rng, family)
    if rng.random() < 0.08 and person.given in NICKNAMES:
        given = NICKNAMES[person.given]
    if rng.random() < 0.02:
        given, family = family, given
    dob = person.dob.strftime(rng.choice(["%Y-%m-%d", "%d/%m/%Y"]))
    roll = rng.random()
    if roll < 0.08:
        dob = ""
    elif roll < 0.11 and person.dob.day <= 12:
        dob = date(person.dob.year, person.dob.day, person.dob.month).isoformat()
    elif roll < 0.14:
        dob = person.dob.strftime("%Y-%m")
    postcode = person.postcode
    if rng.random() < 0.3:
        postcode = postcode.lower().replace(" ", "")
    if rng.random() < 0.1:
        postcode = ""
    return {
        "given_names": given,
        "family_name": family,
        "date_of_birth": dob,
        "sex": person.sex if rng.random() > 0.1 else "",
        "nhs_number": person.nhs if "nhs_number" in identifiers and rng.random() > 0.15 else "",
        "upn": person.upn if "upn" in identifiers else "",
        "pnc_id": person.pnc if "pnc_id" in identifiers else "",
        "la_id": person.la_id if "la_id" in identifiers else "",
        "postcode": postcode,
        "role": person.role,
        "lives_with_child": person.lives_with_child,
    }


PEOPLE_COLUMNS = ["agency", "person_ref", "given_names", "family_name", "date_of_birth", "sex", "nhs_number", "upn",
                  "pnc_id", "la_id", "postcode", "role", "lives_with_child", "truth_person"]
ENTRY_COLUMNS = ["agency", "agency_type", "record_id", "date", "time", "subjects", "event_type", "summary",
                 "author_role", "seen", "visit_kind"]


def generate(*, families: int, entries_per_family: int, out: Path, seed: int) -> tuple[int, int]:
    """Write the submissions; return (person records, entries) written."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, agency_type, _ in AGENCIES:
        folder = out / agency_type
        folder.mkdir(exist_ok=True)
        people_file = (folder / "people.csv").open("w", newline="", encoding="utf-8")
        entries_file = (folder / "entries.csv").open("w", newline="", encoding="utf-8")
        people_writer = csv.writer(people_file)
        entries_writer = csv.writer(entries_file)
        people_writer.writerow(PEOPLE_COLUMNS)
        entries_writer.writerow(ENTRY_COLUMNS)
        files[name] = (people_file, entries_file, people_writer, entries_writer)
    n_people = n_entries = 0
    used: set[str] = set()
    for number in range(families):
        persons = make_family(rng, number)
        involved = rng.sample(AGENCIES, k=rng.choice([2, 2, 3, 3, 4]))
        used.update(name for name, _, _ in involved)
        refs: dict[str, dict[str, str]] = {}
        for name, agency_type, identifiers in involved:
            _, _, people_writer, _ = files[name]
            refs[name] = {}
            for person in persons:
                if person.role == "father" and agency_type in {"health_visiting", "education"} and rng.random() < 0.5:
                    continue
                ref = f"{agency_type[:3].upper()}{number:06d}{person.truth[-2:].strip('-')}"
                refs[name][person.truth] = ref
                row = noisy_record(rng, person, identifiers)
                people_writer.writerow([name, ref, row["given_names"], row["family_name"], row["date_of_birth"],
                                        row["sex"], row["nhs_number"], row["upn"], row["pnc_id"], row["la_id"],
                                        row["postcode"], row["role"], row["lives_with_child"], person.truth])
                n_people += 1
        start = date(2014, 1, 1) + timedelta(days=rng.randint(0, 2500))
        mother, father = persons[0], persons[1]
        for i in range(entries_per_family):
            name, agency_type, _ = rng.choice(involved)
            _, _, _, entries_writer = files[name]
            known = refs[name]
            template = rng.choice(RISK) if rng.random() < 0.25 else rng.choice(ROUTINE)
            event_type, summary = template
            summary = summary.format(a=father.given if father.truth in known else "partner", b=mother.given)
            subjects = [
                known[p.truth] for p in persons if p.truth in known and (p.role != "father" or rng.random() < 0.5)
            ]
            day = start + timedelta(days=int(i * 1000 / entries_per_family) + rng.randint(0, 9))
            seen = visit = ""
            if event_type == "home_visit":
                seen, visit = rng.choice(["seen", "seen_alone", "not_seen"]), rng.choice(["announced", "unannounced"])
            entries_writer.writerow([name, agency_type, f"{number}-{i}", day.isoformat(),
                                     f"{rng.randint(8, 19):02d}:{rng.choice(['00', '15', '30', '45'])}",
                                     "; ".join(subjects), event_type, summary, "practitioner", seen, visit])
            n_entries += 1
    for people_file, entries_file, _, _ in files.values():
        people_file.close()
        entries_file.close()
    for name, agency_type, _ in AGENCIES:
        if name not in used:  # an agency with no family sends no submission
            for table in ("people.csv", "entries.csv"):
                (out / agency_type / table).unlink()
            (out / agency_type).rmdir()
    return n_people, n_entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", type=int, default=10_000)
    parser.add_argument("--entries-per-family", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/synthetic"))
    args = parser.parse_args()
    people, entries = generate(families=args.families, entries_per_family=args.entries_per_family,
                               out=args.out, seed=args.seed)
    print(f"wrote {people:,} person records and {entries:,} entries for {args.families:,} families to {args.out}")


if __name__ == "__main__":
    main()

"""The tagger reads each risk term in its context: negation, scope, experiencer, history,
reporting and hypotheticals, as an agency's own words put them."""

from __future__ import annotations

import pytest

from safechron.tagging import Mention, Tagger, default_tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return default_tagger()


def only(tagger: Tagger, text: str, tag: str) -> Mention:
    found = [m for m in tagger.mentions(text) if m.tag == tag]
    assert len(found) == 1, found
    return found[0]


def test_default_tagger_is_built_once() -> None:
    assert default_tagger() is default_tagger()


@pytest.mark.parametrize(
    "text",
    [
        "No concerns re drugs.",
        "Ms A denies any DA.",
        "Nil alcohol or drug use reported.",
        "There was no evidence of neglect at the visit.",
        "Domestic abuse ruled out following the strategy discussion.",
        "Hair strand test was negative for cocaine.",
    ],
)
def test_negated_mentions_propose_nothing(tagger: Tagger, text: str) -> None:
    assert tagger.propose(text) == frozenset()
    assert tagger.mentions(text), "the term is still found, marked as negated"
    assert all(m.negated for m in tagger.mentions(text))


def test_negation_stops_at_but(tagger: Tagger) -> None:
    assert tagger.propose("No DA reported but mother smelt of alcohol") == {"alcohol_misuse_parent"}


def test_negation_stops_at_the_end_of_the_sentence(tagger: Tagger) -> None:
    assert tagger.propose("No injuries seen. Mother disclosed DV from her partner.") == {"domestic_abuse"}


def test_pseudo_negation_does_not_negate(tagger: Tagger) -> None:
    proposed = tagger.propose("Mr B is not only controlling but also physically violent.")
    assert {"coercive_control", "domestic_abuse"} <= proposed


def test_a_longer_term_wins_over_the_negation_inside_it(tagger: Tagger) -> None:
    assert tagger.propose("No access visit, card left.") == {"non_engagement"}


@pytest.mark.parametrize(
    ("text", "tag", "experiencer"),
    [
        ("Mother is smoking cannabis daily.", "substance_misuse_parent", "mother"),
        ("D1 (15) is smoking cannabis with friends.", "substance_misuse_child", "child"),
        ("S1 says he smokes cannabis every day to help him sleep.", "substance_misuse_child", "child"),
        ("Father was drunk when the children came home.", "alcohol_misuse_parent", "father"),
        ("The 16 year old was brought in intoxicated.", "substance_misuse_child", "child"),
        ("Ms A has a diagnosis of depression.", "mental_health_parent", "mother"),
        ("Referral to CAMHS made for D1 due to anxiety.", "mental_health_child", "child"),
    ],
)
def test_the_experiencer_chooses_the_parent_or_child_tag(tagger: Tagger, text: str, tag: str, experiencer: str) -> None:
    assert tag in tagger.propose(text)
    assert {m.experiencer for m in tagger.mentions(text) if m.tag == tag} == {experiencer}


def test_a_childs_words_about_a_parent_are_about_the_parent(tagger: Tagger) -> None:
    hits = only(tagger, "S1 said daddy hits mummy.", "domestic_abuse")
    assert (hits.experiencer, hits.reported_by) == ("mother", "S1")
    drinks = "S1 said his dad drinks the funny juice and shouts."
    assert "alcohol_misuse_parent" in tagger.propose(drinks)
    assert only(tagger, drinks, "alcohol_misuse_parent").experiencer == "father"


def test_someone_outside_the_family_gives_no_family_tag(tagger: Tagger) -> None:
    text = "Ms A says her neighbour uses drugs and is always drunk."
    assert tagger.propose(text) == frozenset()
    assert {m.experiencer for m in tagger.mentions(text)} == {"other"}
    assert tagger.propose("Ms A's sister has been diagnosed with schizophrenia.") == frozenset()


def test_an_injury_to_a_parent_is_abuse_evidence_not_a_child_injury(tagger: Tagger) -> None:
    assert "physical_injury" not in tagger.propose("Ms A had a bruise to her cheek.")
    assert "physical_injury" in tagger.propose("Small bruise noted on the baby's cheek.")


def test_violence_is_about_the_person_hit(tagger: Tagger) -> None:
    assert tagger.propose("Mr B punched Ms A in the face.") == {"domestic_abuse"}
    assert "physical_injury" in tagger.propose("S1 disclosed that his dad hit him with a belt.")


def test_historical_mentions_count_and_are_marked(tagger: Tagger) -> None:
    text = "Mother has a history of depression but is currently well."
    assert tagger.propose(text) == {"mental_health_parent"}
    assert only(tagger, text, "mental_health_parent").historical


def test_reported_mentions_count_and_name_the_teller(tagger: Tagger) -> None:
    text = "MGM states mother is drinking again and the children are hungry."
    assert tagger.propose(text) == {"alcohol_misuse_parent", "neglect"}
    drinking = only(tagger, text, "alcohol_misuse_parent")
    assert (drinking.reported_by, drinking.experiencer) == ("MGM", "mother")


@pytest.mark.parametrize(
    "text",
    [
        "Mother advised to seek help from her GP if her low mood returns.",
        "Ms A was advised to contact police if Mr B is violent again.",
        "The children are at risk of neglect should the drinking continue.",
        "SW explored whether there was any domestic abuse in the relationship.",
    ],
)
def test_hypothetical_mentions_are_excluded(tagger: Tagger, text: str) -> None:
    assert tagger.propose(text) == frozenset()
    assert any(m.hypothetical for m in tagger.mentions(text))


def test_harm_in_a_parents_own_childhood_is_their_adverse_childhood(tagger: Tagger) -> None:
    text = "Ms A disclosed she was sexually abused by a family friend as a child."
    assert tagger.propose(text) == {"parental_adverse_childhood"}
    assert tagger.propose("D1 disclosed that she was sexually abused by her stepfather.") == {"sexual_abuse"}


def test_numbers_in_terms(tagger: Tagger) -> None:
    assert tagger.propose("Baby born at 33 weeks.") == {"prematurity"}
    assert tagger.propose("Baby born at 39 weeks.") == frozenset()
    assert tagger.propose("Attendance is now 78% this term.") == {"missing_education"}
    assert tagger.propose("Attendance is 97%.") == frozenset()


def test_mentions_point_at_their_text(tagger: Tagger) -> None:
    text = "Police attended. Mr B was arrested for common assault on Ms A."
    mentions = tagger.mentions(text)
    assert {m.tag for m in mentions} == {"offending", "domestic_abuse"}
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_text_without_risk_proposes_nothing(tagger: Tagger) -> None:
    assert tagger.propose("Home visit. Children seen and spoken to. Home clean and tidy.") == frozenset()
    assert tagger.propose("") == frozenset()


def test_a_threat_made_on_a_condition_still_counts(tagger: Tagger) -> None:
    text = "Ms A said Mr B told her he would kill her if she left him."
    assert {"weapon_or_threat_to_kill", "domestic_abuse"} <= tagger.propose(text)


def test_a_newborn_in_withdrawal_shows_the_mothers_drug_use(tagger: Tagger) -> None:
    assert tagger.propose("Baby born with neonatal abstinence syndrome.") == {"substance_misuse_parent"}


def test_a_parents_relative_named_by_pronoun_is_outside_the_family(tagger: Tagger) -> None:
    assert tagger.propose("Mother said her sister had postnatal depression.") == frozenset()
    assert tagger.propose("D1 said her sister is smoking cannabis.") == {"substance_misuse_child"}


def test_quarrels_between_children_are_not_domestic_abuse(tagger: Tagger) -> None:
    assert tagger.propose("S1 was fighting in the playground.") == frozenset()
    assert tagger.propose("Mum and dad were fighting again last night.") == {"domestic_abuse"}


def test_injuries_in_a_self_harm_sentence_are_the_self_harm(tagger: Tagger) -> None:
    assert tagger.propose("D1 has been self-harming and has cuts to her wrists.") == {"self_harm"}


def test_no_further_action_does_not_undo_what_happened(tagger: Tagger) -> None:
    assert tagger.propose("Mr B arrested for assaulting Ms A. NFA.") == {"domestic_abuse", "offending"}
    assert "domestic_abuse" in tagger.propose("No further action regarding the assault on Ms A.")


def test_an_adult_recalling_childhood_harm_is_their_history(tagger: Tagger) -> None:
    assert tagger.propose("Mr Q told the SW his father used to beat him when he was 8.") == {
        "parental_adverse_childhood"
    }
    assert "physical_injury" in tagger.propose("D1 said her dad hit her when she was 6.")


def test_a_negation_about_who_the_father_is_leaves_the_pregnancy(tagger: Tagger) -> None:
    assert tagger.propose("Mr B is not the father of the unborn baby.") == {"pregnancy"}
    assert tagger.propose("Ms A denies she is pregnant.") == frozenset()


def test_a_pronoun_refers_back_to_a_person_of_its_sex_in_an_earlier_sentence(tagger: Tagger) -> None:
    son = "Ms G rang police as her 14 year old son had not come home. He returned at 2am and had been drinking."
    assert tagger.propose(son) == {"substance_misuse_child"}
    mother = "Officers found Ms G asleep in the car with the baby in the back. She had been drinking."
    assert only(tagger, mother, "alcohol_misuse_parent").experiencer == "mother"
    uncle = "Ms S's brother is staying at the flat. He is on licence for burglary."
    assert tagger.propose(uncle) == frozenset()


def test_a_pronoun_that_tells_is_not_the_subject(tagger: Tagger) -> None:
    text = "S1 was seen at school. He said there is a lot of arguing at home."
    assert tagger.propose(text) == {"domestic_abuse"}


def test_her_or_his_names_whose_the_term_is(tagger: Tagger) -> None:
    text = "Ms P's children were removed because of her drug use."
    assert only(tagger, text, "substance_misuse_parent").experiencer == "mother"
    assert "substance_misuse_child" not in tagger.propose(text)


def test_people_named_by_sex_alone_are_outsiders_when_hurt_or_hurting(tagger: Tagger) -> None:
    assert tagger.propose("Mr E was arrested for assaulting a man in a pub.") == {"offending"}
    assert tagger.propose("Ms A was assaulted in the street by two males.") == frozenset()
    # doing something else, they are unknown, as a police log's "a male" is often a partner
    assert tagger.propose("Neighbour saw a male kicking the front door of Ms A's flat.") == {"domestic_abuse"}


def test_violence_or_threats_aimed_at_a_professional_are_not_family_risks(tagger: Tagger) -> None:
    assert tagger.propose("S5 kicked the teaching assistant. Parents informed.") == frozenset()
    text = "Mr C was aggressive towards the social worker and threatened to kill her."
    assert tagger.propose(text) == {"hostility_to_professionals"}
    assert tagger.propose("Officers saw him hit her.") == {"domestic_abuse"}


def test_an_injury_in_a_sentence_naming_nobody_follows_the_sentence_before(tagger: Tagger) -> None:
    assert tagger.propose("Ms A brought S1 to ED. Bruise to the left cheek.") == {"physical_injury"}
    assert "physical_injury" not in tagger.propose("Mr K was brought in by police. Head injury.")


@pytest.mark.parametrize(
    "text",
    [
        "Safety plan reviewed: phone charged and kept on her.",
        "S6 has several late marks this term.",
        "D8 kicks off at drop-off most mornings.",
        "Mr D's driving licence expires next month.",
        "Ms C complains of stabbing pains in her side.",
        "D17 brought a toy gun into nursery.",
        "Ms B recalled the appointment had been moved.",
    ],
)
def test_words_that_are_risks_only_in_another_sense_propose_nothing(tagger: Tagger, text: str) -> None:
    assert tagger.propose(text) == frozenset()


def test_a_person_word_inside_a_trigger_names_nobody(tagger: Tagger) -> None:
    assert tagger.propose("Reports a head injury as a child.") == {"parental_adverse_childhood"}


def test_a_threat_of_suicide_on_a_condition_still_counts(tagger: Tagger) -> None:
    assert tagger.propose("Mr C threatened to kill himself if she left him.") == {"suicidal_ideation"}


def test_a_pronoun_skips_people_whose_words_give_the_other_sex(tagger: Tagger) -> None:
    text = "S1 and mum were seen at home. She was slurring her words."
    assert only(tagger, text, "alcohol_misuse_parent").experiencer == "mother"


def test_a_parents_own_parent_in_prison_is_not_the_familys_offending(tagger: Tagger) -> None:
    text = "Mother said she was raised by her grandmother because her own mother was in prison."
    assert tagger.propose(text) == {"parental_adverse_childhood"}
    assert tagger.propose("Ms A said her own mother drank heavily.") == {"parental_adverse_childhood"}


def test_a_shifted_pseudo_negation_silences_a_term_of_its_size(tagger: Tagger) -> None:
    assert tagger.propose("Ms M said she no longer drinks fizzy drinks.") == frozenset()
    assert tagger.propose("Ms M no longer drinks and attends AA.") == {"alcohol_misuse_parent"}
    assert tagger.propose("Police attended: no fixed abode.") == {"housing_instability"}


def test_what_is_said_not_to_concern_the_family_is_negated(tagger: Tagger) -> None:
    text = "An address on the estate, not linked to this family, is used to supply drugs to young people."
    assert tagger.propose(text) == frozenset()


def test_smacking_is_a_childs_injury_whoever_tells_it(tagger: Tagger) -> None:
    assert tagger.propose("D21 said her stepdad smacked her on the legs.") == {"physical_injury"}
    assert tagger.propose("Mum admitted she smacks S1 when he is naughty.") == {"physical_injury"}


@pytest.mark.parametrize(
    "text",
    [
        "Mr W said he was going to do her in.",
        "He told her he would finish her off if she called the police.",
        "Text message read 'ill stab you'.",
    ],
)
def test_colloquial_threats_to_kill_are_threats_to_kill(tagger: Tagger, text: str) -> None:
    assert tagger.propose(text) == {"weapon_or_threat_to_kill", "domestic_abuse"}


def test_a_threat_to_the_writer_is_hostility_not_domestic_abuse(tagger: Tagger) -> None:
    writer = "At the office Ms S became very aggressive, threatened to kill me and threw a chair at me."
    assert tagger.propose(writer) == {"hostility_to_professionals"}
    assert tagger.propose("Mr C threatened to kill the social worker.") == {"hostility_to_professionals"}
    # told by someone, or quoted, "me" is the one telling it
    told = "Ms D said Mr C threatened to kill me."
    assert tagger.propose(told) == {"weapon_or_threat_to_kill", "domestic_abuse"}
    assert "domestic_abuse" in tagger.propose("Ms D: 'he threatened to kill me'.")


def test_a_quarrel_with_a_professional_is_not_domestic_abuse(tagger: Tagger) -> None:
    assert tagger.propose("Ms T took an overdose after an argument with social care.") == {"self_harm"}
    assert tagger.propose("Mr H had a row with the housing officer.") == frozenset()
    assert tagger.propose("Verbal argument between Ms A and Mr B, police attended.") == {"domestic_abuse"}


def test_idioms_and_birthmarks_are_not_violence_or_injuries(tagger: Tagger) -> None:
    assert tagger.propose("Ms T says the conference pushed her over the edge.") == frozenset()
    assert tagger.propose("Mongolian blue spots noted on the body map at birth.") == frozenset()
    spots = "Body map: Mongolian blue spots over the buttocks. Bruise to the left cheek of S2."
    assert tagger.propose(spots) == {"physical_injury"}


def test_home_conditions_described_concretely_are_neglect(tagger: Tagger) -> None:
    text = "Kitchen not working, toilets blocked, the children using a bucket."
    assert tagger.propose(text) == {"neglect"}


def test_an_adult_hurt_by_another_adult_of_the_family_is_domestic_abuse(tagger: Tagger) -> None:
    assert tagger.propose("Ms Y had bruising to her neck caused by Mr Z.") == {"domestic_abuse"}
    assert tagger.propose("Mr U brought Ms E to ED with a sprained ankle after a fall.") == frozenset()


def test_a_parents_own_parents_in_a_sentence_about_their_childhood_are_their_history(tagger: Tagger) -> None:
    text = "Ms J spoke about her childhood in Leeds, where she lived with her aunt, and her dad drank heavily."
    assert tagger.propose(text) == {"parental_adverse_childhood"}
    assert tagger.propose("Ms J's dad drinks heavily. She grew up in Leeds.") == frozenset()


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("No concerns re drugs and dad drinks daily.", "alcohol_misuse_parent"),
        ("Denies drug use and Darren drinks every day.", "alcohol_misuse_parent"),
        ("Tested negative for opiates and is reducing her methadone.", "substance_misuse_parent"),
    ],
)
def test_a_negation_does_not_reach_past_and_into_a_new_statement(tagger: Tagger, text: str, tag: str) -> None:
    assert tagger.propose(text) == {tag}


def test_a_negation_still_reaches_a_list_of_people_or_an_owner(tagger: Tagger) -> None:
    assert tagger.propose("No concerns about mum and dad drinking.") == frozenset()
    assert tagger.propose("No evidence of DV and Mr B's drug use.") == frozenset()

"""Wording met in session 30 (text rounds 61 and 62): what a letter says and what it means."""

from __future__ import annotations

import pytest

from osteodx.text.extract import extract_text
from tests.text.case_helpers import relatives, terms


@pytest.mark.parametrize("text", [
    "Her speech went slurred and she fell twice.",
    "He has slurred speech and an unsteady walk.",
    "His speech got slurry.",
    "I keep slurring my words by the evening.",
])
def test_slurred_speech_is_dysarthria(real_kb, text: str) -> None:
    got = terms(real_kb, text)
    assert ("HP:0001260", False) in got
    assert all(t != "HP:0001350" for t, _ in got)


def test_slow_and_slurred_keeps_its_own_term(real_kb) -> None:
    assert ("HP:0007164", False) in terms(real_kb, "Slowed slurred speech was noted.")


@pytest.mark.parametrize(("text", "analyte"), [
    ("My platelets are a bit low.", "Platelet count"),
    ("Her calcium is way too high.", "Calcium"),
    ("His sodium was a little low.", "Sodium"),
    ("My calcium runs low.", "Calcium"),
])
def test_a_result_in_a_parents_words_is_read(real_kb, text: str, analyte: str) -> None:
    got = extract_text(text, real_kb, case_id="c").phenopacket.get("measurements", [])
    assert [m["assay"]["label"] for m in got] == [analyte]


def test_fsgs_is_a_clinical_abbreviation(real_kb) -> None:
    assert ("HP:0000097", False) in terms(real_kb, "The kidney biopsy showed FSGS.")


def _subject(kb, text: str) -> tuple[str | None, str | None]:
    s = extract_text(text, kb, case_id="c").phenopacket.get("subject", {})
    return s.get("sex"), (s.get("timeAtLastEncounter") or {}).get("age", {}).get("iso8601duration")


@pytest.mark.parametrize(("text", "age"), [
    # a birthday still to come: the age before it
    ("I will be seventy-three at Christmas and my throat is sore.", "P72Y"),
    ("I'll be 30 this summer. My knees hurt.", "P29Y"),
    # a birthday just had
    ("I passed my theory test on my 23rd birthday last month. My arms are short.", "P23Y"),
    # a parent's age said as a fraction, the child's own aside after it
    ("I'm booking my daughter Amal in. She's 11 and three quarters (she'll tell you the three "
     "quarters!) and she is shy. Her hair is thin. My mum (she's 63 and coming) is well.",
     "P11Y9M"),
    # a late husband's age, said by the birthday he did not reach
    ("Rhodri was 36. He would have been 37 on 2 May. He fainted twice.", "P36Y"),
    # a sister's e-mail to her brother about their father
    ("Subject: Dad - the update\nHi Mark, Dad turns 70 on the 30th. His legs are weak.", "P69Y"),
])
def test_ages_said_by_a_birthday(real_kb, text: str, age: str) -> None:
    assert _subject(real_kb, text)[1] == age


@pytest.mark.parametrize(("text", "days"), [
    # a message's own date line, with its time
    ("24/03/2026, 6:40 am\nGood morning, this is Priya, you saw me with my baby Aarav (born "
     "02/03/2026 at the hospital). He vomits after feeds.", "P22D"),
    # a patient's notes headed by a label, the weekday and the time
    ("Notes - Thursday 14/05/2026, 10:52\n- my name is Saima, DOB 02/09/1991\n- my fingers are "
     "stiff and my knees are swollen", "P34Y254D"),
])
def test_age_from_a_birth_date_and_a_dated_first_line(real_kb, text: str, days: str) -> None:
    assert _subject(real_kb, text)[1] == days


@pytest.mark.parametrize(("text", "sex"), [
    ("my skin is bad rn, dont roast me bro, im still the best looking guy in this server. "
     "My knees swell and my elbow won't straighten. I am 15.", "MALE"),
    ("Estimated weeks pregnant: 9\nI'm 33. My kidneys leak protein and my ankles swell. My "
     "blood pressure is high.", "FEMALE"),
    ("I'm 38. My balance is going and my eyes are failing; my speech is slow. The Spanish "
     "version is coming from my wife Claudia.", "MALE"),
])
def test_the_writers_own_words_give_the_sex(real_kb, text: str, sex: str) -> None:
    assert _subject(real_kb, text)[0] == sex


def test_a_donors_own_body_makes_his_daughter_no_patient(real_kb) -> None:
    text = ("My platelets were low at my donation. I've bruised my whole life, my gums bleed and "
            "my shins had tiny red dots. My spleen is normal and my bone marrow is clear. My "
            "daughter Ella is 12; her count is 260.")
    assert _subject(real_kb, text) == (None, None)


def test_a_letter_about_dad_reads_relatives_as_his(real_kb) -> None:
    text = ("Subject: Dad - the update\nDad turns 70 on the 30th. His legs are weak.\n"
            "- Uncle Alan (Dad's brother) died at 58 with weak legs too.\n"
            "- Granny Peg (Dad's mum) had weak legs.\n- My brother is fine.")
    got = relatives(text, real_kb)
    assert ("brother", True) in got and ("mother", True) in got and ("son", False) in got
    assert not any(rel in ("uncle", "grandmother", "father") for rel, _ in got)


def test_his_brother_in_a_letter_about_dad_is_dads_brother(real_kb) -> None:
    text = ("I am writing about my dad. His legs are weak. His brother has weak legs too. "
            "My brother is fine.")
    assert relatives(text, real_kb) == {("brother", True), ("son", False)}


@pytest.mark.parametrize(("text", "excluded"), [
    ("My spleen is a normal size on the ultrasound.", "HP:0001744"),  # Splenomegaly
    ("His liver is normal in size.", "HP:0002240"),                   # Hepatomegaly
    ("The heart is of normal size.", "HP:0001640"),                   # Cardiomegaly
    ("His memory is as sharp as ever.", "HP:0002354"),                # Memory impairment
])
def test_a_normal_size_or_an_unchanged_function_excludes(real_kb, text: str, excluded: str):
    assert (excluded, True) in terms(real_kb, text)


def test_a_doctors_name_in_an_aside_after_a_negated_verb_is_present(real_kb) -> None:
    text = "The knee doesn't straighten either (they said contracture, PT twice a week)."
    assert ("HP:0034392", False) in terms(real_kb, text)


@pytest.mark.parametrize(("text", "term"), [
    ("Tablets stick and his voice goes nasal.", "HP:0001611"),       # Hypernasal speech
    ("My eyes water all day.", "HP:0009926"),                        # Epiphora
    ("My lower eyelids have turned outwards.", "HP:0007651"),
    ("The knee jerks are very weak when the doctor taps them.", "HP:0011808"),
    ("My face has gone weak on both sides.", "HP:0001349"),          # Facial diplegia
    ("I had fluid on my lungs once and they drained it.", "HP:0002202"),
    ("I was puffy all over.", "HP:0007430"),                         # Generalized edema
    ("Bright light really hurts her eyes.", "HP:0000613"),           # Photophobia
    ("She is hungry all the time.", "HP:0002591"),                   # Polyphagia
    ("We have watched her stop breathing in her sleep.", "HP:0010535"),  # Sleep apnea
    ("His tummy sticks out.", "HP:0001538"),                         # Protuberant abdomen
    ("He was always falling over at school.", "HP:0002359"),         # Frequent falls
    ("His skin stretches like bubblegum.", "HP:0000974"),            # Hyperextensible skin
    ("His joints are very loose.", "HP:0001382"),                    # Joint hypermobility
    ("Her skin burns in minutes in the sun.", "HP:0000992"),         # photosensitivity
    ("His lips stay a dusky blue.", "HP:0000961"),                   # Cyanosis
    ("His kidneys had failed completely.", "HP:0000083"),            # Renal insufficiency
    ("The skin on her neck has become dark and velvety.", "HP:0000956"),
    ("In summer she sweats buckets.", "HP:0000975"),                 # Hyperhidrosis
    ("My knee reflexes are very jumpy.", "HP:0001347"),              # Hyperreflexia
    ("I'd get winded walking up the stairs at work.", "HP:0002875"),
    ("Her fingers are bent and don't straighten.", "HP:0012385"),    # Camptodactyly
    ("Her elbows and knees don't fully straighten.", "HP:0006380"),  # Knee flexion contracture
    ("She doesn't make tears when she cries.", "HP:0000633"),        # Decreased lacrimation
])
def test_lay_words_give_their_finding(real_kb, text: str, term: str) -> None:
    assert (term, False) in terms(real_kb, text)


def test_bro_as_a_word_of_address_is_no_brother(real_kb) -> None:
    text = "I am 15 and my knees swell. dont roast me bro, im still the best looking guy here."
    assert not any(rel == "brother" for rel, _ in relatives(text, real_kb))


def test_a_relative_who_never_had_any_of_it_is_unaffected(real_kb) -> None:
    text = "I am 15. I have acne and sore knees. My grandpa never had any of it."
    assert relatives(text, real_kb) == {("grandfather", False)}


def test_the_writers_name_and_birth_date_make_her_notes_her_own(real_kb) -> None:
    text = ("Notes - Thursday 14/05/2026\n- my name is spelt Saima with an i, DOB 02/09/1991\n"
            "- finger joints knobbly since 5, hips replaced at 24\n"
            "- Imran (my brother, 31) has exactly the same\n- My daughter Zara (6) is fine")
    got = relatives(text, real_kb)
    assert ("brother", True) in got and ("daughter", False) in got
    assert not any(rel == "uncle" for rel, _ in got)


def test_a_pets_age_on_an_adoption_form_is_not_the_patients(real_kb) -> None:
    text = ("Date: 12.02.2026\nAnimal of interest: \"Mogli\", cat, male, 3 years\n"
            "Our son Emre (born 24.12.2017) has an immune problem and gets infections.")
    assert _subject(real_kb, text)[1] == "P8Y50D"


def test_born_on_a_day_of_this_year(real_kb) -> None:
    text = ("Date: 2 March 2026\nOur son Hamed was born on 11 January this year. He was small "
            "and his sugar is high.")
    assert _subject(real_kb, text)[1] == "P50D"


def test_the_only_woman_in_the_group_is_the_writer(real_kb) -> None:
    text = ("I was born in 1978, so I'll be 48 this summer. I was a keen hill-walker, the only "
            "woman in our Saturday group to walk the whole way. Now my legs are weak, my heart "
            "is enlarged and my shoulders ache.")
    assert _subject(real_kb, text) == ("FEMALE", "P47Y")


def test_the_inner_corners_far_apart_are_telecanthus(real_kb) -> None:
    got = terms(real_kb, "The inner corners of her eyes are far apart, even though the eyes "
                         "themselves are not.")
    assert ("HP:0000506", False) in got and ("HP:0000316", False) not in got

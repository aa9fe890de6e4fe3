"""Wording of session 26 (round 55's messages): a relative tested and found well, a carrier who
never had problems, a result told after the test ("and it was normal", "her calcium is
normal", "both are healthy"), a form filled in by the applicant, the writer's title in a
"From:" line, a letter to a doctor, Indian English "completed 6 years", and a sibling's age in
a parent's account."""

from __future__ import annotations

import pytest

from osteodx.text.birthdate import age_from_dates
from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.narrator import second_person
from osteodx.text.writer_sex import writer_sex


def _status(text: str) -> list[tuple[str, bool | None]]:
    return [(s.relation, s.affected) for s in find_family_statements(text)]


@pytest.mark.parametrize(("text", "want"), [
    ("My dad has the same gene change but he has never had any problems at all.",
     ("father", False)),
    ("My nan is 71 and she is fine too.", ("grandmother", False)),
    ("My older sister Tamar (32) has been tested and has only one copy, and she is healthy.",
     ("sister", False)),
    ("Dave's younger brother Mike (44) had a full cardiology check-up last year and everything "
     "was normal.", ("brother", False)),
    ("Rory's mum, Kirsty (30), has a normal thyroid, she was checked in pregnancy.",
     ("mother", False)),
    ("Rory's big sister Isla, who is 3, had her thyroid checked last week because of all this "
     "and it was normal.", ("sister", False)),
    ("My sister Fiona, 41, was checked and her calcium is normal.", ("sister", False)),
    ("My parents are 68 and 63 and both are healthy.", ("parents", False)),
    ("My brother Andrew (55) was tested as a baby and is normal.", ("brother", False)),
])
def test_a_relative_tested_and_found_well_is_unaffected(text, want):
    assert _status(text) == [want]


@pytest.mark.parametrize(("text", "want"), [
    ("His sister has scoliosis and is otherwise healthy.", ("sister", True)),
    # a test for a finding she has: the finding stays
    ("Her brother has a heart murmur and it was normal on the echo.", ("brother", True)),
    ("My dad has the same gene change.", ("father", None)),  # a genotype, no status
])
def test_a_finding_beside_a_well_word_still_counts(text, want):
    assert _status(text) == [want]


def test_another_relative_s_health_is_no_test_result():
    """"her husband is healthy" after the sister's finding is not the sister's result."""
    assert ("sister", True) in _status("My sister had a fracture at 30 and her husband is "
                                       "healthy.")


def test_a_form_filled_in_by_the_applicant_is_his_own_account():
    text = ("TRAVEL INSURANCE DECLARATION\n(completed by the applicant in his own words)\n\n"
            "Date of birth: 09/03/1973\nDate completed: 20/10/2025\nTravelling with: wife "
            "(Sharon, 50) and son (Liam, 24).\n\nI bleed into my knees and my elbows. I do my "
            "own injections. I bruise easily. My daughter Chloe (21) has been told she is a "
            "carrier.")
    d = extract_demographics(text)
    assert d.sex == "MALE"
    assert d.age_years is not None and int(d.age_years) == 52


def test_a_form_s_completion_date_is_the_visit():
    got = age_from_dates("Date of birth: 09/03/1973\nDate completed: 20/10/2025")
    assert got is not None and int(got[0]) == 52


@pytest.mark.parametrize(("text", "sex"), [
    ("From: Mrs Lorna McIntyre, Paisley", "FEMALE"),
    ("To the heart clinic, from Mrs Dorothy Wainwright, Keighley", "FEMALE"),
    ("From: Mr Tom Hale", "MALE"),
])
def test_the_writer_s_title(text, sex):
    got = writer_sex(text)
    assert got is not None and got[0] == sex


def test_a_title_elsewhere_is_not_the_writer_s():
    assert writer_sex("I saw Mrs Patel at the clinic, she was kind.") is None


def test_a_patient_s_own_account_does_not_take_another_man_s_sex():
    text = ("To the heart specialist, from Mrs Dorothy Wainwright\nI'm 76 and I have always "
            "been bendy. My knees bend backwards. The man at the Infirmary said my valve "
            "leaks. I get puffed out on the stairs. I bruise easily and my skin is thin.")
    assert extract_demographics(text).sex == "FEMALE"


def test_a_letter_to_a_doctor_is_no_letter_to_the_patient():
    body = " ".join(["Could you tell us what you think? Thank you for your help."] * 4)
    assert not second_person(f"Dear Dr Whitaker,\n\nI am Hira's mum. {body}")
    assert second_person(f"Dear Sofia,\n\nYou are 31. {body}")


def test_indian_english_completed_years_is_the_age():
    text = ("QUESTIONS FOR DR. SUNDARAM\nPatient: Master Arjun Venkatesh. Written by his father."
            "\n\nHe falls many times daily. His feet slap and he cannot climb. His face is "
            "long. Our daughter Divya is 9 years and fully normal. "
            "Arjun completed 6 years on Deepavali day.")
    assert extract_demographics(text).age_years == 6


def test_a_sibling_s_age_in_an_account_of_a_son_is_not_the_patient_s():
    text = ("We are writing about our son. He falls and he cannot run; his legs are thin and "
            "he tires. Our daughter Divya is 9 years and fully normal.")
    assert extract_demographics(text).age_years is None


def test_the_writer_s_age_as_she_writes():
    text = "I was born in 1996 (so I'm 29 as I write this in September 2025), I'm a woman."
    assert extract_demographics(text).age_years == 29


@pytest.mark.parametrize("text", ["His CK blood test was normal (110).", "CK normal (110)."])
def test_a_value_in_brackets_after_normal_is_read_in_the_normal_unit(text):
    from osteodx.text.labs import extract_labs

    labs = [lab for lab in extract_labs(text) if lab.value is not None]
    assert [(lab.value, lab.unit, lab.flag) for lab in labs] == [(110.0, "U/L", "normal")]


def test_normal_chooses_among_plausible_units():
    from osteodx.labs.catalogue import load_catalogue
    from osteodx.labs.ranges import assumed_unit

    ck = next(a for a in load_catalogue().analytes if "CK" in a.names)
    assert assumed_unit(ck, 110.0) is None  # 110 U/L or 110 ukat/L: both near a range
    assert assumed_unit(ck, 110.0, said_normal=True) == "U/L"


def test_a_condition_runs_on_over_the_clauses_that_share_its_subject():
    from osteodx.text.context import context_of

    text = "If she has a temperature, is vomiting or won't feed: ring us."
    ctx = context_of(text)
    at = text.index("vomiting")
    assert ctx.assess(at, at + len("vomiting")).hypothetical


def test_a_clause_with_its_own_subject_ends_the_condition():
    from osteodx.text.context import context_of

    text = "If she has a temperature, she is vomiting."  # (an odd sentence, but no condition
    ctx = context_of(text)  # runs into a clause with a subject of its own)
    at = text.index("vomiting")
    assert not ctx.assess(at, at + len("vomiting")).hypothetical
    plain = "She had a temperature, was vomiting and would not feed."
    at = plain.index("vomiting")
    assert not context_of(plain).assess(at, at + len("vomiting")).hypothetical


def test_nobody_on_that_side_is_the_family_not_the_patient():
    from osteodx.text.context import context_of

    text = "Her eyelids droop. Nobody on that side has any eye or eyelid problems."
    at = text.index("eyelid problems")
    got = context_of(text).assess(at, at + len("eyelid problems"))
    assert got.negated or got.experiencer != "patient"


def test_mummy_and_daddy_are_the_parents():
    assert _status("My daddy has the same rash.") == [("father", True)]
    got = find_family_statements("My mummy's elder sister had a child with bad skin.")
    assert [(s.relation, s.note) for s in got] == [("aunt", "maternal")]


@pytest.mark.parametrize(("text", "term"), [
    ("His hearing test in the hospital was a pass.", "hearing test"),
    ("The murmur was nothing to worry about.", "murmur"),
])
def test_a_lay_verdict_of_normal(text, term):
    from osteodx.text.context import context_of

    at = text.index(term)
    assert context_of(text).assess(at, at + len(term)).negated


def test_nothing_like_is_no_verdict():
    from osteodx.text.context import context_of

    text = "It was nothing like his rash."
    at = text.index("rash")
    assert not context_of(text).assess(at, at + 4).negated


def test_the_writer_was_71_in_june():
    text = ("I am Margaret Hollis. I was 71 in June. I'm writing it down because I forget things. "
            "My eyes water and my legs swell. My daughter Sue (45) has it too.")
    assert extract_demographics(text).age_years == 71


def test_a_chat_that_names_the_baby_again_and_again():
    text = ("Tue 09:14 Gemma: Scan at 32 weeks, not enough water round him.\n"
            "Sat 22:03 Gemma: He's here!! Alfie 6lb 1oz.\n"
            "Mon 18:37 Gemma: Alfie is all puffy, they're keeping him in.\n"
            "Fri 11:30 Gemma: Alfie is 16 weeks today. Kidneys have stopped.\n"
            "Mon 16:12 Gemma: Lily's wee was tested, clear. She's 4 and bossy.")
    got = extract_demographics(text).age_years
    assert got is not None and abs(got - 16 * 7 / 365.25) < 0.01


@pytest.mark.parametrize(("text", "years"), [
    ("She is born the 14/02/2017 and I write this the 3 of November of 2025.", 8),
    ("Date of birth: 02/05/2012\nDate form signed: 15/09/2025", 13),
])
def test_a_writer_s_or_a_form_s_date(text, years):
    got = age_from_dates(text)
    assert got is not None and int(got[0]) == years


def test_twins_share_their_birthday():
    text = ("I am writing about my daughter Isla. Isla and Theo are non-identical twins. They "
            "turned seven in the summer holidays. Her skin is red and blotchy.")
    assert extract_demographics(text).age_years == 7
    assert extract_demographics("They turned seven in the summer.").age_years is None


@pytest.mark.parametrize(("text", "want"), [
    ("Mateo's sister Sofía (8) was tested and is normal.", ("sister", False)),
    ("My older sister Elif (23) has nothing.", ("sister", False)),
    ("Our sons, 31 and 28, are well so far but they are frightened.", ("son", False)),
    ("Grandma Pat, 68, has wear-and-tear arthritis in her knees but nothing like this.",
     ("grandmother", False)),
    ("My mum, 66, had psoriasis but that's not the same thing at all.", ("mother", False)),
    ("Declan's father had a pacemaker at 80, but the cardiologist says that's just age.",
     ("father", False)),
    ("My mother, who is 63, had bad gums young, but she smoked, so who knows.",
     ("mother", None)),
])
def test_well_another_condition_or_a_doubt(text, want):
    assert _status(text) == [want]


def test_another_condition_said_of_the_next_relative_is_hers():
    got = _status("Her mother has fractures, and her aunt had it but nothing like this.")
    assert ("mother", True) in got and ("aunt", False) in got

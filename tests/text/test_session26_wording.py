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

"""Wording of session 29: a husband, wife or partner writing about the patient, the couple's
child named in passing, a relative who "has lupus", and ages said as "who is 6" or "is 12
and has"."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.narrator import parent_narrator
from osteodx.text.spouse import spouse_narrator, spouse_relation
from tests.text.case_helpers import relatives, statuses

_WIFE = ("I am writing on behalf of my wife, Anna Kowalska, who has an appointment with you. "
         "Anna is 38. She has had joint pain and rashes for two years. Her sister has the same "
         "rashes. My brother has gout. Our daughter Zofia is 6 and healthy.\nPiotr (husband)")


@pytest.mark.parametrize(("text", "spouse"), [
    (_WIFE, "wife"),
    ("My husband, Tom Rowe, has an appointment with you on Friday. He gets headaches.",
     "husband"),
    # the writer's own role in the signature: the patient is her husband
    ("Tom has had headaches for a year and his legs are weak. He would not write himself.\n"
     "Sarah Rowe (wife)", "husband"),
    ("I am his wife. Tom has had headaches for a year and his legs are weak.", "husband"),
    ("I'm his partner and he asked me to write. He has had headaches for a year.", "partner"),
    # no explicit sign: the husband's age, in a letter all "he" and "his"
    ("My husband Tom is 45 and has had headaches for a year. He trips and his legs are weak; "
     "he is tired.", "husband"),
])
def test_a_letter_about_the_writers_spouse(text, spouse):
    """The patient's role: "my wife" is the patient, and so is the husband of a letter
    signed "(wife)"."""
    assert spouse_narrator(text) == spouse


@pytest.mark.parametrize("text", [
    "My husband is well. I have had headaches since I was 14.",
    "I'm 45. My husband Tom is 47 and well. I get headaches and my legs are weak.",
    "I am writing about our son Leo, who is 4. My husband asked me to write to you.",
])
def test_a_patient_or_a_parent_mentioning_a_spouse_is_not_a_spouse_letter(text):
    assert spouse_narrator(text) is None or parent_narrator(text)


def test_the_couples_child_named_in_passing_is_not_the_patient():
    assert not parent_narrator(_WIFE)
    demo = extract_demographics(_WIFE)
    assert (demo.sex, demo.age_years) == ("FEMALE", 38.0)  # (signed "Piotr (husband)")


def test_the_spouse_is_the_patient_and_the_writers_kin_are_not_hers(real_kb):
    got = relatives(_WIFE, real_kb)
    assert ("sister", True) in got and ("daughter", False) in got
    assert not any(r in ("brother", "uncle", "husband", "father") for r, _ in got)
    assert statuses(_WIFE, real_kb).get("Arthralgia") == "observed"


def test_a_named_spouse_is_the_patient_and_his_age_is_read(real_kb):
    text = ("Dear Dr Rowe,\nI am writing on behalf of my husband Tom. My husband Tom is 45 and "
            "has had terrible headaches for a year. He also has weakness in his legs. His "
            "mother had the same problem in her fifties. My mother has diabetes.\nSarah")
    demo = extract_demographics(text)
    assert (demo.sex, demo.age_years) == ("MALE", 45.0)
    assert statuses(text, real_kb).get("Headache") == "observed"
    got = relatives(text, real_kb)
    assert ("mother", True) in got
    assert not any(r == "grandmother" for r, _ in got)


@pytest.mark.parametrize(("relation", "at", "expected"), [
    ("mother", "my husband's mother had it", "mother"),
    ("mother", "my mother is well", None),
    ("son", "our son is well", "son"),
    ("brother", "his brother is well", "brother"),
    ("husband", "my husband is unwell", None),
])
def test_whose_relative_in_a_spouse_letter(relation, at, expected):
    start = at.index(relation)
    assert spouse_relation(at, start, relation, "husband") == expected


@pytest.mark.parametrize(("text", "relation"), [
    ("Anna is 38. She has had joint pain and rashes for two years. Her sister has lupus.",
     "sister"),
    ("I am 50 and my hands are stiff and my skin is thick. My aunt had psoriasis.", "aunt"),
])
def test_a_relative_with_a_named_disease_is_kept(real_kb, text, relation):
    assert any(r == relation for r, _ in relatives(text, real_kb))


def test_a_relative_with_news_that_is_not_health_still_gives_no_entry(real_kb):
    text = "I am 50 and my hands are stiff and my skin is thick. My brother has a new job."
    assert not any(r == "brother" for r, _ in relatives(text, real_kb))




_STEP = ("Dear Dr Okafor,\nI'm writing about my stepson Liam, who is 12. I have been his stepmum "
         "since he was five. He has broken his arm four times and his leg once. His hearing is "
         "getting worse. My husband (his dad) is fine. My own mother has arthritis. My brother "
         "has asthma. Our daughter Ella, 3, is healthy.\nThanks, Karen")


def test_a_stepparents_own_kin_are_not_the_childs(real_kb):
    got = relatives(_STEP, real_kb)
    assert ("father", False) in got and ("sister", False) in got
    assert not any(r in ("grandmother", "uncle") for r, _ in got)
    assert extract_demographics(_STEP).age_years == 12.0


def test_broken_bones_and_worsening_hearing_in_lay_words(real_kb):
    got = statuses(_STEP, real_kb)
    assert got.get("Recurrent fractures") == "observed"
    assert got.get("Progressive hearing impairment") == "observed"


_PARENT = "I am writing about our son Alfie, who is 8. He has kidney disease and is small. "


@pytest.mark.parametrize("said", [
    "It is recessive, and Gary and I both carry it without any symptoms.",
    "My husband and I each carry one copy of the faulty gene and are perfectly healthy.",
    "My wife Ngozi and I are of normal height.",
])
def test_the_writer_and_the_other_parent_said_well_after_what_they_carry(real_kb, said):
    assert ("parents", False) in relatives(_PARENT + said, real_kb)


def test_other_families_are_not_the_parents(real_kb):
    text = _PARENT + "Here's ours for other parents of kids with photosensitivity."
    assert not any(r == "parents" for r, _ in relatives(text, real_kb))


def test_a_condition_said_to_have_nothing_to_do_with_the_patients(real_kb):
    text = _PARENT + ("My father, who is 66, has had high triglycerides since he retired, but "
                      "his doctor says that's nothing to do with Alfie's condition.")
    assert ("grandfather", None) in relatives(text, real_kb)


def test_a_scottish_granda_is_a_grandfather(real_kb):
    text = ("I am 29 and my neck is short and stiff. Mum has the same short stiff neck, and her "
            "father, my granda Tam, had it too. My dad is fine.")
    got = relatives(text, real_kb)
    assert ("grandfather", True) in got and ("father", False) in got


@pytest.mark.parametrize(("text", "years"), [
    # "who is 6", "is 12 and he has ..."
    ("I'm writing about our daughter Mia, who is 6. She has had seizures since she was two "
     "and she is very clumsy. I am worried and my wife is too.", 6.0),
    ("Written by Liam's stepmum. Liam is 12 and he has broken his arm four times. I think "
     "Liam is brave, and Liam is tired.", 12.0),
    # a husband's voice note: "she'll be 35 in June"
    ("Hi, it's Declan, Gráinne Hegarty's husband. She'll be 35 in June. She has seizures and "
     "her legs are stiff, she falls, she is tired.", 34.0),
    # an accented name, the patient's (named three times)
    ("Subject: Ciarán\nHi girls, Ciarán turned ten in March. He had fevers and his spleen was "
     "big. Ciarán is home now. My brother died young.", 10.0),
    # a statement dated with its place, and a date of birth
    ("Main applicant: Adaeze (child), date of birth 09/08/2021\nWritten at Abuja, 14th January "
     "2026\n\nShe is the height of an eight- or nine-year-old child.", 4.43258),
])
def test_ages_of_session_29(text, years):
    assert extract_demographics(text).age_years == years


def test_a_holiday_birth_with_no_year_is_a_babys_last_one():
    text = ("Date: April 24, 2026\nOur grandson Eli was born on Christmas Eve. He tires after an "
            "ounce or two at each feed.")
    assert round(extract_demographics(text).age_years, 2) == 0.33
    adult = "Date: April 24, 2026\nI was born on Christmas Eve. I have gout and my knees ache."
    assert extract_demographics(adult).age_years is None


def test_unlikely_to_be_affected_is_no_status(real_kb):
    text = ("I'm 47 and my eyes are bad at night. My son is 15. Your son is very unlikely to be "
            "affected.")
    assert ("son", True) not in relatives(text, real_kb)


@pytest.mark.parametrize(("text", "relation", "affected"), [
    ("I am 29 and my neck is stiff. My dad is fine, and so is my younger brother Callum (26), "
     "whose neck x-ray was normal.", "brother", False),
    ("I am 29 and my neck is stiff. My mum has the same neck and so does my sister.", "sister",
     True),
    ("Ciarán is 10 and his spleen is big. Dermot, their da, is fine.", "father", False),
    ("Her speech is slurry. Our daughter is six and grand.", "daughter", False),
])
def test_relatives_in_everyday_words(real_kb, text, relation, affected):
    assert (relation, affected) in relatives(text, real_kb)


def test_the_da_vinci_exhibit_names_no_father(real_kb):
    text = "I am 40 and my back aches. I went to the da vinci exhibit."
    assert not any(r == "father" for r, _ in relatives(text, real_kb))


@pytest.mark.parametrize(("sentence", "analyte"), [
    ("Her IGF-1 was also far too high at 812 ng/mL.", "IGF-1"),
    ("His ferritin was sky high, 24,000 (it should be under 300).", "Ferritin"),
    ("His amylase was normal but his lipase sky-high at 2,400.", "Lipase"),
])
def test_a_value_after_far_too_high_or_sky_high(real_kb, sentence, analyte):
    from osteodx.text.extract import extract_text

    got = {m["assay"]["label"]: m for m in extract_text(
        "He is 10. " + sentence, real_kb, case_id="c").phenopacket.get("measurements", [])}
    assert analyte in got and "quantity" in got[analyte]["value"]


@pytest.mark.parametrize(("text", "expected"), [
    ("I am 19 and my legs are weak. Mum and Dad visited with my sister Tayla (22). Tayla is "
     "fine, tested, not even a carrier.", ("sister", False)),
    ("I am 19 and my legs are weak. My aunt Leila (45) lives in Leeds. Leila has it too.",
     ("aunt", True)),
])
def test_a_named_relatives_status_said_right_after_the_name(real_kb, text, expected):
    assert expected in relatives(text, real_kb)


def test_a_named_relatives_news_that_is_no_status_gives_no_entry(real_kb):
    text = "I am 19 and my legs are weak. My uncle Derek (50) lives in Leeds. Derek remarried."
    assert not any(r == "uncle" for r, _ in relatives(text, real_kb))


def test_a_widower_writing_of_his_late_wife():
    text = ("Re: my late wife, Siân Evans, and our children\nI am 53. Siân died in November. "
            "It began when she was 44: she would stumble, her hands lost their coordination, "
            "her speech went slurred and her legs became weak.")
    assert spouse_narrator(text) == "wife"
    assert extract_demographics(text).sex == "FEMALE"


def test_a_widow_writing_of_her_own_symptoms_is_no_spouse_letter():
    text = ("I am 67 and I write about myself, not my late husband. My eyelids droop, my skin "
            "hangs loose, I have numb hands and I get dry eyes. He was your patient.")
    assert spouse_narrator(text) is None


@pytest.mark.parametrize(("said", "sex"), [("from me (mom)", "FEMALE"),
                                           ("from me (dad)", "MALE")])
def test_the_writer_says_which_parent_she_or_he_is(said, sex):
    text = (f"I'm 36 and I have had tumours in my neck since I was 30. My kids would get it {said}"
            ", so they will be tested. I have had surgery twice and my blood pressure is high.")
    assert extract_demographics(text).sex == sex

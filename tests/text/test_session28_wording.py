"""Wording of session 28 (round 59's messages): relatives said to do things that are not
health ("drives up every Tuesday"), a spouse and the writer who are cousins, a form signed
by a parent, a holiday birthday, an age "on the day of travel", "a mum of two", a new
subject ending a negation, Welsh and Northern words for mother and grandmother, and lay
words for findings."""

from __future__ import annotations

import pytest

from osteodx.text.birthdate import age_from_dates
from osteodx.text.demographics import extract_demographics
from osteodx.text.narrator import parent_narrator
from tests.text.case_helpers import relatives, statuses

_PARENT_FORM = ("Child's name: Hannah Friesen\nCompleted by: Jacob Friesen (dad)\n\n"
                "Hannah was born in July. She has lost everything she had learned and her "
                "seizures started in February. Our son Levi is 4. ")


@pytest.mark.parametrize("text", [
    "Completed by: Jacob Friesen (dad)\nHannah has seizures. We are worried and I think our "
    "doctor is too.",
    "Passenger: Zainab\nTravelling with: father (Imran Arshad, completing this form), mother\n"
    "Zainab is deaf. I think she is tired. We are flying in April with my mother.",
    "Zainab is deaf. I think she is tired. We fly in April with my mother.\n"
    "Signed: Imran Arshad (father)",
])
def test_a_form_filled_in_by_a_parent(text):
    assert parent_narrator(text)


@pytest.mark.parametrize("text", [
    _PARENT_FORM + "My wife Anna and I are second cousins; our grandmothers were sisters.",
    _PARENT_FORM + "Our family: Anna and I are first cousins; our mothers are sisters.",
])
def test_the_writer_and_the_other_parent_are_cousins(real_kb, text):
    assert ("parents", None) in relatives(text, real_kb)  # consanguinity: no status


def test_a_patient_and_his_wife_being_cousins_is_not_the_parents(real_kb):
    text = ("I'm 34 and my knees swell. My wife Anna and I are second cousins, and our "
            "daughter is well.")
    assert not any(r == "parents" for r, _ in relatives(text, real_kb))


@pytest.mark.parametrize(("text", "absent"), [
    ("Our daughter Isla is 20 weeks old and has a red birthmark on her face. Granny Morag, "
     "who is 64 and drives up from Aviemore every Tuesday, says she is bonny.", "grandmother"),
    ("Our son Jack is 16 and is learning to drive. I have a rash on my legs and headaches.",
     "son"),
    ("I have gout and a big spleen. Mother would have been 100 this year.", "mother"),
])
def test_a_relative_said_to_do_what_is_no_health_gives_no_entry(real_kb, text, absent):
    assert not any(r == absent for r, _ in relatives(text, real_kb))


def test_fine_and_something_else_is_unaffected(real_kb):
    got = relatives("I have been coughing up blood. Family: Mum and Dad are both fine and have "
                    "been amazing.", real_kb)
    assert ("mother", True) not in got and ("father", True) not in got


def test_a_relative_whose_condition_has_nothing_to_do_with_mine(real_kb):
    got = relatives("I am on dialysis. Uncle Rewi is on dialysis at the same unit but his is "
                    "from his diabetes, nothing to do with mine.", real_kb)
    assert ("uncle", True) not in got


def test_welsh_and_northern_words_for_mother_and_grandmother(real_kb):
    got = relatives("I am 7 and I have seizures. My Mam's brother, Uncle Gareth, had the same "
                    "condition. My Nain (Mam's mum), who is 68, is well.", real_kb)
    assert ("maternal uncle", True) in got or ("uncle", True) in got
    assert ("brother", True) not in got
    assert any(r.endswith("grandmother") and a is False for r, a in got)


def test_a_birth_on_a_named_holiday():
    got = age_from_dates("Date: 14 March 2026\nHannah was born on Canada Day last year.")
    assert got is not None and round(got[0], 2) == 0.70
    got = age_from_dates("Date: 2 January 2026\nHe was born on Christmas Day 2024.")
    assert got is not None and round(got[0], 2) == 1.02
    assert age_from_dates("Date: 2 January 2026\nHe was born on Christmas Day this year.") \
        is None  # after the letter's date: no age


def test_an_age_on_the_day_of_travel():
    d = extract_demographics("Passenger: Zainab ARSHAD    Sex: F\nAge on the day of travel: 13 "
                             "(she turns 14 in September)\nShe is deaf.")
    assert d.age_years == 13 and d.sex == "FEMALE"


def test_a_mum_of_two_writing_of_herself():
    d = extract_demographics("Dear Sir, I am writing to explain my medical history. I am a mum "
                             "of two, I live in Geelong. I had a stroke at 40 and my skin is "
                             "blotchy. My legs are weak and my speech was slurred. I am 44.")
    assert d.sex == "FEMALE"


def test_a_new_subject_ends_a_negation(real_kb):
    got = statuses("The aspirin didn't agree with my stomach and I bled from it, black stools, "
                   "a camera test and two nights in.", real_kb)
    assert got.get("Melena") == "observed"


@pytest.mark.parametrize(("text", "label"), [
    ("The whites of her eyes are blue-ish.", "Blue sclerae"),
    ("She has some pale spots on her arms.", "Spotty hypopigmentation"),
    ("My pinkies also curve in towards the other fingers.", "Clinodactyly of the 5th finger"),
    ("His eyes jiggle side to side.", "Nystagmus"),
    ("He walks wide and wobbly like he's on a boat.", "Gait ataxia"),
    ("He gets painful red lumps on his shins.", "Erythema nodosum"),
    ("She bruises from nothing.", "Bruising susceptibility"),
    ("I also have a couple of coffee-coloured birthmarks on my back.", "Cafe-au-lait spot"),
])
def test_lay_words(real_kb, text, label):
    assert statuses(text, real_kb).get(label) == "observed"


def test_contractions_written_without_an_apostrophe_negate(real_kb):
    got = statuses("things i DONT have: ive never fainted, no rashes, my feet arent numb and i "
                   "dont get pins and needles", real_kb)
    assert got.get("Paresthesia") == "excluded"
    assert statuses("i dont get headaches", real_kb).get("Headache") == "excluded"


@pytest.mark.parametrize(("text", "flag"), [
    ("His CK was 1,150, which she said is high.", "high"),
    ("My A1c is 7.4, which my endocrinologist says is still too high.", "high"),
    ("His CRP was 86 in October, which they said was high.", "high"),
    ("Lymphocytes were 0.9, which is low.", "low"),
])
def test_a_flag_someone_said_after_the_value(text, flag):
    from osteodx.text.labs import extract_labs

    labs = extract_labs(text)
    assert len(labs) == 1 and labs[0].flag == flag

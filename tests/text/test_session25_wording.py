"""Wording of session 25 (round 51's e-mail): a patient who writes of his own body and names
his daughter in passing, a relative's statement opened inside brackets, a child tested
negative, one aunt named twice, a search that found nothing, a numbered disease's name, and
lay words of myotonia."""

from __future__ import annotations

import pytest

from osteodx.labs.catalogue import load_catalogue
from osteodx.labs.ranges import assumed_unit
from osteodx.text.demographics import extract_demographics
from osteodx.text.extract import extract_text
from osteodx.text.narrator import parent_narrator
from tests.text.case_helpers import relatives, statuses

_found, _family = statuses, relatives

_EMAIL = ("Hi Dr Okafor, my muscles lock up. My legs go rigid and my hands cramp; my top eyelids "
          "lag behind. Our daughter Isla is 3 and they tested her last week, negative, thank "
          "God. I'm 29 and otherwise healthy.")


def test_a_patient_telling_of_his_own_body_is_no_parent_writing():
    assert not parent_narrator(_EMAIL)
    assert extract_demographics(_EMAIL).age_years == 29


def test_a_parent_telling_of_the_child_s_body_is_still_a_parent():
    assert parent_narrator("Our son Leo is 3. His legs are stiff, his hands lock and his eyes "
                           "wander. My back aches from carrying him. I am worried.")


def test_the_patient_s_child_tested_negative_is_unaffected(real_kb):
    assert ("daughter", False) in _family(_EMAIL, real_kb)


def test_a_statement_opened_inside_brackets_is_read_in_pieces(real_kb):
    """"Mum (Karen, 56) has it too, ... she can't let go of the bags": her own signs, not a
    negation of her having it."""
    fam = _family("I'm 29. Mum (Karen, 56) has it too, her hands go stiff when it's cold and "
                  "she can't let go of the shopping bags.", real_kb)
    assert ("mother", True) in fam


def test_one_aunt_named_twice_is_one_statement(real_kb):
    text = "I'm 29. Mum's sister, Auntie Jean, doesn't have anything like it."
    family = extract_text(text, real_kb, case_id="c").family
    aunts = [f for f in family if f["relation"] == "aunt"]
    assert len(aunts) == 1 and aunts[0]["affected"] is False


@pytest.mark.parametrize("text", [
    "The eye doctor checked for cataracts and there are none.",
    "The eye doctor looked for cataracts because of the diagnosis and there are none.",
    "They checked for cataracts because of the family history and found none.",
])
def test_a_search_that_found_nothing_excludes(real_kb, text):
    assert _found("I'm 29. " + text, real_kb).get("Cataract") == "excluded"


def test_a_search_alone_says_nothing(real_kb):
    assert "Cataract" not in _found("I'm 29. The eye doctor checked for cataracts.", real_kb)


def test_a_numbered_disease_named_is_no_finding(real_kb):
    found = _found("I'm 29. They looked at my eyes because of myotonic dystrophy. EMG showed "
                   "myotonic discharges.", real_kb)
    assert "Myotonia" not in found
    assert found.get("EMG: myotonic discharges") == "observed"


@pytest.mark.parametrize(("text", "label"), [
    ("My muscles lock up when I start moving.", "Muscle stiffness"),
    ("My legs go rigid when I get up.", "Leg muscle stiffness"),
    ("He has big muscles though he never trains.", "Skeletal muscle hypertrophy"),
    ("He is slow to release his grip.", "Handgrip myotonia"),
])
def test_lay_words_of_myotonia(real_kb, text, label):
    assert _found("A 29-year-old man. " + text, real_kb).get(label) == "observed"


def test_an_enzyme_without_a_unit_is_read_in_the_unit_near_its_range():
    """CK 412 is twice the upper limit in U/L and 130 times it in ukat/L: U/L. Creatinine 98
    and CRP 12 stay unread: both of their units give a value near a range."""
    cat = load_catalogue()
    assert assumed_unit(cat.analyte("ck_total"), 412) == "U/L"
    assert assumed_unit(cat.analyte("ck_total"), 412, near_reference=False) is None
    assert assumed_unit(cat.analyte("creatinine"), 98) is None
    assert assumed_unit(cat.analyte("crp"), 12) is None


def test_ck_written_without_a_unit_in_an_email_is_read(real_kb):
    labs = extract_text("I'm 29. CK was 412, he said that's a bit high.", real_kb,
                        case_id="c").case.measurements
    assert [(m["assay"]["label"], m["value"]["quantity"]["value"]) for m in labs] == [
        ("Creatine kinase", 412.0)]


# -- round 52's messages (patients, parents, a grandparent, a son), after their first reading

@pytest.mark.parametrize(("text", "age"), [
    ("I'll be 35 next month and I have had attacks for years. My son is 6.", 35 - 1 / 12),
    ("I'm 23 (24 in February). Blood in my urine was found when I was 6.", 23),
    ("I'm Amy's dad and I wanted to write it all down for you. Amy is in Year 9 and turned 14 in "
     "January. My worry is her foot.", 14),
    ("I am the mother of Valentina Quintero. My English is not good. The skin of my daughter is "
     "red. Valentina have 6 years and 4 months.", 6 + 4 / 12),
    ("I'm writing about our grandson, Alfie Evans. His mum is our daughter Kelly (26). Alfie is "
     "three and a half.", 3.5),
    ("My mother, Margaret Ross, has an appointment with you. Mum is 74 and lives on her own; I'm "
     "her son Hamish (49).", 74),
])
def test_ages_in_messages(text, age):
    assert extract_demographics(text).age_years == pytest.approx(age, abs=0.01)


def test_an_email_s_sent_date_and_a_date_of_birth_give_the_age():
    text = ("Sent: Saturday 9 October 2027 21:47\nSubject: Our daughter Riona, date of birth "
            "21/05/2027\n\nShe is floppy and we are worried about our daughter.")
    assert extract_demographics(text).age_years == pytest.approx(141 / 365.25, abs=0.003)


def test_a_grandparent_is_no_parent_narrator():
    assert not parent_narrator("We are raising our grandson, Alfie. His mum is our daughter "
                               "Kelly. I think he cannot see well and we worry.")


def test_a_patient_s_periods_give_her_sex():
    text = ("I'm 20 and my periods have always been heavy. I bruise easily, my nose bleeds for "
            "ages and I get tired. My mum says I should ask you.")
    assert extract_demographics(text).sex == "FEMALE"


@pytest.mark.parametrize(("text", "want"), [
    ("I'm 45. My brother Wei Ming (41) had an echo and it was normal.", ("brother", False)),
    ("I'm 45. My son Jun Hao (16) had an echo last month, normal, and is waiting for the gene "
     "test.", ("son", False)),
    ("I'm 23. My brother Marco (20) had his urine checked and it was clear.", ("brother", False)),
    ("Our daughter Riona is 4 months and very floppy. My husband Cathal (33) and I (30) are both "
     "well.", ("parents", False)),
    ("i'm 20 and i think i bleed too much. my nan apparently bled for England after her "
     "hysterectomy. dad's fine, never bleeds.", ("grandmother", True)),
])
def test_relatives_in_messages(real_kb, text, want):
    assert want in _family(text, real_kb)


def test_dictated_punctuation_and_other_people_in_a_patient_s_account(real_kb):
    text = ("so here goes I am 29 years old I've had thrush in my mouth my whole life and my "
            "periods didn't start until I was nearly 17 I also get eczema type rashes on my arms "
            "period I have had diarrhea on and off for years and going gluten free didn't help "
            "I'm tired all the time new paragraph family history my dad Gary who's 58 has had "
            "thrush his whole life period and he's hypothyroid too but no one looked into it")
    found = _found(text, real_kb)
    assert found.get("Eczematoid dermatitis") == "observed"
    assert found.get("Fatigue") == "observed"
    assert "Hypothyroidism" not in found


@pytest.mark.parametrize(("text", "label"), [
    ("I throw up for a day or two after each attack.", "Vomiting"),
    ("They say my kidneys are failing.", "Renal insufficiency"),
    ("His eyes were always wobbling from side to side.", "Nystagmus"),
    ("He was registered as severely sight impaired.", "Blindness"),
    ("She has a small hole between the top chambers of her heart.", "Atrial septal defect"),
    ("I'm very short-sighted.", "Myopia"),
    ("The corners of my mouth crack.", "Angular cheilitis"),
])
def test_lay_words_of_round_52(real_kb, text, label):
    assert _found("A 30-year-old. " + text, real_kb).get(label) == "observed"


def test_short_sighted_is_no_short_stature_and_tired_as_a_trigger_is_no_fatigue(real_kb):
    found = _found("A 30-year-old. I'm very short-sighted. Her neck pulls to the left, "
                   "especially when she's tired.", real_kb)
    assert "Short stature" not in found and "Fatigue" not in found


def test_a_lab_named_in_brackets_is_read(real_kb):
    labs = extract_text("i'm 20. - my iron (ferritin) is 6, GP said that's really low", real_kb,
                        case_id="c").case.measurements
    assert [(m["assay"]["label"], m["value"]["quantity"]["value"]) for m in labs] == [
        ("Ferritin", 6.0)]


# -- round 53's messages (a teenager, a wife, a timeline, an app translation, a forum post ...)

@pytest.mark.parametrize(("text", "age"), [
    ("My name is Layla and I turn 17 in three weeks. My mom said I should write this myself.",
     17 - 21 / 365.25),
    ("I am writing on behalf of my husband, Tom, who has an appointment with you. Tom turned 52 "
     "in June. We have been married 27 years.", 52),
    ("My history in dates\nWritten 2 March 2026 by Faizal Rahman (born 14 August 1991)\n\nMy "
     "wife said I should write it all down.", 12619 / 365.25),
    ("Writes to you the mother of Sofiia Kovalenko. My English is bad, sorry. Sofiia has now 7 "
     "months and 10 days. I am 31 and my husband is 34.", 7 / 12 + 10 / 365.25),
    ("Title: 28M, diagnosed with ARVC after my brother died\n\nHi all, long-time lurker.", 28),
    ("I am Kayden's foster carer. He had his sixth birthday with us in January.", 6),
])
def test_ages_in_more_messages(text, age):
    assert extract_demographics(text).age_years == pytest.approx(age, abs=0.01)


@pytest.mark.parametrize(("text", "sex"), [
    ("I turn 17 in three weeks and as a girl who plays volleyball my knees matter. I have lumps "
     "in my hips and my elbow.", "FEMALE"),
    ("Dear Dr Ali, I hope you remember me; you looked after me for years. I turned 33 in May. I "
     "bled after my circumcision and my gums bleed. You said I should write. Thank you for "
     "everything you did; you were kind and you listened. I hope you are well and your family "
     "too. You can reply to me here.", "MALE"),
    ("Our son Oliver is seven and I am angry. His left eye turned in when he was two and his "
     "vision is poor. My mother has been blind in her right eye since she was a girl. The "
     "consultant said she would laser him. She called it FEVR.", "MALE"),
])
def test_sex_in_more_messages(text, sex):
    assert extract_demographics(text).sex == sex


@pytest.mark.parametrize(("text", "want"), [
    ("I'm 16. My little sister Noor is 9 and she's fine so far.", ("sister", False)),
    ("Our son Emil is sick and we worry. Lars and I (both 33) are not related and are healthy.",
     ("parents", False)),
    ("Our daughter Aisha is ill and I worry about her. Her brother Zain, he's fourteen, Mr Patel "
     "checked his eyes and they're completely normal.", ("brother", False)),
    ("Our son Oliver is ill and I am angry. My wife Lucy (36) was examined and her eyes are "
     "normal.", ("mother", False)),
    ("Our daughter Mia is ill and I am worried. My husband is healthy.", ("father", False)),
])
def test_relatives_in_more_messages(real_kb, text, want):
    assert want in _family(text, real_kb)


@pytest.mark.parametrize("text", [
    "I'm 28. The coroner told Mum and Dad the rest of the family should get checked.",
    "She is 40 and has seizures. Her husband is healthy.",  # a spouse is no blood relative
])
def test_relatives_told_and_spouses_say_nothing(real_kb, text):
    assert not _family(text, real_kb)

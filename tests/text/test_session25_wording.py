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

"""Wording of session 27 (round 58's messages, after their first reading): who filled in the
form, a parent who names themself beside the other parent ("her dad Lee and I"), a
grandparent's daughter "and her husband", a relative said to be well beside news that is no
finding ("she's in the Wombats room already"), where the family came from, a pregnancy."""

from __future__ import annotations

import pytest

from osteodx.text.extract import extract_text
from osteodx.text.family import find_family_statements
from osteodx.text.grandparent import grandchild_side
from osteodx.text.narrator import parent_narrator


def _status(text: str) -> list[tuple[str, bool | None]]:
    return [(s.relation, s.affected) for s in find_family_statements(text)]


@pytest.mark.parametrize("text", [
    "From: Donna Wright (Maisie Wright's mum, 10RH)\nMaisie has fits.",
    "REGISTRATION (completed by: Satu Laine, sister and legal guardian)\nAki is 26.",
    "[Voice note from Dad, typed up by me (Kate McKenzie, his daughter) for the neurologist.]",
    "You asked for a few notes (Dad writing, Priya will check it tonight). He's 11 months.",
])
def test_who_filled_in_the_form_is_no_family_news(text):
    assert [s for s in _status(text) if s[1] is not None] == []


@pytest.mark.parametrize("text", [
    "Patient: Oliver Dixon   Completed by: Mum (Rachel Dixon)\nI was terrified. We came in "
    "and I cried. My brother died young.",
    "Hi Jess, notes for his file (Dad writing). I think he is fine. We love it. My sister is "
    "deaf.",
])
def test_a_parent_named_as_the_writer(text):
    assert parent_narrator(text)


def test_a_parent_names_themself_beside_the_other_parent():
    text = ("From: Donna Wright (Maisie Wright's mum)\nI am worried about my daughter. I think "
            "she needs help. Family: Maisie's dad Lee (44) and I (41) are both healthy.")
    got = _status(text)
    assert ("father", False) in got and ("mother", False) in got


def test_a_parents_sisters_lad_is_a_cousin():
    text = ("I am writing about my daughter Maisie. I think she is struggling. My sister's lad "
            "Ryan had epilepsy that he grew out of.")
    assert [rel for rel, _ in _status(text)] == ["cousin"]


@pytest.mark.parametrize("text", [
    "Our parents came from Oulu, Finland in 1996.",
    "My sister Jodie (29) is pregnant and has been referred.",
    "I write on behalf of my daughter Inês, who is too tired to write.",
])
def test_no_finding_of_the_relative(text):
    assert [s for s in _status(text) if s[1]] == []


def test_a_grandparents_daughter_and_her_husband_are_the_parents():
    text = ("Tomás is our first grandson. I write for him. The family: my daughter Inês (34) and "
            "her husband Tiago (36) are both healthy.")
    assert grandchild_side(text) == ("maternal", "")


def test_a_relative_said_well_beside_news_that_is_no_finding(real_kb):
    text = ("Arlo is 11 months. His skin is loose and hangs in folds. His big sister Maya is 4 "
            "and healthy, she's in the Wombats room already.")
    fam = extract_text(text, real_kb, case_id="c").family
    assert [(f["relation"], f["affected"]) for f in fam] == [("sister", False)]


def test_a_relative_said_well_but_with_a_finding_stays_affected(real_kb):
    text = ("Arlo is 11 months. His skin is loose and hangs in folds. His sister Maya is healthy "
            "but has loose skin too.")
    fam = extract_text(text, real_kb, case_id="c").family
    assert [f["affected"] for f in fam if f["relation"] == "sister"] == [True]


def test_a_grandparents_own_age_and_the_grandsons_sex():
    from osteodx.text.demographics import extract_demographics

    text = ("I write from Lisbon about our first grandson, Tomás. I am 71 and a retired engineer."
            " We are worried and I hope you can help. Tomás was born 14 August 2025.\n"
            "Date: 2 March 2026")
    d = extract_demographics(text)
    assert d.age_years != 71.0 and d.sex == "MALE"


def test_an_age_then_the_next_birthday_in_brackets():
    from osteodx.text.demographics import extract_demographics

    text = "Here is everything about Hannah. She's 10 (she'll be 11 in August) and this is camp."
    assert extract_demographics(text).age_years == 10.0

"""Wording of session 27 (round 57's messages): an au pair's and a young carer's accounts, a
boy's pen-pal letter, a letterhead and a maiden name, a date of birth "is", a birth on a
named day, weeks since the birth; carriers who are well, relatives who live with the writer
or are coming to a wedding, a quoted "nana"; a value after its word ("was very low, 14")."""

from __future__ import annotations

import pytest

from osteodx.text.birthdate import age_from_dates
from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.labs import extract_labs
from osteodx.text.writer_sex import writer_sex


def _status(text: str) -> list[tuple[str, bool | None]]:
    return [(s.relation, s.affected) for s in find_family_statements(text)]


@pytest.mark.parametrize(("text", "years"), [
    ("Date: 25/08/2025\nYasmin starts in Grade 7. Her date of birth is 21/08/2013.", 12.01),
    ("Date: 3 February 2026\nOur daughter, Grace, was born on Canada Day, July 1, 2025.", 0.59),
    ("Date: 3 February 2026\nShe was born on a Tuesday, 1 July 2025.", 0.59),
])
def test_a_date_of_birth_said_in_a_sentence(text, years):
    got = age_from_dates(text)
    assert got is not None and round(got[0], 2) == years


def test_no_date_of_birth_without_a_date():
    assert age_from_dates("Date: 3 February 2026\nShe was born on time, at home.") is None


def test_an_au_pairs_own_age_is_not_the_childs():
    text = ("To: Dr Byrne\nFrom: Thiago (au pair)\nDate: 10 January 2026\n\nMy name is Thiago, "
            "I am 23 and I am the au pair of the Keane family. I write what we see at home. "
            "Noah was born on 3 March 2024. He is small and he had a fever. I think he is "
            "tired. I give him his milk.")
    d = extract_demographics(text)
    assert round(d.age_years, 2) == 1.86
    assert d.sex == "MALE"


@pytest.mark.parametrize(("text", "years"), [
    ("Dear all,\nIt has been 43 weeks since Ezra was born and he is doing well. We love him.",
     0.82),
    ("I'm in Year 8 now and I'm 13 in two weeks. I had my cataracts taken out when I was 6 "
     "weeks old, and I wear glasses. My eyes wobble. I sit at the front.", 12.96),
    ("Poppy turned seven in the October half term. Poppy loves horses. Poppy is brave.", 7.0),
    ("Who do you look after? My dad\n\nMy dad is called Sergei and he is 44. He works at a "
     "warehouse. I help a lot with Dad.", 44.0),
])
def test_new_ways_to_say_an_age(text, years):
    assert round(extract_demographics(text).age_years, 2) == years


@pytest.mark.parametrize(("text", "sex"), [
    ("Mr Wai-Keung Lam\nFlat 3, Leeds\n\nDear Sir or Madam,\nI turned 57 in the summer. I have "
     "a muscle disease and my eyelids droop. I choke on drinks. I need a shower. My legs are "
     "weak and I fall.", "MALE"),
    ("Hi Ciaran,\nI have a rare condition. I'm 44. My skin burns in the sun and I get unsteady."
     " I take niacin. My tongue is sore and I get moody.\n\nWarmly,\nDeirdre Kowalski, née "
     "Boyle", "FEMALE"),
    ("Dear Jake,\nI'm 13 in two weeks. I have a lady called Mrs Pascoe who enlarges my "
     "worksheets and calls me \"young man\". My eyes wobble and I wear glasses. I like Lego.",
     "MALE"),
])
def test_the_writers_sex_from_a_title_a_maiden_name_or_what_they_are_called(text, sex):
    assert extract_demographics(text).sex == sex


def test_a_title_on_a_letterhead_not_in_the_text():
    assert writer_sex("Mr Kenny Lam\nFlat 3, Leeds\n\nDear Sir,")[0] == "MALE"
    assert writer_sex("The nurse, Mrs Pascoe, was kind.") is None
    assert writer_sex("Kind regards,\nMrs A. Khan (school nurse)") is None


@pytest.mark.parametrize(("text", "want"), [
    ("Me (31) and her dad Callum (34) both carry one copy of the gene and we're healthy.",
     [("father", False)]),
    ("A geneticist told us that Mum and Dad each carry one copy of the change and I got both.",
     [("mother", None), ("father", None)]),
    ("My sister Lily (4) was tested and is clear.", [("sister", False)]),
    ("Mum had a test and she doesn't carry it.", [("mother", False)]),
    ("Our daughter Sofia (12) is healthy and was checked with a heart scan.",
     [("daughter", False)]),
])
def test_a_carrier_or_a_tested_relative_who_is_well(text, want):
    assert _status(text) == want


@pytest.mark.parametrize("text", [
    "My wife Mei (55) and our younger son Jason (19) live with me.",
    "The RSVP count is 94, by the way, and Nan (89) is coming!",
    "He says only \"mama\" and \"nana\" (for banana).",
    "My mum works nights at the hospital so I help a lot with my little brother Misha, who is 7.",
    "I am a truck mechanic and the father of a boy named Mateo, who turned nine in April.",
])
def test_no_news_of_a_relatives_health(text):
    assert [s for s in _status(text) if s[1] is not None] == []


def test_another_condition_said_by_the_doctor():
    text = ("Aoife's mother is 67 and has type 2 diabetes with tablets, but the doctor said "
            "this is a different thing.")
    assert [affected for _, affected in _status(text)] == [False]


def test_the_owner_of_two_relatives_named_together():
    text = ("Both my husband Darrell and I carry the change. Our son Ethan is 4 and healthy. "
            "Darrell's brother and sister and their kids are all healthy.")
    got = {(s.relation, s.note, s.affected) for s in find_family_statements(text)}
    assert ("uncle", "paternal", False) in got and ("aunt", "paternal", False) in got


def test_a_great_grandmother_is_not_a_grandmother():
    got = _status("My great-grandmother had the same rash all her life.")
    assert got == [("great-grandmother", True)]


def test_a_young_carers_relatives_are_seen_from_the_parent():
    text = ("Who do you look after? My dad\n\nMy dad is called Sergei and he is 44. My mum "
            "works nights. Dad's sister Auntie Irina (40) has it too. Dad's brother Uncle Pavel "
            "(47) is fine. My little brother Misha is 7 and has asthma.")
    got = _status(text)
    assert ("sister", True) in got and ("brother", False) in got and ("son", True) in got
    assert not any(rel in ("father", "aunt", "uncle", "mother") for rel, _ in got)


def test_a_parent_who_passed_it_on_writes_as_a_parent():
    text = ("Ezra has a duplication of PLP1. It came through my side. We think of you. "
            "My brother Nate died at 14 and he never walked. My sister Kayla is fine.")
    got = _status(text)
    assert ("uncle", True) in got and ("aunt", False) in got


@pytest.mark.parametrize(("text", "analyte", "value"), [
    ("They said nephrotic syndrome, and her albumin was very low, 14, and she was puffy.",
     "albumin", 14.0),
    ("My CK was a bit high, 410.", "ck_total", 410.0),
    ("- My triglycerides are high too, 4.6.", "triglycerides", 4.6),
    ("Her CRP last week was 4, normal.", "crp", 4.0),
])
def test_a_value_after_its_word(text, analyte, value):
    assert [(lab.analyte, lab.value) for lab in extract_labs(text)] == [(analyte, value)]


def test_no_value_after_normal_and_a_comma():
    assert [lab.value for lab in extract_labs("Glucose was normal, 120 children were seen.")] \
        == [None]

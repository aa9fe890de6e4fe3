"""Text round 32 (``benchmarks/text_rounds/round32``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics


@pytest.mark.parametrize(("text", "age"), [
    # a header field naming the mother is not the mother's age on the next line
    ("Arrival: 23:41     Mode: self-presented with mother     Triage: Cat 3\n"
     "Name: Kieran DOYLE     Age: 19 yrs     Sex: M\n", 19.0),
    # a stated whole-year age that the dates agree with: the dates' more exact age
    ("Clinic date: 4 February 2027\nRe: Hamza QURESHI, DOB 19/05/2009\n\nHe is a 17-year-old "
     "student.", 17.713895),
    # an age at diagnosis is no age now: the dates give it
    ("Clinic date: 4 February 2027\nRe: Hamza QURESHI, DOB 19/05/2009\n\nDiagnoses:\n1. Primary "
     "adrenal insufficiency, diagnosed aged 4", 17.713895),
    ("A girl diagnosed aged 4 with XLH, now 12 years old.", 12.0),
])
def test_ages(text: str, age: float) -> None:
    assert extract_demographics(text).age_years == pytest.approx(age)


@pytest.mark.parametrize("text", [
    "Maternal history:\n32 y/o",  # the heading above still makes it the mother's
    "Mother:\n32 y/o G1P0",
    "Her mother, aged 45, is well.",
])
def test_relatives_ages_stay_theirs(text: str) -> None:
    assert extract_demographics(text).age_years is None


def test_a_stated_age_the_dates_contradict_is_kept() -> None:
    text = "DOB 19/05/2009. Clinic date: 4 February 2027. He is 16 years old."
    assert extract_demographics(text).age_years == 16.0


@pytest.mark.parametrize(("text", "expected"), [
    ("Paternal grandparents: Mehmet (63) and Zeynep (60), both well.",
     [("grandparents", False, None)]),
    ("Paternal grandparents: Mehmet and Zeynep, both well.", [("grandparents", False, None)]),
    ("Parents: Emre (34) and Ayse (31) are first cousins; their mothers are sisters.",
     [("parents", None, True)]),
    ("Parents: Emre and Ayse have short stature.", [("parents", True, None)]),
])
def test_relatives_named_in_a_list(real_kb, text: str, expected) -> None:
    from osteodx.text.extract import extract_text

    doc = extract_text("A 10-year-old boy has short stature.\n" + text, real_kb, case_id="r32")
    assert [(f["relation"], f["affected"], f["consanguineous"]) for f in doc.family] == expected


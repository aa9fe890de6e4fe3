"""Text round 28 (``benchmarks/text_rounds/round28``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements


@pytest.mark.parametrize(("text", "age"), [
    # a header's "Age:" with a hyphenated unit: months, not years
    ("Patient: Mateo R.     Age: 14-month-old male     Unit: 5 West", 14 / 12),
    ("Age: 25 months", 25 / 12),
    ("Age: 16 years", 16.0),
    # "she turned 3" in a parent's aside
    ("This is Aisha's mum (Aisha Rahman, she turned 3 in March). Sorry this is long, I wanted "
     "to write everything down because I always forget things.", 3.0),
])
def test_ages(text: str, age: float) -> None:
    assert extract_demographics(text).age_years == pytest.approx(age, abs=1e-3)


@pytest.mark.parametrize(("text", "expected"), [
    # "no symptoms" sums up a relative as well
    ("His younger brother, 29, runs marathons and has no symptoms.", [("brother", False)]),
    # a query mark hedges
    ("Maternal uncle died aged 45, ?brain haemorrhage, no PM.", [("uncle", None)]),
    # the adjective "relative" is no relative
    ("His head circumference is on the 75th centile, so he has a relative macrocephaly.", []),
    ("A relative had seizures.", [("family members", True)]),
    # a named relative restated in brackets
    ("Mark's sister Lisa (James's paternal aunt) is 160 cm and well.", [("aunt", False)]),
    # a parent writing that the parents are cousins
    ("Me and her dad are first cousins.", [("parents", None)]),
    ("Her dad and I are first cousins.", [("parents", None)]),
])
def test_family_readings(text: str, expected: list) -> None:
    got = [(s.relation, s.affected) for s in find_family_statements(text)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_the_parents_cousinship_is_noted() -> None:
    (s,) = find_family_statements("Me and her dad are first cousins.")
    assert s.note == "consanguineous"

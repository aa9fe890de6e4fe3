"""Age from a date of birth and a visit date, and ages in letter headings."""

from __future__ import annotations

import pytest

from osteodx.text.birthdate import age_from_dates
from osteodx.text.demographics import extract_demographics


@pytest.mark.parametrize(("text", "years", "ambiguous"), [
    ("DOB 11/11/2022\nSeen: 20/02/2025", 2.278, False),
    ("D.O.B.: 03/04/2010. Clinic date: 05/04/2024.", 14.005, True),  # day/month chosen
    ("Date of birth: 2010-03-05, date of review 2024-03-04", 13.999, False),
    ("DOB 5 March 2019; seen on 4 March 2024", 4.999, False),
    ("DOB 02/20/2015. Date: 02/21/2025", 10.003, False),  # month first: 20 is no month
])
def test_age_from_dates(text: str, years: float, ambiguous: bool) -> None:
    age, _, _, note = age_from_dates(text)
    assert age == pytest.approx(years, abs=0.002)
    assert ("day/month" in note) == ambiguous


def test_no_age_without_both_dates_or_with_nonsense() -> None:
    assert age_from_dates("DOB 11/11/2022. He has bowed legs.") is None
    assert age_from_dates("Seen 20/02/2025.") is None
    assert age_from_dates("DOB 11/11/2025. Seen: 20/02/2020.") is None  # seen before birth


def test_a_stated_age_wins_and_headings_give_ages() -> None:
    d = extract_demographics("A 3-year-old boy. DOB 11/11/2010. Seen: 20/02/2025.")
    assert d.age_years == 3
    d = extract_demographics("Re: Mr Callum Reid, 38 years\nDear colleague")
    assert d.age_years == 38
    d = extract_demographics("DOB 11/11/2022\nSeen: 20/02/2025\nHe has bowed legs.")
    assert d.age_years == pytest.approx(2.278, abs=0.002)
    assert any("date of birth" in n for n in d.notes)

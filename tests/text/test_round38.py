"""Text round 38 (``benchmarks/text_rounds/round38``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.labs import extract_labs
from tests.text.case_helpers import terms

_DIARY = ("ISLA'S DIARY - to show Dr Banerjee at neuro clinic (Mon 14th June)\n"
          "Isla is 19 months. Started writing everything down after the last ambulance.\n\n"
          "Mon 3rd May: Bath night. 5 mins after I got her out she went stiff all over, lips "
          "blue. I timed it - 6 mins. We gave buccal midazolam.\n"
          "- My sister's boy Jack had two febrile convulsions as a toddler.\n")


@pytest.mark.parametrize(("text", "age"), [
    ("Could I ask your advice about Tom Harlow, 44, a bus driver (NHS 719 204 3385)?", 44),
    ("Re: Hannah WARD, now 19, student at the University of Leeds\n\nPrevious letter, 2019:\n"
     "Hannah, an 11-year-old girl, was referred with enlarged lymph nodes.", 19),
    (_DIARY, 1.58),
])
def test_ages_of_round_38(text: str, age: float) -> None:
    assert round(extract_demographics(text).age_years, 2) == age


def test_a_citation_is_no_age() -> None:
    assert extract_demographics("See Smith JA, 12, 345.").age_years is None


def test_a_parents_diary_places_the_writers_relatives() -> None:
    got = [(s.relation, s.affected) for s in find_family_statements(_DIARY)]
    assert ("cousin", True) in got and not any(r == "nephew" for r, _ in got)


def test_normal_bloods_last_year_are_no_illness() -> None:
    text = "Tom's younger sister, 38, had normal kidney function and urate on bloods last year."
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == [
        ("sister", False)]


def test_one_analytes_results_under_its_heading() -> None:
    text = ("His eGFR has been falling steadily:\n\neGFR (mL/min/1.73m2)\n  2019   71\n"
            "  2021   63\n  May 2027   44\n\nCreatinine today 168 umol/L (H).")
    got = [(x.analyte, x.value) for x in extract_labs(text)]
    assert got == [("egfr", 71.0), ("egfr", 63.0), ("egfr", 44.0), ("creatinine", 168.0)]


@pytest.mark.parametrize(("text", "term"), [
    ("He passes a lot of urine, gets up twice a night to pass water.", "HP:0000103"),
    ("He passes a lot of urine, gets up twice a night to pass water.", "HP:0000017"),
    ("She went stiff all over, lips blue.", "HP:0034030"),
    ("Her spleen is still palpable 4 cm below the left costal margin.", "HP:0001744"),
    ("The paediatrician already said in March it's global delay.", "HP:0001263"),
])
def test_wordings_of_round_38(real_kb, text: str, term: str) -> None:
    got = terms(real_kb, text)
    assert (term, False) in got

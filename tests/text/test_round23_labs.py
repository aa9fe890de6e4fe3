"""Lab reading failures of text round 23, each fixed generally, with counter-examples
that must stay as they were so that no fix over-reaches."""

import pytest

from osteodx.labs import interpret_measurements
from osteodx.labs.catalogue import load_catalogue
from osteodx.text.labs import extract_labs, to_measurement


def _read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(x.analyte, x.value, x.qualitative) for x in extract_labs(text)]


def _terms(text: str, *, age: float = 30, sex: str = "FEMALE") -> list[tuple[str, str]]:
    """The (interpretation, HPO id) of every result in *text*, as ``diagnose`` reads them."""
    work = interpret_measurements([to_measurement(x) for x in extract_labs(text)],
                                  age_years=age, sex=sex)
    return [(r.interpretation or "", r.hpo_id or "") for r in work.results]


# 1. "A/P: 28 yo M": an assessment and plan heading and an age, not alkaline phosphatase 28


@pytest.mark.parametrize("text", [
    "A/P: 28 yo M referred with acroparesthesias.",
    "A/P: 28 y/o M with pain.",
    "S/P fall. A/P 12 year-old girl.",
])
def test_a_slashed_heading_is_no_alkaline_phosphatase(text):
    assert _read(text) == []


@pytest.mark.parametrize("text", [
    "ALP: 28 yo M", "ALP 28 y/o", "ALP 28 y.o. male", "ALP 28-year-old", "ALP 28 years old",
    "ALP 7 months", "ALP 7 mo",
])
def test_a_number_followed_by_an_age_word_is_no_lab_value(text):
    assert _read(text) == []


def test_a_slash_is_no_alkaline_phosphatase_name_in_the_catalogue():
    alp = next(a for a in load_catalogue().analytes if a.key == "alkaline_phosphatase")
    assert "AP" in alp.names and not any("/" in n for n in alp.names)


@pytest.mark.parametrize(("text", "expected"), [
    ("AP 128 U/L (40-130)", [("alkaline_phosphatase", 128.0, None)]),
    ("ALP 28 U/L", [("alkaline_phosphatase", 28.0, None)]),
    ("PT/INR 1.1", [("inr", 1.1, None)]),  # a name written with its slash stays
    ("A/P view of the hip: ALP 300 U/L", [("alkaline_phosphatase", 300.0, None)]),
])
def test_must_stay_alp_and_slashed_names(text, expected):
    assert _read(text) == expected

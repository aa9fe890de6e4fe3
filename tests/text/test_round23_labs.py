"""Lab reading failures of text round 23, each fixed generally, with counter-examples
that must stay as they were so that no fix over-reaches."""

import pytest

from osteodx.labs import interpret_measurements
from osteodx.labs.catalogue import load_catalogue
from osteodx.text.labs import extract_labs, to_measurement
from osteodx.text.labthousands import grouped_integer


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


# 2. "platelets 118.000/mm3 (150.000-400.000)": a thousands point in a decimal-point text


def test_a_thousands_point_is_read_when_the_decimal_is_implausible():
    (lab,) = [x for x in extract_labs(
        "Hb 11.2 g/dL (12.0-15.5), platelets 118.000/mm3 (150.000-400.000) - thrombocytopenia")
        if x.analyte == "platelets"]
    assert (lab.value, lab.reference_low, lab.reference_high) == (118000.0, 150000.0, 400000.0)
    assert any("thousands point" in w for w in lab.warnings)  # traceable in the measurement
    assert "thousands point" in to_measurement(lab)["description"]
    assert _terms("platelets 118.000/mm3 (150.000-400.000)") == [("L", "HP:0001873")]


def test_a_thousands_point_in_a_white_cell_count():
    assert _read("WBC 6.800/uL (4.000-10.000)") == [("leukocytes", 6800.0, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("creatinine 1.020 mg/dL", [("creatinine", 1.02, None)]),
    ("calcium 2.375 mmol/L", [("calcium_total", 2.375, None)]),
    ("Hb 11.2 g/dL (12.0-15.5)", [("haemoglobin", 11.2, None)]),
    ("platelets 250 x10^9/L", [("platelets", 250.0, None)]),
])
def test_must_stay_plausible_decimals(text, expected):
    labs = extract_labs(text)
    assert _read(text) == expected
    assert not any("thousands point" in w for x in labs for w in x.warnings)


def test_grouped_integer_needs_groups_of_exactly_three_digits():
    assert grouped_integer("118.000") == 118000.0
    assert grouped_integer("1.250.000") == 1250000.0
    assert grouped_integer("1.02") is None
    assert grouped_integer("1.0200") is None
    assert grouped_integer("0.500") is None

"""Numbers near a lab name that are not the patient's result: clock times, ages, the
thresholds of a plan or a test's criterion; and units written out in words."""

from __future__ import annotations

import pytest

from osteodx.text.labs import extract_labs


def _values(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(lab.analyte, lab.value, lab.ucum) for lab in extract_labs(text)]


@pytest.mark.parametrize("text", [
    "Jobs: repeat K 10:00.",
    "Jobs: repeat K 10:00, recheck at 22:30.",
    "stop KCl if K >4.0",
    "Aim for a calcium above 2.10 mmol/L.",
    "Normal response: peak cortisol >430 nmol/L.",
    "Target HbA1c <48 mmol/mol.",
])
def test_times_and_thresholds_are_not_results(text):
    assert [v for v in _values(text) if v[1] is not None] == []


def test_an_age_after_a_lab_word_is_not_a_result():
    values = _values("Her uncle had tetany after a low calcium found at 16.")
    assert all(v[1] != 16.0 for v in values)


def test_results_next_to_times_and_thresholds_are_kept():
    assert _values("Potassium was 2.9 mmol/L at 08:00.") == [("potassium", 2.9, "mmol/L")]
    assert _values("K 3.1 (3.5-5.0) at 10:00")[0][:2] == ("potassium", 3.1)
    assert _values("Ferritin >1000 ug/L.") == [("ferritin", 1000.0, "ug/L")]
    assert _values("Calcium at 2.1 mmol/L on admission")[0][:2] == ("calcium_total", 2.1)


@pytest.mark.parametrize("text, analyte, value, ucum, low, high", [
    ("adjusted calcium 3.24 mmol per litre (2.20 to 2.60)", "calcium_total", 3.24, "mmol/L",
     2.2, 2.6),
    ("PTH 52.7 pico mol per litre (1.6 to 6.9)", "pth_intact", 52.7, "pmol/L", 1.6, 6.9),
    ("creatinine 101 micro mol per litre (59 to 104)", "creatinine", 101.0, "umol/L", 59.0,
     104.0),
    ("alkaline phosphatase 211 units per litre (30 to 130)", "alkaline_phosphatase", 211.0,
     "U/L", 30.0, 130.0),
    ("24 hour urine calcium 9.8 mmol per 24 hours (2.5 to 7.5)", "urine_calcium", 9.8,
     "mmol/(24.h)", 2.5, 7.5),
])
def test_units_written_in_words(text, analyte, value, ucum, low, high):
    (lab,) = extract_labs(text)
    assert (lab.analyte, lab.value, lab.ucum, lab.reference_low, lab.reference_high) == \
        (analyte, value, ucum, low, high)


def test_a_dose_in_units_is_still_no_result():
    assert [v for v in _values("Vitamin D 50,000 units weekly was started.") if v[1]] == []


def test_printed_units_are_not_cut_short_by_the_word_reader():
    (lab,) = extract_labs("Renin (supine) 6.8 nmol/L/h [0.5 - 3.1]")
    assert (lab.ucum, lab.reference_low, lab.reference_high) == ("nmol/L/h", 0.5, 3.1)


def test_short_name_value_with_its_own_range_needs_no_unit():
    labs = extract_labs("Bloods: K 1.9 (3.5-5.3), Mg 0.79 (0.70-1.00), CK 486 (25-200).")
    assert [(x.analyte, x.value, x.reference_low, x.reference_high) for x in labs] == [
        ("potassium", 1.9, 3.5, 5.3), ("magnesium", 0.79, 0.7, 1.0),
        ("ck_total", 486.0, 25.0, 200.0)]
    assert _values("Mg 3 (1998)") == []  # a year in brackets is no range


def test_decimal_commas_beside_a_thousands_point():
    text = ("Birth weight 3.150 g.\nHaemoglobin 12,6 g/dL.\n"
            "IgA < 0,07 g/L (0,70 - 3,40); IgG 7,9 g/L (5,4 - 16,1)\n"
            "Lymphocytes total: 0,95 x 10^9/L (1,5 - 6,5)")
    assert [(x.analyte, x.value, x.reference_low) for x in extract_labs(text)] == [
        ("haemoglobin", 12.6, None), ("iga", 0.07, 0.7), ("igg", 7.9, 5.4),
        ("lymphocytes", 0.95, 1.5)]
    # a genuine decimal point still turns the comma reading off
    assert _values("Calcium 2,31 mmol/L, phosphate 1.02 mmol/L")[:1] != [
        ("calcium_total", 2.31, "mmol/L")]

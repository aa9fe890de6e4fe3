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


# 3. New catalogue analytes: Fabry, Wilson, cystinosis and complement work-ups


@pytest.mark.parametrize(("text", "expected", "terms"), [
    ("Leukocyte alpha-galactosidase A activity 1.2 nmol/hr/mg protein (23-60)",
     [("alpha_galactosidase_a", 1.2, None)], [("L", "HP:0034864")]),
    ("alpha-Gal A activity 0.8 nmol/h/mL (>2.5)",  # per volume: the plasma assay
     [("alpha_galactosidase_a_plasma", 0.8, None)], [("L", "HP:0034864")]),
    ("Plasma lyso-Gb3 45 ng/mL (<1.8)", [("lyso_gb3", 45.0, None)], [("H", "HP:0032657")]),
    ("Leukocyte cystine 4.8 nmol half-cystine/mg protein (<0.2)",
     [("leukocyte_cystine", 4.8, None)], [("H", "HP:0032639")]),
    ("Urinary copper 310 ug/24h (<40)", [("urine_copper", 310.0, None)], [("H", "HP:0010839")]),
    ("C3 112 mg/dL (90-180), C4 24 mg/dL (10-40), ANA negative",
     [("complement_c3", 112.0, None), ("complement_c4", 24.0, None)], [("N", ""), ("N", "")]),
    ("C3 0.45 g/L (0.9-1.8)", [("complement_c3", 0.45, None)], [("L", "HP:0005421")]),
])
def test_new_analytes_are_read_and_interpreted(text, expected, terms):
    assert _read(text) == expected
    assert _terms(text, age=28, sex="MALE") == terms


def test_a_urine_word_picks_urine_copper_and_serum_copper_stays():
    text = "Serum copper 42 ug/dL (70-140)\nUrinary copper 310 ug/24h (<40)"
    assert _read(text) == [("copper", 42.0, None), ("urine_copper", 310.0, None)]
    assert _read("24-hour urine copper 1.2 umol/24h") == [("urine_copper", 1.2, None)]
    assert _read("copper 12 umol/L") == [("copper", 12.0, None)]


def test_the_fabry_assessment_words_give_the_two_results():
    found = _read("A/P: 28 yo M with markedly reduced alpha-Gal A activity and elevated lyso-Gb3.")
    assert found == [("alpha_galactosidase_a", None, "low"), ("lyso_gb3", None, "high")]


@pytest.mark.parametrize("text", [
    "Fracture at C3 and C4.", "MRI: C3-C4 disc bulge.", "C3 glomerulopathy was considered.",
    "C3 deposits on immunofluorescence.", "C3 acylcarnitine 0.4 umol/L",
])
def test_must_stay_a_spinal_level_or_lesion_is_no_complement_c3(text):
    assert [x for x in _read(text) if x[0] == "complement_c3"] == []


# 4. Coordinated qualitative results share one word


@pytest.mark.parametrize("text", [
    "The erythrocyte sedimentation rate and C-reactive protein were raised.",
    "ESR and CRP were raised.",
    "Both ESR and CRP were mildly raised.",
    "Raised ESR and CRP.",
])
def test_two_coordinated_analytes_share_one_qualifier(text):
    assert _read(text) == [("esr", None, "high"), ("crp", None, "high")]
    assert _terms(text) == [("H", "HP:0003565"), ("H", "HP:0011227")]


def test_three_coordinated_analytes_share_one_qualifier():
    assert _read("ESR, CRP and ferritin were raised.") == [
        ("esr", None, "high"), ("crp", None, "high"), ("ferritin", None, "high")]


@pytest.mark.parametrize(("text", "expected"), [
    ("ESR normal and CRP raised.", [("esr", None, "normal"), ("crp", None, "high")]),
    ("ESR normal, CRP raised.", [("esr", None, "normal"), ("crp", None, "high")]),
    ("The ESR and CRP were normal but ALP was raised.",
     [("esr", None, "normal"), ("crp", None, "normal"), ("alkaline_phosphatase", None, "high")]),
])
def test_must_stay_each_analyte_keeps_its_own_word(text, expected):
    assert _read(text) == expected


def test_the_values_after_the_coordinated_words_decide_and_are_high():
    text = ("The erythrocyte sedimentation rate and C-reactive protein were raised (ESR 42 mm/h "
            "[reference < 20]; CRP 18 mg/L [< 5]).")
    assert _read(text) == [("esr", 42.0, None), ("crp", 18.0, None)]
    assert _terms(text) == [("H", "HP:0003565"), ("H", "HP:0011227")]


# 5. "magnesium 1.02 mmol/L (0.70-1.00), which is mildly raised": read, high, Hypermagnesemia


def test_a_magnesium_above_its_printed_range_is_hypermagnesemia():
    text = "magnesium 1.02 mmol/L (0.70-1.00), which is mildly raised."
    assert _read(text) == [("magnesium", 1.02, None)]
    assert _terms(text, age=46) == [("H", "HP:0002918")]
    assert _terms("Magnesium was mildly raised.", age=46) == [("H", "HP:0002918")]


def test_must_stay_a_magnesium_inside_its_range_is_normal():
    assert _terms("magnesium 0.95 mmol/L (0.70-1.00)", age=46) == [("N", "")]

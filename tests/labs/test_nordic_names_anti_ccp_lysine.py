"""Nordic laboratory report lines (specimen prefixes, Finnish abbreviations, "E9/l"
counts), anti-cyclic citrullinated peptide antibodies and plasma lysine (catalogue
2026.12.16): names, codes, the HPO findings they give, and a per cent that is no
concentration."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, interpret_measurements, load_catalogue
from osteodx.text.labs import extract_labs, to_measurement
from tests.labs.analyte_helpers import check_report_line, check_sourced

CAT = load_catalogue()


def test_new_analytes_load_with_their_sources():
    check_sourced(CAT, ("anti_ccp", "lysine"), ("anti_ccp", "lysine"), "2026.12.16")


@pytest.mark.parametrize(("code", "key"), [
    ("33935-8", "anti_ccp"), ("32218-0", "anti_ccp"), ("20650-8", "lysine"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("anti-CCP", "anti_ccp"), ("CCP antibody", "anti_ccp"),
    ("cyclic citrullinated peptide antibodies", "anti_ccp"), ("Lys", "lysine"),
    ("plasma lysine", "lysine"), ("Krea", "creatinine"), ("Leuk", "leukocytes"),
    ("Trom", "platelets"), ("Ammon", "ammonia"), ("Arg", "arginine"), ("Orn", "ornithine"),
    ("Gln", "glutamine"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", ["ACPA", "citrulline antibody"])
def test_the_antibody_class_is_no_name_of_the_assay(text):
    """ACPA names the antibody class, not this assay."""
    assert find_by_name(text) is None


@pytest.mark.parametrize("text", ["krea 27 umol/l", "arg 19 umol/l", "gln 905 umol/l"])
def test_nordic_abbreviations_are_read_only_with_their_capital(text):
    assert extract_labs(text) == []


@pytest.mark.parametrize(("text", "key", "value", "unit", "outcome", "hpo_id"), [
    ("P-Lys 41 umol/l (80-200)", "lysine", 41.0, "umol/l", "L", "HP:0500142"),
    ("P-Krea 27 umol/l (15-35)", "creatinine", 27.0, "umol/l", "N", None),
    ("B-Leuk 3.6 E9/l (5.0-15.0)", "leukocytes", 3.6, "E9/l", "L", "HP:0001882"),
    ("Anti-CCP 212 U/mL (<20)", "anti_ccp", 212.0, "U/mL", "H", "HP:0034092"),
    # the "U-" prefix: urine, not serum beta-2-microglobulin
    ("U-beta2-microglobulin 2.6 mg/l (<0.3)", "urine_beta2_microglobulin", 2.6, "mg/l", "H",
     "HP:0003126"),
])
def test_report_lines(text, key, value, unit, outcome, hpo_id):
    check_report_line(text, 5, "FEMALE", key, value, unit, outcome, hpo_id)


def test_a_per_cent_is_no_plasma_concentration():
    """"Fractional excretion of lysine 38 % (<2)" read under lysine's name is a fraction of
    the filtered load, not hyperlysinaemia: kept, said, and not interpreted."""
    (lab,) = [x for x in extract_labs("Lysine 38 % (<2)") if x.analyte == "lysine"]
    work = interpret_measurements([to_measurement(lab)], age_years=3, sex="FEMALE")
    assert work.results[0].interpretation is None
    assert any("per cent cannot be a concentration" in w for w in work.warnings)


def test_a_fluid_named_earlier_still_reads_its_analytes():
    """The Nordic "U-" prefix is read beside the fluid words: a fluid named earlier in the
    sentence ("CSF: glucose 1.5") still moves the analyte to that fluid."""
    assert [x.analyte for x in extract_labs("CSF: glucose 1.5 mmol/L; protein 0.3 g/L.")][:1] \
        == ["csf_glucose"]

"""The absolute reticulocyte count (a unit sibling of the reticulocyte percentage), whole-blood
thiamine and HbA1c in IFCC mmol/mol (catalogue 2026.12.09): codes, names, catalogue ranges, the
HPO findings they give, and reading them from a report line."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, interpret_measurements, load_catalogue
from osteodx.text.labs import extract_labs, to_measurement
from tests.labs.analyte_helpers import check_coded, check_report_line, findings

CAT = load_catalogue()
NEW = ("reticulocytes_absolute", "thiamine")


def test_new_analytes_load_with_their_sources():
    assert CAT.version >= "2026.12.09"
    for key in NEW:
        a = CAT.analyte(key)
        assert {s.strip() for s in a.source.split(";")} <= set(CAT.sources), key
        assert a.reference_ranges, key
        assert all(r.source in CAT.sources for r in a.reference_ranges), key
        assert a.note, key


def test_unit_siblings_share_their_hpo_terms():
    """A count per volume moves from the percentage to the absolute count; mmol/mol from
    NGSP HbA1c to the IFCC entry."""
    assert [s.key for s in CAT.siblings(CAT.analyte("reticulocytes"))] == ["reticulocytes_absolute"]
    assert [s.key for s in CAT.siblings(CAT.analyte("reticulocytes_absolute"))] == ["reticulocytes"]
    assert [s.key for s in CAT.siblings(CAT.analyte("hba1c"))] == ["hba1c_ifcc"]
    assert "mmol/mol" in (CAT.analyte("hba1c_ifcc").unit, *CAT.analyte("hba1c_ifcc").alt_units)


@pytest.mark.parametrize(("code", "key"), [
    ("60474-4", "reticulocytes_absolute"), ("14196-0", "reticulocytes_absolute"),
    ("17849-1", "reticulocytes"), ("4679-7", "reticulocytes"), ("32554-8", "thiamine"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("absolute reticulocyte count", "reticulocytes_absolute"),
    ("absolute reticulocytes", "reticulocytes_absolute"),
    ("reticulocyte number", "reticulocytes_absolute"), ("retic", "reticulocytes"),
    ("reticulocyte count", "reticulocytes"), ("thiamine", "thiamine"), ("thiamin", "thiamine"),
    ("vitamin B1", "thiamine"), ("whole-blood thiamine", "thiamine"),
    ("thiamine pyrophosphate", "thiamine"), ("thiamine diphosphate", "thiamine"),
    ("vitamin B12", "vitamin_b12"), ("HbA1c", "hba1c"), ("IFCC HbA1c", "hba1c_ifcc"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize("text", ["TDP", "TPP", "B1", "ARC"])
def test_ambiguous_words_are_not_names(text):
    """TDP-43, tripeptidyl peptidase or thyrotoxic periodic paralysis, a bare 'B1' and the
    ARC syndrome are not these assays."""
    assert find_by_name(text) is None


@pytest.mark.parametrize(("code", "value", "unit", "age", "sex", "outcome", "hpo_id"), [
    # Mayo RTIC absolute reticulocytes: adults 30.4-110.9, 24 months-5 years 36.4-68.0,
    # 1-3 days 147.5-216.4 x 10(9)/L
    ("LOINC:60474-4", 18, "10*9/L", 30, "FEMALE", "L", "HP:0001896"),
    ("LOINC:60474-4", 250, "10*9/L", 30, "FEMALE", "H", "HP:0001923"),
    ("LOINC:60474-4", 64, "10*9/L", 30, "MALE", "N", None),
    ("LOINC:60474-4", 90, "10*9/L", 4, "MALE", "H", "HP:0001923"),
    ("LOINC:60474-4", 90, "10*9/L", 0.005, "MALE", "L", "HP:0001896"),
    ("LOINC:14196-0", 0.25, "10*12/L", 30, "MALE", "H", "HP:0001923"),
    ("LOINC:14196-0", 20000, "/uL", 30, "MALE", "L", "HP:0001896"),
    # Mayo TDP: 70-180 nmol/L, adults only here
    ("LOINC:32554-8", 40, "nmol/L", 45, "MALE", "L", "HP:0100503"),
    ("LOINC:32554-8", 110, "nmol/L", 45, "MALE", "N", None),
    ("LOINC:32554-8", 250, "nmol/L", 45, "MALE", "H", None),
    ("LOINC:32554-8", 40, "nmol/L", 8, "MALE", None, None),
])
def test_catalogue_ranges_and_findings(code, value, unit, age, sex, outcome, hpo_id):
    check_coded(code, value, unit, age, sex, outcome, hpo_id)


@pytest.mark.parametrize(("text", "age", "sex", "key", "value", "unit", "outcome", "hpo_id"), [
    ("reticulocytes 64 x10^9/L", 30, "FEMALE", "reticulocytes_absolute", 64, "x10^9/L", "N", None),
    ("Reticulocyte count 18 K/uL.", 30, "FEMALE", "reticulocytes_absolute", 18, "K/uL", "L",
     "HP:0001896"),
    ("Absolute reticulocyte count 250 x10^9/L.", 30, "MALE", "reticulocytes_absolute", 250,
     "x10^9/L", "H", "HP:0001923"),
    ("retics 2.1 %", 30, "FEMALE", "reticulocytes", 2.1, "%", None, None),
    ("Retics 0.1% (0.5-2.5)", 30, "FEMALE", "reticulocytes", 0.1, "%", "L", "HP:0001896"),
    ("whole-blood thiamine 110 nmol/L (70-180)", 40, "MALE", "thiamine", 110, "nmol/L", "N",
     None),
    ("Thiamine 40 nmol/L.", 40, "MALE", "thiamine", 40, "nmol/L", "L", "HP:0100503"),
    ("Vitamin B1 45 nmol/L (70-180)", 8, "FEMALE", "thiamine", 45, "nmol/L", "L", "HP:0100503"),
    ("HbA1c 71 mmol/mol (H; <48)", 40, "MALE", "hba1c_ifcc", 71, "mmol/mol", "H", "HP:0040217"),
    ("HbA1c 35 mmol/mol.", 40, "MALE", "hba1c_ifcc", 35, "mmol/mol", "N", None),
    ("HbA1c 7.2%", 40, "MALE", "hba1c", 7.2, "%", "H", "HP:0040217"),
])
def test_a_report_line_is_read_and_judged(text, age, sex, key, value, unit, outcome, hpo_id):
    check_report_line(text, age, sex, key, value, unit, outcome, hpo_id)


def test_a_retic_row_of_a_table_with_its_unit_in_the_name_is_the_absolute_count():
    table = ("Bloods:\n"
             "                today    ref\n"
             "Hb g/L          98       115-145\n"
             "Retic x10^9/L   18       30-110\n")
    labs = extract_labs(table)
    retic = [lab for lab in labs if lab.analyte.startswith("reticulocytes")]
    assert [(lab.analyte, lab.value) for lab in retic] == [("reticulocytes_absolute", 18.0)]
    work = interpret_measurements([to_measurement(retic[0])], age_years=30, sex="FEMALE")
    assert work.results[0].interpretation == "L"
    assert ("HP:0001896", "observed") in findings(work.results[0])


def test_a_percentage_and_an_absolute_count_are_two_results():
    labs = extract_labs("Retics 8.5%, absolute reticulocytes 310 x10^9/L.")
    assert [(lab.analyte, lab.value) for lab in labs] == [("reticulocytes", 8.5),
                                                           ("reticulocytes_absolute", 310.0)]


def test_vitamin_b1_and_b12_are_told_apart():
    labs = extract_labs("Vitamin B12 150 pg/mL, vitamin B1 45 nmol/L.")
    assert [(lab.analyte, lab.value) for lab in labs] == [("vitamin_b12", 150.0),
                                                           ("thiamine", 45.0)]


@pytest.mark.parametrize("text", [
    "He was given thiamine 100 mg intravenously three times daily.",
    "TDP-43 inclusions were present in 12 of 15 cases.",
    "Thiamine-responsive megaloblastic anaemia was suspected; SLC19A2 was sequenced.",
])
def test_words_that_are_no_result_of_these_analytes(text):
    assert not {lab.analyte for lab in extract_labs(text)} & set(NEW)

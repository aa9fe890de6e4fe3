"""Eosinophils, tryptase, PTHrP, ACE, complement C4 and C1 inhibitor (catalogue 2026.11.26):
codes, names, catalogue ranges and the HPO findings they give."""

from __future__ import annotations

import pytest

from osteodx.labs import find_by_loinc, find_by_name, interpret_measurements, load_catalogue

CAT = load_catalogue()
NEW = ("eosinophils", "tryptase", "pthrp", "ace", "complement_c4", "c1_inhibitor",
       "c1_inhibitor_functional")


def measurement(code: str, value: float, unit: str) -> dict:
    """A measurement dict shaped like MessageToDict output, with no printed range."""
    return {"assay": {"id": code},
            "value": {"quantity": {"value": value, "unit": {"id": f"UCUM:{unit}", "label": unit}}}}


def result(code: str, value: float, unit: str, *, age: float | None = 40, sex: str = "FEMALE"):
    workup = interpret_measurements([measurement(code, value, unit)], age_years=age, sex=sex)
    assert len(workup.results) == 1
    return workup.results[0], workup


def findings(r) -> set[tuple[str, str]]:
    return {(f.hpo_id, f.status) for f in r.findings}


def test_catalogue_version_and_new_analytes_load():
    assert CAT.version >= "2026.11.26"
    for key in NEW:
        a = CAT.analyte(key)
        assert a.loinc and a.reference_ranges, key
        assert {s.strip() for s in a.source.split(";")} <= set(CAT.sources), key


@pytest.mark.parametrize(("code", "key"), [
    ("711-2", "eosinophils"), ("26449-9", "eosinophils"), ("712-0", "eosinophils"),
    ("21582-2", "tryptase"), ("15087-0", "pthrp"), ("2742-5", "ace"),
    ("4498-2", "complement_c4"), ("4477-6", "c1_inhibitor"),
    ("48494-9", "c1_inhibitor_functional"),
])
def test_loinc_codes(code, key):
    assert find_by_loinc(code).key == key


def test_eosinophil_percentages_are_not_catalogued():
    """26450-7 and 713-8 are eosinophils per 100 leukocytes, another assay."""
    assert find_by_loinc("26450-7") is None and find_by_loinc("713-8") is None


@pytest.mark.parametrize(("text", "key"), [
    ("eosinophils", "eosinophils"), ("Eosinophil count", "eosinophils"), ("AEC", "eosinophils"),
    ("eos", "eosinophils"), ("absolute eosinophil count", "eosinophils"),
    ("serum tryptase", "tryptase"), ("mast cell tryptase", "tryptase"),
    ("PTHrP", "pthrp"), ("PTH-related peptide", "pthrp"),
    ("parathyroid hormone-related protein", "pthrp"),
    ("ACE", "ace"), ("serum ACE", "ace"), ("angiotensin converting enzyme", "ace"),
    ("angiotensin-converting enzyme", "ace"),
    ("C4", "complement_c4"), ("complement C4", "complement_c4"),
    ("C1-INH", "c1_inhibitor"), ("C1 inhibitor", "c1_inhibitor"),
    ("C1 esterase inhibitor", "c1_inhibitor"),
    ("functional C1-INH", "c1_inhibitor_functional"),
    ("C1 inhibitor function", "c1_inhibitor_functional"),
])
def test_names(text, key):
    assert find_by_name(text).key == key


@pytest.mark.parametrize(("code", "value", "unit", "age", "outcome", "hpo_id"), [
    # eosinophils: UCSF >21 years 0.0-0.4; 1 week-6 months 0.1-1.1 x10^9/L
    ("711-2", 1.6, "10*9/L", 40, "H", "HP:0001880"),
    ("26449-9", 900, "/uL", 40, "H", "HP:0001880"),
    ("711-2", 0.05, "10*9/L", 0.2, "L", "HP:0031891"),
    # tryptase <11.5 ng/mL
    ("21582-2", 42, "ng/mL", 40, "H", "HP:0031901"),
    ("21582-2", 25, "ug/L", 8, "H", "HP:0031901"),
    # complement C4 14-40 mg/dL
    ("4498-2", 6, "mg/dL", 40, "L", "HP:0045042"),
    ("4498-2", 0.05, "g/L", 40, "L", "HP:0045042"),
    # C1 inhibitor antigen 19-37 mg/dL
    ("4477-6", 7, "mg/dL", 30, "L", "HP:0034204"),
    # ACE >=18 years 16-85 U/L
    ("2742-5", 140, "U/L", 45, "H", "HP:6000213"),
])
def test_abnormal_values_give_their_hpo_term(code, value, unit, age, outcome, hpo_id):
    r, _ = result(code, value, unit, age=age)
    assert r.interpretation == outcome
    assert findings(r) == {(hpo_id, "observed")}


@pytest.mark.parametrize(("code", "value", "unit", "excluded"), [
    ("711-2", 0.2, "10*9/L", {"HP:0031891", "HP:0001880"}),
    ("21582-2", 5.1, "ng/mL", {"HP:0031901"}),
    ("4498-2", 25, "mg/dL", {"HP:0045042"}),
    ("4477-6", 28, "mg/dL", {"HP:0034204"}),
    ("2742-5", 40, "U/L", {"HP:6000213"}),
])
def test_normal_values_exclude_their_terms(code, value, unit, excluded):
    r, _ = result(code, value, unit)
    assert r.interpretation == "N"
    assert findings(r) == {(x, "excluded") for x in excluded}


def test_eosinophil_ranges_by_age():
    infant, _ = result("711-2", 1.0, "10*9/L", age=1)      # 6 months-4 years: 0.0-1.1
    adult, _ = result("711-2", 1.0, "10*9/L", age=30)      # >21 years: 0.0-0.4
    assert (infant.interpretation, adult.interpretation) == ("N", "H")
    assert adult.reference_source == "catalogue: UCSF:DIFF"
    zero, _ = result("711-2", 0.0, "10*9/L", age=30)       # lower limit 0.0: never low
    assert zero.interpretation == "N"


def test_pthrp_is_judged_but_has_no_hpo_term():
    high, _ = result("15087-0", 14.0, "pmol/L")
    assert (high.interpretation, high.reference_high) == ("H", 4.2)
    assert high.findings == [] and high.hpo_id is None
    normal, _ = result("15087-0", 1.5, "pmol/L")
    assert normal.interpretation == "N" and normal.findings == []
    infant, workup = result("15087-0", 14.0, "pmol/L", age=0.5)
    assert infant.interpretation is None and any("no catalogue" in w for w in workup.warnings)


def test_ace_has_no_childhood_range_and_no_low_term():
    child, workup = result("2742-5", 110, "U/L", age=10)
    assert child.interpretation is None and any("no catalogue" in w for w in workup.warnings)
    low, _ = result("2742-5", 3, "U/L", age=50)     # as on an ACE inhibitor
    assert low.interpretation == "L" and low.findings == []


def test_raised_c4_and_c1_inhibitor_give_no_term():
    c4, _ = result("4498-2", 60, "mg/dL")
    c1, _ = result("4477-6", 45, "mg/dL")
    assert (c4.interpretation, c1.interpretation) == ("H", "H")
    assert c4.findings == [] and c1.findings == []


def test_functional_c1_inhibitor_is_judged_without_a_concentration_term():
    """Low function with a normal antigen (type II HAE) is no decreased concentration."""
    low, _ = result("48494-9", 30, "%")
    normal, _ = result("48494-9", 95, "%")
    assert (low.interpretation, normal.interpretation) == ("L", "N")
    assert low.findings == [] and normal.findings == []
    assert CAT.analyte("c1_inhibitor_functional") not in CAT.siblings(CAT.analyte("c1_inhibitor"))


def test_tryptase_limit_is_mayo_below_11_5():
    at_limit, _ = result("21582-2", 11.5, "ng/mL")
    above, _ = result("21582-2", 11.7, "ng/mL")
    assert (at_limit.interpretation, above.interpretation) == ("N", "H")

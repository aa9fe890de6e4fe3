"""A value implausible in its stated unit: warned about with the unit it would fit, never
converted to that unit and never a finding (labs/plausibility.py)."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements, load_catalogue, parse_ucum
from osteodx.labs.plausibility import implausible_warning, slip_units
from tests.labs.test_interpret import lab


def _workup(code: str, value: float, unit: str, *, age: float | None = 40, sex="FEMALE"):
    workup = interpret_measurements([lab(code, value, unit)], age_years=age, sex=sex)
    (result,) = workup.results
    return result, workup


def test_calcium_2_4_in_mg_dl_is_no_finding_and_the_warning_names_the_likely_unit():
    r, workup = _workup("LOINC:17861-6", 2.4, "mg/dL")
    assert r.interpretation is None and not r.findings and not workup.findings
    assert (r.value, r.unit, r.reference_low, r.reference_high) == (2.4, "mg/dL", None, None)
    (warning,) = workup.warnings
    assert warning.startswith("measurements[0]: Calcium: value 2.4 mg/dL is implausible")
    assert "2.4 mmol/L would be normal: check the unit" in warning
    assert warning.endswith("not interpreted")
    assert r.text == "Calcium 2.4 mg/dL: not interpreted (implausible value)"


def test_the_same_value_in_its_right_unit_is_judged():
    r, workup = _workup("LOINC:17861-6", 2.4, "mmol/L")
    assert r.interpretation == "N" and not workup.warnings
    r, _ = _workup("LOINC:17861-6", 1.7, "mmol/L")  # a real severe hypocalcaemia
    assert r.interpretation == "L"
    assert [f.hpo_id for f in r.findings] == ["HP:0002901"]


def test_the_hint_says_low_or_high_for_the_age_and_sex():
    # 12 mmol/L of calcium is impossible; 12 mg/dL is hypercalcaemia
    _, workup = _workup("LOINC:17861-6", 12, "mmol/L")
    assert "12 mg/dL would be high: check the unit" in workup.warnings[0]
    # creatinine 80 written in mg/dL: 80 umol/L is a normal adult creatinine
    _, workup = _workup("LOINC:2160-0", 80, "mg/dL", sex="MALE")
    assert "80 umol/L would be normal or 80 mg/L would be high: check the unit" in \
        workup.warnings[0]


def test_no_hint_when_no_catalogue_unit_makes_the_value_plausible():
    r, workup = _workup("LOINC:17861-6", 500, "mg/dL")
    assert r.interpretation is None
    assert "would be" not in workup.warnings[0] and "implausible" in workup.warnings[0]


def test_without_age_a_fitting_unit_is_called_plausible_not_normal():
    _, workup = _workup("LOINC:17861-6", 2.4, "mg/dL", age=None)
    assert "2.4 mmol/L would be plausible: check the unit" in workup.warnings[0]


def test_slip_units_and_the_warning_without_a_range():
    cat = load_catalogue()
    calcium = cat.analyte("calcium_total")
    assert slip_units(calcium, 2.4, parse_ucum("mg/dL")) == ["mmol/L"]
    assert slip_units(calcium, 9.6, parse_ucum("mg/dL")) == []  # plausible as given
    text = implausible_warning(calcium, 2.4, parse_ucum("mg/dL"), "mg/dL")
    assert text == ("Calcium: value 2.4 mg/dL is implausible (plausible 4-20 mg/dL); "
                    "2.4 mmol/L would be plausible: check the unit")
    assert implausible_warning(calcium, 9.6, parse_ucum("mg/dL"), "mg/dL") is None


@pytest.mark.parametrize(("code", "value", "written", "meant"), [
    ("LOINC:17861-6", 2.3, "mg/dL", "mmol/L"),    # total calcium, normal in mmol/L
    ("LOINC:17861-6", 3.1, "mg/dL", "mmol/L"),    # ... and a hypercalcaemia in mmol/L
    ("LOINC:17861-6", 9.5, "mmol/L", "mg/dL"),    # a normal mg/dL value labelled mmol/L
    ("LOINC:1995-0", 1.2, "mg/dL", "mmol/L"),     # ionised calcium
    ("LOINC:2160-0", 0.9, "umol/L", "mg/dL"),     # creatinine
    ("LOINC:2160-0", 75, "mg/dL", "umol/L"),
    ("LOINC:6768-6", 600, "ukat/L", "U/L"),       # alkaline phosphatase
    ("LOINC:1751-7", 42, "g/dL", "g/L"),          # albumin
    ("LOINC:718-7", 135, "g/dL", "g/L"),          # haemoglobin
    ("LOINC:3024-7", 15, "ng/dL", "pmol/L"),      # free T4
])
def test_common_unit_slips_are_caught(code, value, written, meant):
    r, workup = _workup(code, value, written)
    assert r.interpretation is None and not r.findings, workup.warnings
    assert f"{value:g} {meant} would be" in workup.warnings[0], workup.warnings


def _calcium(value: float, unit: str) -> dict:
    return {"assay": {"id": "LOINC:2000-8", "label": "Calcium"},
            "value": {"quantity": {"unit": {"id": f"UCUM:{unit}", "label": unit}, "value": value}}}


@pytest.mark.parametrize(("value", "unit"), [(5.0, "mmol/L"), (1.0, "mmol/L"), (20, "mg/dL"),
                                             (4, "mg/dL")])
def test_a_stated_plausible_bound_holds_in_every_unit(value, unit):
    """'20 mg/dL (5.0 mmol/L)': 5.0 mmol/L is 20.04 mg/dL, still the stated bound."""
    from osteodx.labs import interpret_measurements

    w = interpret_measurements([_calcium(value, unit)], age_years=40, sex="FEMALE")
    assert not any("implausible" in x for x in w.warnings), w.warnings
    assert w.findings


def test_a_unit_slip_is_still_implausible():
    from osteodx.labs import interpret_measurements

    w = interpret_measurements([_calcium(9.6, "mmol/L")], age_years=40, sex="FEMALE")
    assert any("implausible" in x for x in w.warnings)

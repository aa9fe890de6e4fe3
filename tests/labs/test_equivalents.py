"""Milliequivalents: mmol for a monovalent ion, refused for the others (UCUM's eq is 1 mol,
true only at charge 1)."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements


def _measure(loinc: str, value: float, unit: str) -> dict:
    return {"assay": {"id": loinc, "label": "x"},
            "value": {"quantity": {"value": value, "unit": {"id": f"UCUM:{unit}",
                                                            "label": unit}}}}


def test_meq_is_mmol_for_sodium_and_potassium():
    work = interpret_measurements([_measure("LOINC:2951-2", 120, "meq/L"),
                                   _measure("LOINC:2823-3", 2.5, "meq/L")],
                                  age_years=40, sex="MALE")
    assert [f.label for f in work.findings] == ["Hyponatremia", "Hypokalemia"]


def test_meq_is_refused_for_a_divalent_ion():
    work = interpret_measurements([_measure("LOINC:17861-6", 5, "meq/L")], age_years=40, sex="MALE")
    assert not work.findings
    assert any("monovalent ion" in w for w in work.warnings)


def test_a_measurement_dated_by_an_age_range_is_judged_at_its_middle():
    """A height at 2-4 years had been judged at the patient's 14 years: short stature."""
    height = {"assay": {"id": "LOINC:8302-2", "label": "Body height"},
              "value": {"quantity": {"value": 95, "unit": {"id": "UCUM:cm", "label": "cm"}}},
              "timeObserved": {"ageRange": {"start": {"iso8601duration": "P2Y"},
                                            "end": {"iso8601duration": "P4Y"}}}}
    work = interpret_measurements([height], age_years=14, sex="MALE")
    assert {(f.label, f.status) for f in work.findings} == {("Short stature", "excluded"),
                                                            ("Tall stature", "excluded")}
    assert any("judged at its middle, 3 y" in w for w in work.warnings)
    height["timeObserved"] = {"timestamp": "2020-01-01T00:00:00Z"}
    work = interpret_measurements([height], age_years=14, sex="MALE")
    assert any("not an age" in w and "(14 y)" in w for w in work.warnings)


@pytest.mark.parametrize("uid, label, shown", [("UCUM:mg/dL", "mmol/L", "2.1 mg/dL"),
                                               ("UCUM:mmol/L", "mg/dL", "2.1 mmol/L")])
def test_a_unit_whose_id_and_label_differ_is_named_and_shown_as_read(uid, label, shown):
    calcium = {"assay": {"id": "LOINC:17861-6", "label": "Calcium"},
               "value": {"quantity": {"value": 2.1, "unit": {"id": uid, "label": label}}}}
    work = interpret_measurements([calcium], age_years=30, sex="MALE")
    assert any("are different units" in w for w in work.warnings)
    assert shown in work.results[0].text


def test_a_label_spelling_the_same_unit_is_quiet():
    calcium = {"assay": {"id": "LOINC:17861-6", "label": "Calcium"},
               "value": {"quantity": {"value": 9.5, "unit": {"id": "UCUM:mg/dL",
                                                             "label": "mg/dl"}}}}
    assert not interpret_measurements([calcium], age_years=30, sex="MALE").warnings

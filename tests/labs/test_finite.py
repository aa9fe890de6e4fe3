"""A non-finite measurement value is reported and not used, never judged."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements
from osteodx.labs.finite import non_finite


def _glucose(value, **rr) -> dict:
    q: dict = {"unit": {"id": "UCUM:mg/dL", "label": "mg/dL"}, "value": value}
    if rr:
        q["referenceRange"] = {"unit": {"id": "UCUM:mg/dL"}, **rr}
    return {"assay": {"id": "LOINC:2345-7", "label": "Glucose"}, "value": {"quantity": q}}


@pytest.mark.parametrize("m,field,value", [
    (_glucose("NaN"), "value.quantity.value", "NaN"),
    (_glucose("-Infinity"), "value.quantity.value", "-Infinity"),
    (_glucose(float("inf")), "value.quantity.value", float("inf")),
    (_glucose(90, low=70, high="Infinity"), "value.quantity.referenceRange.high", "Infinity"),
])
def test_non_finite_numbers_are_found(m, field, value):
    assert non_finite(m) == (field, value)


def test_finite_and_qualitative_values_pass():
    assert non_finite(_glucose(90, low=70, high=99)) is None
    assert non_finite({"assay": {"id": "LOINC:2345-7"},
                       "value": {"ontologyClass": {"id": "x", "label": "Normal"}}}) is None


def test_a_nan_measurement_is_warned_and_left_out():
    workup = interpret_measurements([_glucose(90), _glucose("NaN")], age_years=30,
                                    sex="FEMALE")
    assert [r.index for r in workup.results] == [0]
    assert "measurements[1] (LOINC:2345-7 Glucose): value.quantity.value = 'NaN' is not a " \
           "finite number; measurement not used" in workup.warnings
    assert all(f.source.startswith("measurements[0]") for f in workup.findings)

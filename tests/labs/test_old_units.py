"""Old and non-US unit writings: mg% and mg/100 mL are mg/dL; kPa is a pressure."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements
from osteodx.labs.ucum import ucum_from_label
from osteodx.text.labs import to_measurement
from tests.text.lab_helpers import one


@pytest.mark.parametrize(("label", "code"), [("mg%", "mg/dL"), ("g%", "g/dL"),
                                             ("mg/100 mL", "mg/dL"), ("mg/100ml", "mg/dL")])
def test_per_100_ml_is_per_decilitre(label, code):
    assert ucum_from_label(label) == code


@pytest.mark.parametrize("text", ["Calcium 10.2 mg%", "Calcium 13.5 mg/100 mL"])
def test_a_calcium_per_100_ml_is_read_and_judged(text):
    lab = one(text)
    assert lab.ucum == "mg/dL"
    w = interpret_measurements([to_measurement(lab)], age_years=40, sex="FEMALE")
    assert [f.label for f in w.findings] == ["Hypercalcemia"]


def test_blood_pressure_in_kpa_is_converted_to_mmhg():
    q = {"unit": {"id": "UCUM:kPa", "label": "kPa"}, "value": 20}
    w = interpret_measurements([{"assay": {"id": "LOINC:8480-6", "label": "SBP"},
                                 "value": {"quantity": q}}], age_years=45, sex="MALE")
    assert [f.label for f in w.findings] == ["Increased blood pressure"]
    assert not w.warnings

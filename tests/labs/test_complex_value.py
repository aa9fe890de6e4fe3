"""A measurement's complexValue (a blood-pressure panel) read reading by reading, each judged
as the separate systolic and diastolic measurements are (labs/complex_value.py)."""

from __future__ import annotations

import json

import pytest

from osteodx.case.phenopacket import parse_document
from osteodx.labs import interpret_measurements
from osteodx.labs.complex_value import split_complex

SYSTOLIC = {"id": "NCIT:C25298", "label": "Systolic Blood Pressure"}
DIASTOLIC = {"id": "NCIT:C25299", "label": "Diastolic Blood Pressure"}
MMHG = {"id": "UCUM:mm[Hg]", "label": "mmHg"}


def typed(kind: dict, value: float | None, unit: dict | None = MMHG) -> dict:
    q: dict = {}
    if unit is not None:
        q["unit"] = unit
    if value is not None:
        q["value"] = value
    return {"type": kind, "quantity": q}


def panel(*quantities: dict, assay: str = "LOINC:35094-2") -> dict:
    return {"assay": {"id": assay, "label": "Blood pressure panel"},
            "complexValue": {"typedQuantities": list(quantities)}}


def run(m: dict, *, age: float | None = 40, sex: str = "MALE"):
    return interpret_measurements([m], age_years=age, sex=sex)


def test_a_raised_blood_pressure_panel_is_read_as_two_readings():
    workup = run(panel(typed(SYSTOLIC, 150), typed(DIASTOLIC, 95)))
    assert [(r.analyte, r.value, r.interpretation) for r in workup.results] == [
        ("systolic", 150.0, "H"), ("diastolic", 95.0, "H")]
    assert all(r.index == 0 for r in workup.results)
    assert not workup.warnings
    (finding,) = workup.findings  # one "Increased blood pressure", as for two measurements
    assert (finding.hpo_id, finding.status) == ("HP:0032263", "observed")
    assert finding.source.startswith("measurements[0].complexValue.typedQuantities[0]: "
                                     "Systolic blood pressure 150 mmHg")


@pytest.mark.parametrize(("age", "systolic", "diastolic"), [
    (40, 150, 95), (40, 135, 85), (40, 82, 60), (15, 135, 70), (15, 118, 85), (9, 150, 95),
    (9, 110, 70), (None, 150, 95),
])
def test_judged_exactly_as_separate_systolic_and_diastolic_measurements(age, systolic,
                                                                       diastolic):
    as_panel = run(panel(typed(SYSTOLIC, systolic), typed(DIASTOLIC, diastolic)), age=age)
    separate = interpret_measurements(
        [{"assay": {"id": code}, "value": {"quantity": {"unit": MMHG, "value": x}}}
         for code, x in (("LOINC:8480-6", systolic), ("LOINC:8462-4", diastolic))],
        age_years=age, sex="MALE")
    def verdicts(w):
        return [(r.analyte, r.interpretation, r.reference_source, r.text) for r in w.results]

    assert verdicts(as_panel) == verdicts(separate)
    assert [(f.hpo_id, f.status) for f in as_panel.findings] == \
        [(f.hpo_id, f.status) for f in separate.findings]
    # the same warnings, each naming the reading's own field
    assert [w.split(": ", 1)[1] for w in as_panel.warnings] == \
        [w.split(": ", 1)[1] for w in separate.warnings]


@pytest.mark.parametrize("kinds", [
    ({"id": "LOINC:8480-6", "label": "Systolic blood pressure"},
     {"id": "LOINC:8462-4", "label": "Diastolic blood pressure"}),
    ({"label": "Systolic Blood Pressure"}, {"label": "diastolic"}),  # by label only
    ({"id": "NCIT:C99999", "label": "SBP"}, {"id": "X:1", "label": "BP diastolic"}),
    ({"id": "ncit:C25298", "label": ""}, {"id": "NCIT:C25299"}),
])
def test_types_by_ncit_or_loinc_id_and_by_label_as_fallback(kinds):
    workup = run(panel(typed(kinds[0], 150), typed(kinds[1], 95), assay="LOINC:85354-9"))
    assert [(r.analyte, r.interpretation) for r in workup.results] == [
        ("systolic", "H"), ("diastolic", "H")]


def test_an_id_and_a_label_that_disagree_are_read_by_the_id_with_a_warning():
    workup = run(panel(typed({"id": "NCIT:C25298", "label": "Diastolic Blood Pressure"}, 150)))
    assert [r.analyte for r in workup.results] == ["systolic"]
    assert workup.warnings == [
        "measurements[0].complexValue.typedQuantities[0]: type NCIT:C25298 is systolic blood "
        "pressure but its label 'Diastolic Blood Pressure' says diastolic; read by the id"]


@pytest.mark.parametrize(("quantity", "warning"), [
    ({"type": {"id": "NCIT:C49679", "label": "Mean Arterial Pressure"},
      "quantity": {"unit": MMHG, "value": 110}},
     "measurements[0].complexValue.typedQuantities[1]: type NCIT:C49679 (Mean Arterial "
     "Pressure) is not a reading osteodx reads (systolic or diastolic blood pressure, by NCIT "
     "or LOINC id or by label, or a LOINC assay); not used"),
    (typed(DIASTOLIC, None),
     "measurements[0].complexValue.typedQuantities[1] (Diastolic Blood Pressure): quantity has "
     "no value (a value of 0 is left out by protobuf); not used"),
    ({"type": DIASTOLIC},
     "measurements[0].complexValue.typedQuantities[1] (Diastolic Blood Pressure): no quantity; "
     "not used"),
    ({"quantity": {"unit": MMHG, "value": 90}},
     "measurements[0].complexValue.typedQuantities[1]: no type; not used"),
    (typed(DIASTOLIC, "NaN"),
     "measurements[0].complexValue.typedQuantities[1] (Diastolic Blood Pressure): "
     "quantity.value = 'NaN' is not a finite number; not used"),
    ("95/60",
     "measurements[0].complexValue.typedQuantities[1]: not a typed quantity; not used"),
    (typed(DIASTOLIC, "ninety"),
     "measurements[0].complexValue.typedQuantities[1] (Diastolic Blood Pressure): "
     "quantity.value = 'ninety' is not a number; not used"),
    ({"type": "diastolic", "quantity": {"unit": MMHG, "value": 90}},
     "measurements[0].complexValue.typedQuantities[1]: no type; not used"),
])
def test_an_unreadable_typed_quantity_is_named_and_the_others_are_read(quantity, warning):
    workup = run(panel(typed(SYSTOLIC, 150), quantity))
    assert [r.analyte for r in workup.results] == ["systolic"]
    assert workup.warnings == [warning]


@pytest.mark.parametrize(("complex_value", "warning"), [
    ({}, "measurements[0].complexValue: no typed quantities; not interpreted"),
    ({"typedQuantities": []}, "measurements[0].complexValue: no typed quantities; not "
                              "interpreted"),
    ({"typedQuantities": "150/95"}, "measurements[0].complexValue.typedQuantities: not a list "
                                    "of typed quantities; not interpreted"),
    ("150/95", "measurements[0].complexValue: not a complex value (typedQuantities); not "
               "interpreted"),
])
def test_an_unreadable_complex_value_is_a_warning_never_a_drop(complex_value, warning):
    workup = run({"assay": {"id": "LOINC:35094-2"}, "complexValue": complex_value})
    assert workup.results == [] and workup.findings == []
    assert workup.warnings == [warning]


def test_a_typed_quantity_of_another_catalogued_assay_is_read_as_that_assay():
    """A LOINC type the interpreter knows is read as that measurement (here a heart rate
    in a vital-signs panel); a LOINC type it does not know says so."""
    workup = run(panel(typed({"id": "LOINC:8867-4", "label": "Heart rate"}, 112,
                             {"id": "UCUM:/min", "label": "/min"}),
                       typed({"id": "LOINC:8478-0", "label": "Mean blood pressure"}, 100),
                       assay="LOINC:85353-1"))
    assert [(r.analyte, r.interpretation) for r in workup.results] == [("heart_rate", "H")]
    assert workup.warnings == [
        "measurements[0].complexValue.typedQuantities[1]: assay LOINC:8478-0 (Mean blood "
        "pressure) is not in the lab catalogue; not interpreted"]


def test_the_readings_keep_the_measurements_time_observed():
    m = panel(typed(SYSTOLIC, 135), typed(DIASTOLIC, 70))
    m["timeObserved"] = {"age": {"iso8601duration": "P15Y"}}
    workup = run(m, age=40)  # 135 is high at 15 y (>= 130), not at 40 (< 140)
    assert [r.interpretation for r in workup.results] == ["H", "N"]


def test_split_complex_gives_each_reading_as_a_measurement():
    parts, warnings = split_complex(panel(typed(SYSTOLIC, 150), typed(DIASTOLIC, 95)))
    assert warnings == []
    assert [(field, m["assay"]["id"], m["value"]["quantity"]["value"]) for field, m in parts] \
        == [("complexValue.typedQuantities[0]", "LOINC:8480-6", 150),
            ("complexValue.typedQuantities[1]", "LOINC:8462-4", 95)]


def test_a_phenopacket_with_a_blood_pressure_panel_is_read(tmp_path):
    doc = {"id": "bp", "subject": {"id": "p", "sex": "MALE",
                                   "timeAtLastEncounter": {"age": {"iso8601duration": "P40Y"}}},
           "phenotypicFeatures": [{"type": {"id": "HP:0002653", "label": "Bone pain"}}],
           "measurements": [panel(typed(SYSTOLIC, 150), typed(DIASTOLIC, 95))],
           "metaData": {"created": "2024-01-01T00:00:00Z", "createdBy": "t",
                        "phenopacketSchemaVersion": "2.0"}}
    parsed = parse_document(json.dumps(doc), "bp.json")  # protobuf round trip, as the CLI
    workup = interpret_measurements(parsed["measurements"], age_years=40, sex="MALE")
    assert [r.interpretation for r in workup.results] == ["H", "H"]
    assert [f.hpo_id for f in workup.findings] == ["HP:0032263"]

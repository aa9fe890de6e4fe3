"""A diastolic pressure above the systolic of the same reading is a slip, not two findings."""

from __future__ import annotations

from osteodx.labs import interpret_measurements


def _q(value: float) -> dict:
    return {"unit": {"id": "UCUM:mm[Hg]", "label": "mmHg"}, "value": value}


def _panel(s: float, d: float) -> dict:
    return {"assay": {"id": "LOINC:35094-2", "label": "Blood pressure panel"},
            "complexValue": {"typedQuantities": [
                {"type": {"id": "NCIT:C25298", "label": "Systolic Blood Pressure"},
                 "quantity": _q(s)},
                {"type": {"id": "NCIT:C25299", "label": "Diastolic Blood Pressure"},
                 "quantity": _q(d)}]}}


def _one(code: str, v: float, when: str | None = None) -> dict:
    m: dict = {"assay": {"id": code, "label": "x"}, "value": {"quantity": _q(v)}}
    if when:
        m["timeObserved"] = {"age": {"iso8601duration": when}}
    return m


def test_a_swapped_panel_gives_no_finding_and_a_warning():
    w = interpret_measurements([_panel(80, 150)], age_years=45, sex="MALE")
    assert w.findings == []
    assert any("diastolic 150 mmHg exceeds systolic 80 mmHg" in x for x in w.warnings)


def test_swapped_separate_measurements_of_one_time_point():
    w = interpret_measurements([_one("LOINC:8480-6", 80), _one("LOINC:8462-4", 150)],
                               age_years=45, sex="MALE")
    assert w.findings == []
    assert any("likely swapped" in x for x in w.warnings)


def test_readings_of_different_times_are_not_paired():
    w = interpret_measurements([_one("LOINC:8480-6", 80, "P44Y"),
                                _one("LOINC:8462-4", 150, "P45Y")], age_years=45, sex="MALE")
    assert not any("likely swapped" in x for x in w.warnings)
    assert w.findings


def test_a_sound_panel_is_still_judged():
    w = interpret_measurements([_panel(150, 95)], age_years=45, sex="MALE")
    assert [f.label for f in w.findings] == ["Increased blood pressure"]

"""The JSON renderer always writes valid JSON (no NaN or Infinity)."""

from __future__ import annotations

import json

import pytest

from osteodx.api import diagnose, read_any
from osteodx.report import to_json
from tests.conftest import phenopacket


def _strict(text: str):
    def refuse(name: str):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_a_nan_measurement_never_reaches_the_output(toy_kb):
    doc = phenopacket([("HP:0000013", False)])
    doc["measurements"] = [{"assay": {"id": "LOINC:2345-7", "label": "Glucose"},
                            "value": {"quantity": {"unit": {"id": "UCUM:mg/dL"},
                                                   "value": "NaN"}}}]
    diff = diagnose(read_any("<stdin>", toy_kb, text=json.dumps(doc)), toy_kb)
    out = _strict(to_json(diff))
    assert out["labs"] == []
    assert any("measurements[0] (LOINC:2345-7 Glucose)" in w and "'NaN'" in w
               for w in out["warnings"])


def test_a_stray_non_finite_float_is_written_as_null_and_named(toy_kb):
    doc = phenopacket([("HP:0000013", False)])
    diff = diagnose(read_any("<stdin>", toy_kb, text=json.dumps(doc)), toy_kb, workup=False)
    diff.workup = {"labs": [{"value": float("nan"), "range": [1.0, float("inf")]}]}
    for indent in (2, None):
        out = _strict(to_json(diff, indent=indent))
        assert out["labs"] == [{"value": None, "range": [1.0, None]}]
        assert out["warnings"][-2:] == ["labs[0].value: not a finite number; written as null",
                                        "labs[0].range[1]: not a finite number; written as null"]


def test_the_report_is_json_dumps_to_the_byte_in_slices(monkeypatch):
    """Joined a slice at a time (a report of thousands of findings would otherwise hold
    six times its size), the text is exactly ``json.dumps``'s."""
    from osteodx.report import json_report

    data = {"a": [1.5, "∝ ö", {"b": None, "c": [True, False]}], "d": list(range(50))}
    monkeypatch.setattr(json_report, "_JOIN", 3)
    for indent in (2, None):
        assert json_report._dumps(data, indent) == json.dumps(
            data, indent=indent, ensure_ascii=False, allow_nan=False)
    with pytest.raises(ValueError):
        json_report._dumps({"x": float("nan")}, 2)

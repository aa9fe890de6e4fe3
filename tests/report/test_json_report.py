"""The JSON renderer always writes valid JSON (no NaN or Infinity)."""

from __future__ import annotations

import json

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

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


def test_the_report_is_indented_to_its_outline_with_one_record_a_line():
    """Indented, the report reads back as the same data; its outline (sections,
    candidates, their lists) is indented and each deeper record is one line. Without an
    indent it is exactly ``json.dumps``'s compact text."""
    from osteodx.report import json_report

    record = {"hpo_id": "HP:1", "label": "∝ ö", "log10_lr": 1.5, "tags": [True, None]}
    data = {"a": [{"list": [record, record], "n": 2, 3: "key"}], "empty": [], "d": {}}
    text = json_report._dumps(data, 2)
    assert json.loads(text) == json.loads(json.dumps(data))
    lines = text.splitlines()
    one_line = json.dumps(record, ensure_ascii=False)
    assert lines.count("        " + one_line + ",") == 1
    assert lines.count("        " + one_line) == 1
    assert '      "3": "key"' in lines and '  "empty": [],' in lines
    assert json_report._dumps(data, None) == json.dumps(
        data, ensure_ascii=False, allow_nan=False)
    with pytest.raises(ValueError):
        json_report._dumps({"x": float("nan")}, 2)

"""What `osteodx extract` writes is a complete Phenopacket v2 and loses nothing on the way back.

Protobuf accepts a message with fields missing (every proto3 field is optional), so the
schema's requirements are checked here as its documentation states them: an ontology
class has an id and a label, a quantity a unit and a value, a reference range a unit, a
low and a high, and every CURIE prefix is declared in ``metaData.resources``. Then
text -> extract -> diagnose must give the findings and lab results that diagnosing the
text directly gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor
from phenopackets import Phenopacket
from typer.testing import CliRunner

from osteodx.cli import app

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / \
    "osteomesopyknosis-case-report.txt"
REPORTS = {
    "labs": "A 45-year-old woman with fractures. Serum calcium 2.1 mmol/L (2.2-2.6), ALP "
            "350 U/L (high), TSH 0.1 mIU/L (0.4-4.0), 25-OH vitamin D 12 ng/mL (30-100).",
    "one-sided": "A 30-year-old man with bone pain. CRP 3 mg/L (<5). Folate 3 ng/mL (>4.0). "
                 "eGFR 43 mL/min/1.73m2 (>60). Rheumatoid factor 5 U/mL (0-14). CRP 0 mg/L "
                 "on repeat.",
    "words": "A 12-year-old girl with obesity. Leptin 0.4 ng/mL (low). Serum calcium was "
             "high. Phosphate was low. PTH was abnormal. Thyroid function was normal.",
    "no-units": "A 50-year-old man with anaemia. Creatinine 98. Hb 98. CRP 12 (<5). Calcium "
                "9.5 blorps/dL (8.5-10.5).",
}
_ONTOLOGY_CLASS = "org.phenopackets.schema.v2.core.OntologyClass"
_REQUIRED = {"org.phenopackets.schema.v2.core.Quantity": ("unit", "value"),
             "org.phenopackets.schema.v2.core.ReferenceRange": ("unit", "low", "high"),
             _ONTOLOGY_CLASS: ("id", "label")}

runner = CliRunner()


def _reports(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in REPORTS.items():
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(text)
    if SEED.is_file():
        paths.append(SEED)
    return paths


def _missing(data: object, desc: Descriptor, where: str) -> list[str]:
    """Required fields absent from the JSON *data* of a message of type *desc*."""
    if isinstance(data, list):
        return [m for i, x in enumerate(data) for m in _missing(x, desc, f"{where}[{i}]")]
    assert isinstance(data, dict)
    out = [f"{where}.{k}" for k in _REQUIRED.get(desc.full_name, ())
           if data.get(k) in (None, "")]
    for key, value in data.items():
        field = desc.fields_by_camelcase_name.get(key) or desc.fields_by_name.get(key)
        if field is not None and field.message_type is not None and \
                not field.message_type.GetOptions().map_entry:
            out += _missing(value, field.message_type, f"{where}.{key}")
    return out


def _prefixes(data: object) -> set[str]:
    """The CURIE prefixes of every ontology class id in a phenopacket."""
    if isinstance(data, dict):
        own = {data["id"].split(":")[0]} if isinstance(data.get("id"), str) and \
            "label" in data and ":" in data["id"] else set()
        return own | {p for v in data.values() for p in _prefixes(v)}
    return {p for v in data for p in _prefixes(v)} if isinstance(data, list) else set()


@pytest.mark.parametrize("fmt", ["jsonl", "yaml"])
def test_every_phenopacket_extract_writes_is_complete(tmp_path, real_kb, fmt):
    res = runner.invoke(app, ["extract", *map(str, _reports(tmp_path)), "-f", fmt])
    assert res.exit_code == 0, res.output
    docs = [json.loads(x) for x in res.stdout.splitlines()] if fmt == "jsonl" else \
        [d for d in yaml.safe_load_all(res.stdout) if d is not None]
    assert len(docs) == len(_reports(tmp_path))
    for doc in docs:
        message = json_format.Parse(json.dumps(doc), Phenopacket())
        assert message.measurements, doc["id"]
        assert _missing(doc["measurements"], message.measurements[0].DESCRIPTOR,
                        "measurements") == [], doc["id"]
        declared = {r["namespacePrefix"] for r in doc["metaData"]["resources"]}
        assert _prefixes(doc["measurements"]) <= declared, doc["id"]


def test_one_sided_limits_units_and_words_are_written_in_full(tmp_path, real_kb):
    res = runner.invoke(app, ["extract", *map(str, _reports(tmp_path)[1:3]), "-f", "jsonl"])
    one_sided, words = (json.loads(x)["measurements"] for x in res.stdout.splitlines())
    crp, folate, _, rf, zero = one_sided
    assert "referenceRange" not in crp["value"]["quantity"]
    assert "One-sided reference limit as printed: upper 5.0 mg/L (unit UCUM:mg/L)." in \
        crp["description"]
    assert "One-sided reference limit as printed: lower 4.0 ng/mL" in folate["description"]
    assert rf["value"]["quantity"]["referenceRange"]["low"] == 0.0  # "0-14": a printed 0
    assert zero["value"]["quantity"]["value"] == 0.0
    values = {m["assay"]["label"]: m["value"].get("ontologyClass") for m in words}
    (leptin,) = (m for m in words if m["assay"]["label"] == "Leptin")  # the number is kept
    assert leptin["value"]["quantity"]["value"] == 0.4
    assert 'Flagged "low" (low) in the text.' in leptin["description"]
    assert values["Calcium"] == {"id": "NCIT:C25493", "label": "Elevated"}
    assert values["Intact PTH"] == {"id": "NCIT:C25401", "label": "Abnormal"}
    assert {m["assay"]["id"] for m in words} >= {"osteodx:lab/leptin",
                                                  "osteodx:lab/thyroid_function"}


def test_extract_then_diagnose_gives_the_findings_of_the_text(tmp_path, real_kb):
    """text -> extract -> diagnose and diagnose on the text agree: every finding, and
    every lab result with its reference range and interpretation."""
    paths = _reports(tmp_path)
    written = runner.invoke(app, ["extract", *map(str, paths), "-f", "jsonl"])
    assert written.exit_code == 0, written.output
    back = runner.invoke(app, ["diagnose", "-", "-f", "jsonl", "--top", "3"],
                         input=written.stdout)
    assert back.exit_code == 0, back.output
    direct = runner.invoke(app, ["diagnose", *map(str, paths), "-f", "jsonl", "--top", "3"])
    assert direct.exit_code == 0, direct.output
    pairs = list(zip((json.loads(x) for x in direct.stdout.splitlines()),
                     (json.loads(x) for x in back.stdout.splitlines()), strict=True))
    assert len(pairs) == len(paths)
    for text, packet in pairs:
        assert text["case_id"] == packet["case_id"]
        assert sorted((f["hpo_id"], f["status"]) for f in text["findings"]) == \
            sorted((f["hpo_id"], f["status"]) for f in packet["findings"]), text["case_id"]
        assert text["labs"] == packet["labs"], text["case_id"]
        from_labs = [f for f in text["findings"] if f["source"].startswith("measurements")]
        assert from_labs == [f for f in packet["findings"]
                             if f["source"].startswith("measurements")]
    assert any(f["source"].startswith("measurements") and f["status"] == "observed"
               for text, _ in pairs for f in text["findings"])

"""Bad input through the CLI: one line naming file, field and value; nothing silent."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from osteodx.case import inputs
from osteodx.cli import app
from tests.conftest import phenopacket, write_case

runner = CliRunner()


def _run(args, toy_dir, **kw):
    return runner.invoke(app, [*args, "--hpo-dir", str(toy_dir)], **kw)


def _ids(stdout: str) -> list[str]:
    return [json.loads(x)["case_id"] for x in stdout.splitlines() if x.startswith("{")]


def test_a_broken_yaml_phenopacket_on_stdin_fails(toy_dir):
    broken = ("id: x\nsubject: {sex: MALE}\nphenotypicFeatures:\n"
              "  - type: {id: HP:0000013, label: Sclerosis\n"
              "  - type: {id: \"HP:0000021\", label: Seizure}\n")
    res = _run(["diagnose", "-", "-f", "json"], toy_dir, input=broken)
    assert res.exit_code == 1 and res.stdout == ""
    assert "<stdin>: not valid JSON or YAML (line 5)" in res.stderr


@pytest.mark.parametrize("feature,needle", [
    ('{"foo": 1}', 'phenotypicFeatures[1]: unknown field "foo"'),
    ('{"type": {"id": "HP:0000021"}, "excluded": "false"}',
     'phenotypicFeatures[1].excluded: expected true or false (without quotes), got "false"'),
])
def test_a_schema_error_is_one_line(tmp_path, toy_dir, feature, needle):
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:0000013"}}, '
                   f"{feature}]}}")
    res = _run(["diagnose", str(bad)], toy_dir)
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.strip()]
    assert errors == [f"osteodx: error: {bad}: {needle}", "osteodx: 1 of 1 case(s) failed"]


def test_a_readme_beside_phenopackets_is_not_a_case(tmp_path, toy_dir):
    d = tmp_path / "cases"
    d.mkdir()
    write_case(d / "a.json", phenopacket([("HP:0000013", False)], pid="a"))
    (d / "README.md").write_text("Patients had seizures and sclerosis of the spine.")
    res = _run(["diagnose", str(d), "-f", "jsonl"], toy_dir)
    assert res.exit_code == 0, res.output
    assert _ids(res.stdout) == ["a"]
    notes = [line for line in res.stderr.splitlines() if "README.md" in line]
    assert len(notes) == 1 and notes[0].startswith("warning: ")


def test_an_unreadable_subfolder_fails_by_name_and_the_rest_runs(tmp_path, toy_dir,
                                                                 monkeypatch):
    d = tmp_path / "mix"
    (d / "sub").mkdir(parents=True)
    write_case(d / "one.json", phenopacket([("HP:0000013", False)], pid="one"))
    write_case(d / "sub" / "two.json", phenopacket([("HP:0000013", False)], pid="two"))
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    res = _run(["diagnose", str(d)], toy_dir)
    assert res.exit_code == 1
    assert _ids(res.stdout) == ["one"]
    assert f"{d / 'sub'}: cannot list folder: permission denied" in res.stderr
    assert "1 of 2 case(s) failed" in res.stderr


def test_json_output_of_a_nan_measurement_is_valid_json(tmp_path, toy_dir):
    doc = phenopacket([("HP:0000013", False)])
    doc["measurements"] = [{"assay": {"id": "LOINC:2345-7", "label": "Glucose"},
                            "value": {"quantity": {"unit": {"id": "UCUM:mg/dL"},
                                                   "value": "NaN"}}}]
    res = _run(["diagnose", str(write_case(tmp_path / "nan.json", doc)), "-f", "json"], toy_dir)
    assert res.exit_code == 0, res.output
    assert "NaN" not in res.stdout.replace("'NaN'", "")
    assert json.loads(res.stdout)["labs"] == []
    assert "is not a finite number; measurement not used" in res.stderr


def test_an_implausible_age_fails_the_case(tmp_path, toy_dir):
    path = write_case(tmp_path / "old.json", phenopacket([("HP:0000013", False)], age="P200Y"))
    res = _run(["diagnose", str(path)], toy_dir)
    assert res.exit_code == 1
    assert "subject.timeAtLastEncounter = 'P200Y': an age of 200 y is not plausible" in res.stderr


def test_a_calcium_unit_slip_is_warned_on_stderr_and_in_json_and_not_a_finding(tmp_path,
                                                                                 toy_dir):
    doc = phenopacket([("HP:0000013", False)], age="P40Y")
    doc["measurements"] = [{"assay": {"id": "LOINC:17861-6", "label": "Calcium"},
                            "value": {"quantity": {"unit": {"id": "UCUM:mg/dL",
                                                            "label": "mg/dL"},
                                                   "value": 2.4}}}]
    path = write_case(tmp_path / "slip.json", doc)
    res = _run(["diagnose", str(path), "-f", "json"], toy_dir)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    (warning,) = [w for w in out["warnings"] if "implausible" in w]
    assert warning.startswith("measurements[0]: Calcium: value 2.4 mg/dL is implausible")
    assert "2.4 mmol/L would be normal: check the unit" in warning
    assert f"warning: {path}: {warning}" in res.stderr
    assert [f["source"] for f in out["findings"]] == ["phenotypicFeatures[0]"]
    assert out["labs"][0]["interpretation"] is None


def test_a_calcium_unit_slip_in_a_case_report_is_warned_and_not_a_finding(toy_dir):
    res = _run(["diagnose", "--text", "A 40-year-old woman with seizures. Serum calcium was "
                "2.4 mg/dL.", "-f", "json"], toy_dir)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["labs"][0]["text"] == "Calcium 2.4 mg/dL: not interpreted (implausible value)"
    assert not [f for f in out["findings"] if f["source"].startswith("measurements")]
    assert any(w.startswith("measurements[0]: Calcium: value 2.4 mg/dL is implausible")
               and "2.4 mmol/L would be normal: check the unit" in w for w in out["warnings"])
    assert "2.4 mmol/L would be normal: check the unit" in res.stderr


def test_a_blood_pressure_panel_is_read_and_an_unreadable_reading_is_named(tmp_path, toy_dir):
    mmhg = {"id": "UCUM:mm[Hg]", "label": "mmHg"}
    doc = phenopacket([("HP:0000013", False)], age="P40Y")
    doc["measurements"] = [{
        "assay": {"id": "LOINC:35094-2", "label": "Blood pressure panel"},
        "complexValue": {"typedQuantities": [
            {"type": {"id": "NCIT:C25298", "label": "Systolic Blood Pressure"},
             "quantity": {"unit": mmhg, "value": 150}},
            {"type": {"id": "NCIT:C25299", "label": "Diastolic Blood Pressure"},
             "quantity": {"unit": mmhg, "value": 95}},
            {"type": {"id": "NCIT:C49679", "label": "Mean Arterial Pressure"},
             "quantity": {"unit": mmhg, "value": 113}}]}}]
    path = write_case(tmp_path / "bp.json", doc)
    res = _run(["diagnose", str(path), "-f", "json"], toy_dir)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert [(lab["label"], lab["interpretation"]) for lab in out["labs"]] == [
        ("Systolic blood pressure", "H"), ("Diastolic blood pressure", "H")]
    assert "not in the lab catalogue" not in res.stderr
    warning = ("measurements[0].complexValue.typedQuantities[2]: type NCIT:C49679 (Mean "
               "Arterial Pressure) is not a reading osteodx reads")
    assert any(w.startswith(warning) for w in out["warnings"])
    assert f"warning: {path}: {warning}" in res.stderr


def test_a_report_lab_warning_is_said_once(toy_dir):
    res = _run(["diagnose", "--text", "A 40-year-old woman with seizures. Calcium 5.3 mmol/L. "
                "Calcium 8.0 mEq/L. CRP <10 mg/L.", "-f", "json"], toy_dir)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len([w for w in out["warnings"] if "implausible" in w]) == 1
    assert len([w for w in out["warnings"] if "monovalent" in w]) == 1
    assert len([w for w in out["warnings"] if "value written as <10 mg/L" in w]) == 1


def test_a_missing_path_or_empty_folder_among_good_inputs_fails_alone(tmp_path, toy_dir):
    write_case(tmp_path / "a.json", phenopacket([("HP:0000013", False)], pid="a"))
    write_case(tmp_path / "c.json", phenopacket([("HP:0000021", False)], pid="c"))
    (tmp_path / "empty").mkdir()
    res = _run(["diagnose", str(tmp_path / "a.json"), str(tmp_path / "typo.json"),
                str(tmp_path / "empty"), str(tmp_path / "c.json")], toy_dir)
    assert res.exit_code == 1
    assert _ids(res.stdout) == ["a", "c"]
    errors = [line for line in res.stderr.splitlines() if line.startswith("osteodx:")]
    assert errors == [f"osteodx: error: {tmp_path / 'typo.json'}: no such file or folder",
                      f"osteodx: error: {tmp_path / 'empty'}: folder holds no .json, .yaml, "
                      ".yml, .txt or .md files",
                      "osteodx: 2 of 4 case(s) failed"]


def test_only_missing_paths_fail_before_anything_is_loaded(tmp_path, toy_dir, monkeypatch):
    import osteodx.kb.load as load

    def no_load(*a, **k):  # pragma: no cover - reached only when the check is wrong
        raise AssertionError("the knowledge base was loaded for nothing")

    monkeypatch.setattr(load, "load_knowledge_base", no_load)
    res = _run(["diagnose", str(tmp_path / "x.json"), str(tmp_path / "y.json")], toy_dir)
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr.splitlines() == [
        f"osteodx: error: {tmp_path / 'x.json'}: no such file or folder",
        f"osteodx: error: {tmp_path / 'y.json'}: no such file or folder"]

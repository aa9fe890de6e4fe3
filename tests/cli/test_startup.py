"""Start-up cost: reading a phenopacket must not load the case-report text reader, whose
patterns take about 0.3 s to compile, nor Jinja2 unless a page is rendered, nor pydantic
(~0.2 s) once the data files' validated models are in the cache (the CLI's first result is
due within 1 s)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import osteodx
from tests.conftest import phenopacket


def test_reading_a_phenopacket_does_not_load_the_text_reader(tmp_path, toy_dir):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(phenopacket([("HP:0000016", False)])), encoding="utf-8")
    code = (
        "import sys\n"
        "from osteodx.api import read_any\n"
        "from osteodx.kb.load import load_knowledge_base\n"
        f"kb = load_knowledge_base({str(toy_dir)!r}, supplement=False, packs=False)\n"
        f"case = read_any({str(path)!r}, kb)\n"
        "assert case.findings, case\n"
        "import osteodx.report\n"
        "print('osteodx.text.extract' in sys.modules, 'jinja2' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"OSTEODX_CACHE_DIR": str(tmp_path / "cache"),
                                          "PATH": ""})
    assert out.stdout.strip() == "False False", out.stderr  # nor Jinja2 before an HTML page


def test_a_warm_start_reads_the_data_files_without_pydantic(tmp_path, toy_dir):
    """The lab catalogue, the knowledge packs and the prevalence table are validated by
    pydantic on a cold cache; later processes read the validated dataclasses back."""
    doc = phenopacket([("HP:0000016", False)])
    doc["measurements"] = [{"assay": {"id": "LOINC:1989-3", "label": "25-OH vitamin D"},
                            "value": {"quantity": {"unit": {"id": "UCUM:ng/mL", "label": "ng/mL"},
                                                   "value": 7.2}}}]
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code = (
        "import sys\n"
        "import osteodx\n"
        "from osteodx import api\n"
        "from osteodx.diseases.packs import default_packs\n"
        "from osteodx.kb.load import load_knowledge_base\n"
        "from osteodx.labs.catalogue import load_catalogue\n"
        f"kb = load_knowledge_base({str(toy_dir)!r}, supplement=False, packs=True)\n"
        f"case = api.load_case({str(path)!r}, kb)\n"
        "osteodx.diagnose(case, kb=kb)\n"
        "assert default_packs() and kb.prevalence_text, 'packs and prevalence are loaded'\n"
        "assert load_catalogue().find_by_loinc('1989-3').within_plausible(7.2)\n"
        "print(*(m in sys.modules for m in ('pydantic', 'yaml', 'fastobo')))\n"
    )
    src = str(Path(osteodx.__file__).parents[1])  # this checkout's code, installed or not
    env = {"OSTEODX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "", "PYTHONPATH": src}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    # cold: validated, YAML parsed, OBO read; warm: none of the three is imported (their
    # imports cost ~0.2 s, ~25 ms and ~20 ms)
    assert [r.stdout.strip() for r in runs] == ["True True True", "False False False"]


def _run_cli(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "osteodx.cli", *args], capture_output=True,
                          text=True, env={"OSTEODX_CACHE_DIR": str(tmp_path / "cache"),
                                          "PATH": ""})


def test_process_ends_with_its_output_flushed_and_its_exit_code(tmp_path, toy_dir):
    """The CLI leaves through os._exit (no interpreter teardown): every line written must
    still arrive, and the exit code must be the command's."""
    paths = []
    for k in range(3):
        path = tmp_path / f"case{k}.json"
        path.write_text(json.dumps(phenopacket([("HP:0000016", False)], pid=f"c{k}")),
                        encoding="utf-8")
        paths.append(str(path))
    hpo = ["--hpo-dir", str(toy_dir), "--supplement", "none"]
    out = _run_cli(["diagnose", *paths, "-f", "jsonl", *hpo], tmp_path)
    assert out.returncode == 0, out.stderr
    assert [json.loads(line)["case_id"] for line in out.stdout.splitlines()] == ["c0", "c1", "c2"]
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    out = _run_cli(["diagnose", str(bad), *hpo], tmp_path)
    assert out.returncode == 1 and "bad.json" in out.stderr and "Traceback" not in out.stderr
    out = _run_cli(["no-such-command"], tmp_path)
    assert out.returncode == 2 and "no-such-command" in out.stderr


@pytest.mark.parametrize(("code", "status", "message"),
                         [(None, 0, ""), (0, 0, ""), (3, 3, ""), ("stopped", 1, "stopped")])
def test_leave_reads_exit_codes_as_sys_exit_does(monkeypatch, capsys, code, status, message):
    from osteodx.cli import application

    ended: list[int] = []
    monkeypatch.setattr(application.os, "_exit", ended.append)
    monkeypatch.setattr(application.logging, "shutdown", lambda: None)  # pytest's handlers
    application._leave(code)
    assert ended == [status]
    assert capsys.readouterr().err.strip() == message

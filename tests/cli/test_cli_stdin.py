"""Several phenopackets on stdin: each a case, as a folder of files is; broken ones fail alone."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from osteodx.cli import app
from tests.conftest import phenopacket

runner = CliRunner()


def _run(args, toy_dir, **kw):
    return runner.invoke(app, [*args, "--hpo-dir", str(toy_dir)], **kw)


def _docs(*pids: str) -> list[dict]:
    return [phenopacket([("HP:0000013", False)], pid=p) for p in pids]


def _ids(stdout: str) -> list[str]:
    return [json.loads(x)["case_id"] for x in stdout.splitlines() if x.startswith("{")]


@pytest.mark.parametrize("stream", [
    "\n".join(json.dumps(d) for d in _docs("a", "b", "c")) + "\n",
    "\n".join(json.dumps(d, indent=2) for d in _docs("a", "b", "c")) + "\n",
    json.dumps(_docs("a", "b", "c")),
    "".join("---\n" + yaml.safe_dump(d, sort_keys=False) for d in _docs("a", "b", "c")),
    "".join(yaml.safe_dump(d, sort_keys=False) + "---\n" for d in _docs("a", "b", "c")),
])
def test_every_phenopacket_on_stdin_is_ranked(toy_dir, stream):
    res = _run(["diagnose", "-"], toy_dir, input=stream)
    assert res.exit_code == 0, res.output
    assert _ids(res.stdout) == ["a", "b", "c"]  # several cases: JSON lines by default


def test_a_broken_document_fails_alone_and_the_exit_code_says_so(toy_dir):
    a, c = (json.dumps(d) for d in _docs("a", "c"))
    res = _run(["diagnose", "-"], toy_dir, input=f'{a}\n{{"id": "b", "subj\n{c}\n')
    assert res.exit_code == 1
    assert _ids(res.stdout) == ["a", "c"]
    errors = [line for line in res.stderr.splitlines() if line.startswith("osteodx:")]
    assert errors[0].startswith("osteodx: error: <stdin>#2 (id \"b\"): not valid JSON (line 2, ")
    assert errors[-1] == "osteodx: 1 of 3 case(s) failed"


def test_a_document_that_is_no_phenopacket_is_named_by_its_place(toy_dir):
    stream = json.dumps(_docs("a")[0]) + "\n" + '{"id": "b", "phenotypicFeatures": []}\n'
    res = _run(["diagnose", "-", "-f", "jsonl"], toy_dir, input=stream)
    assert res.exit_code == 1 and _ids(res.stdout) == ["a"]
    assert '<stdin>#2 (id "b"): no usable phenotypic features' in res.stderr


def test_warnings_name_the_document(toy_dir):
    twice = phenopacket([("HP:0000013", False), ("HP:0000013", False)], pid="b")
    stream = "\n".join(json.dumps(d) for d in (_docs("a")[0], twice))
    res = _run(["diagnose", "-"], toy_dir, input=stream)
    assert res.exit_code == 0, res.output
    assert "warning: <stdin>#2: phenotypicFeatures[1].type.id: HP:0000013 listed twice" in \
        res.stderr


def test_several_documents_make_one_json_array_and_refuse_html(toy_dir):
    stream = "\n".join(json.dumps(d) for d in _docs("a", "b"))
    res = _run(["diagnose", "-", "-f", "json"], toy_dir, input=stream)
    assert res.exit_code == 0, res.output
    assert [d["case_id"] for d in json.loads(res.stdout)] == ["a", "b"]
    res = _run(["diagnose", "-", "-f", "html"], toy_dir, input=stream)
    assert res.exit_code == 2 and "2 cases were given" in res.stderr


def test_one_document_on_stdin_is_one_case_as_before(toy_dir):
    res = _run(["diagnose", "-"], toy_dir, input=json.dumps(_docs("a")[0]))
    assert res.exit_code == 0, res.output
    assert "OMIM:" in res.stdout and not res.stdout.lstrip().startswith("{")  # a table
    res = _run(["diagnose", "-", "-f", "json"], toy_dir, input=json.dumps(_docs("a")))
    assert res.exit_code == 0 and json.loads(res.stdout)["case_id"] == "a"


def test_a_truncated_json_on_stdin_is_still_one_error(toy_dir):
    res = _run(["diagnose", "-"], toy_dir, input='{"id": "x",\n "subj')
    assert res.exit_code == 1 and res.stdout == ""
    assert "osteodx: error: <stdin>: not valid JSON (line 2" in res.stderr
    assert "1 of 1 case(s) failed" in res.stderr


def test_extract_of_several_reports_pipes_into_diagnose(tmp_path, real_kb):
    """`osteodx extract a.txt b.txt | osteodx diagnose -`, in every format extract writes."""
    a, b = tmp_path / "girl.txt", tmp_path / "boy.txt"
    a.write_text("A 16-year-old girl with seizures and scoliosis.")
    b.write_text("A 9-year-old boy with recurrent fractures and blue sclerae.")
    for fmt in ("jsonl", "json", "yaml"):
        out = runner.invoke(app, ["extract", str(a), str(b), "-f", fmt])
        assert out.exit_code == 0, out.output
        res = runner.invoke(app, ["diagnose", "-", "--top", "1"], input=out.stdout)
        assert res.exit_code == 0, (fmt, res.output)
        assert _ids(res.stdout) == ["girl", "boy"], fmt


def test_extract_json_of_several_reports_is_one_json_array(tmp_path, real_kb):
    """It wrote objects one after another: not JSON, unlike `diagnose -f json`."""
    a, b = tmp_path / "girl.txt", tmp_path / "boy.txt"
    a.write_text("A 16-year-old girl with seizures and scoliosis.")
    b.write_text("A 9-year-old boy with recurrent fractures and blue sclerae.")
    out = runner.invoke(app, ["extract", str(a), str(b), "-f", "json"])
    assert out.exit_code == 0, out.output
    assert [d["id"] for d in json.loads(out.stdout)] == ["girl", "boy"]
    one = runner.invoke(app, ["extract", str(a), "-f", "json"])
    assert json.loads(one.stdout)["id"] == "girl"  # one report: the object itself


def test_extract_refuses_a_phenopacket_instead_of_mining_it_as_prose(tmp_path, toy_dir):
    """A phenopacket saved as .txt (or piped) had been read as a report: its labels mined
    for findings, its sex and age lost. `--text` stays a report whatever it holds."""
    doc = json.dumps(phenopacket([("HP:0000013", False)], pid="p1"))
    saved = tmp_path / "p1.txt"
    saved.write_text(doc)
    report = tmp_path / "r1.txt"
    report.write_text("A 16-year-old girl with seizures.")
    out = _run(["extract", str(saved), str(report), "-f", "jsonl"], toy_dir)
    assert out.exit_code == 1
    assert "p1.txt: holds a phenopacket, not a case report" in out.stderr
    assert [json.loads(x)["id"] for x in out.stdout.splitlines()] == ["r1"]
    piped = _run(["extract", "-"], toy_dir, input=doc)
    assert piped.exit_code == 1 and "stdin: holds a phenopacket" in piped.stderr
    inline = _run(["extract", "--text", doc], toy_dir)
    assert inline.exit_code == 0

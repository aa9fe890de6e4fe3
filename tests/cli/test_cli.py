"""The CLI end to end on the toy release: every format, every class of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from osteodx.cli import app
from tests.conftest import phenopacket, write_case

runner = CliRunner()


@pytest.fixture()
def good(tmp_path) -> Path:
    return write_case(tmp_path / "good.json",
                      phenopacket([("HP:0000013", False), ("HP:0000014", True)], pid="good-1"))


def _run(args, toy_dir, **kw):
    return runner.invoke(app, [*args, "--hpo-dir", str(toy_dir)], **kw)


def test_table(good, toy_dir):
    res = _run(["diagnose", str(good)], toy_dir)
    assert res.exit_code == 0, res.output
    assert "OMIM:100001" in res.output and "toy-1" in res.output
    assert "does not replace" in res.output


def test_json_contract(good, toy_dir):
    res = _run(["diagnose", str(good), "--format", "json"], toy_dir)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["case_id"] == "good-1" and out["hpo_version"] == "toy-1"
    assert {"hpo_id", "label", "status", "source"} <= set(out["findings"][0])
    top = out["differential"][0]
    assert {"rank", "disease_id", "label", "score", "post_test_probability", "log10_lr",
            "supporting", "contradicting"} <= set(top)
    assert top["disease_id"] in ("OMIM:100001", "OMIM:100004")
    assert {"hpo_id", "label", "log10_lr", "match"} <= set(top["supporting"][0])
    scores = [d["score"] for d in out["differential"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("prior, weight, words", [
    (None, 0.5, "sourced prevalence"), ("uniform", 0.0, "same pre-test probability")])
def test_prior_option(good, toy_dir, prior, weight, words):
    res = _run(["diagnose", str(good), "-f", "json", *(["--prior", prior] if prior else [])],
               toy_dir)
    assert res.exit_code == 0, res.output
    model = json.loads(res.stdout)["model"]
    assert model["parameters"]["prevalence_weight"] == weight and words in model["score"]


def test_byte_identical(good, toy_dir):
    a = _run(["diagnose", str(good), "-f", "json"], toy_dir).stdout
    b = _run(["diagnose", str(good), "-f", "json"], toy_dir).stdout
    assert a == b


def test_markdown(good, toy_dir):
    res = _run(["diagnose", str(good), "-f", "markdown"], toy_dir)
    assert res.exit_code == 0 and "# osteodx differential: good-1" in res.stdout
    assert "| rank | disease |" in res.stdout


def test_folder_streams_jsonl(tmp_path, toy_dir):
    d = tmp_path / "many"
    d.mkdir()
    (d / "sub").mkdir()
    write_case(d / "a.json", phenopacket([("HP:0000013", False)], pid="a"))
    write_case(d / "sub" / "b.json", phenopacket([("HP:0000021", False)], pid="b"))
    res = _run(["diagnose", str(d)], toy_dir)
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert [x["case_id"] for x in lines] == ["a", "b"]


def test_namespace_filter(good, toy_dir):
    res = _run(["diagnose", str(good), "-f", "json", "--namespace", "orpha"], toy_dir)
    ids = [d["disease_id"] for d in json.loads(res.stdout)["differential"]]
    assert ids and all(i.startswith("ORPHA:") for i in ids)


def test_stdin(good, toy_dir):
    res = _run(["diagnose", "-", "-f", "json"], toy_dir, input=good.read_text())
    assert res.exit_code == 0 and json.loads(res.stdout)["case_id"] == "good-1"


@pytest.mark.parametrize("content,needle", [
    ('{"id": "x", "subj', "not valid JSON"),
    ("not json at all: [", "not valid JSON or YAML"),
    ('[{"id": "x"}]', "holds a JSON array around its one phenopacket"),
    ('{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:12"}}]}', "not an HPO id"),
    ('{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:9999999"}}]}', "not a term"),
    ('{"id": "x", "phenotypicFeatures": []}', "no usable phenotypic features"),
])
def test_bad_input_one_line_error(tmp_path, toy_dir, content, needle):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    res = _run(["diagnose", str(bad)], toy_dir)
    assert res.exit_code == 1
    assert needle in res.stderr and "bad.json" in res.stderr
    assert "Traceback" not in res.output + res.stderr


def test_unreadable_path(tmp_path, toy_dir):
    res = _run(["diagnose", str(tmp_path / "missing.json")], toy_dir)
    assert res.exit_code == 1 and "no such file" in res.stderr


def test_batch_continues_after_bad_case(tmp_path, toy_dir):
    d = tmp_path / "batch"
    d.mkdir()
    write_case(d / "a.json", phenopacket([("HP:0000013", False)], pid="a"))
    (d / "b.json").write_text("{broken")
    write_case(d / "c.json", phenopacket([("HP:0000021", False)], pid="c"))
    res = _run(["diagnose", str(d)], toy_dir)
    assert res.exit_code == 1
    ids = [json.loads(x)["case_id"] for x in res.stdout.splitlines() if x.startswith("{")]
    assert ids == ["a", "c"]
    assert "b.json" in res.stderr and "1 of 3" in res.stderr


def test_bad_hpo_dir(good, tmp_path):
    res = runner.invoke(app, ["diagnose", str(good), "--hpo-dir", str(tmp_path / "none")])
    assert res.exit_code == 1 and "does not exist" in res.stderr


def test_terms(toy_dir):
    res = _run(["terms", "osteosclerosis"], toy_dir)
    assert res.exit_code == 0 and "HP:0000012" in res.stdout
    res = _run(["terms", "no such thing"], toy_dir)
    assert res.exit_code == 1


def test_benchmark_on_folder(tmp_path, toy_dir):
    d = tmp_path / "corpus"
    d.mkdir()
    for i, (term, gold) in enumerate([("HP:0000021", "OMIM:100003"),
                                      ("HP:0000014", "OMIM:100002"),
                                      ("HP:0000013", "OMIM:999999")]):
        doc = phenopacket([(term, False)], pid=f"c{i}", sex="MALE")
        doc["interpretations"] = [{"id": "i", "progressStatus": "SOLVED",
                                   "diagnosis": {"disease": {"id": gold, "label": "g"}}}]
        write_case(d / f"c{i}.json", doc)
    res = _run(["benchmark", str(d)], toy_dir)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["cases"] == 3 and out["absent_from_kb"] == 1
    assert out["osteodx_in_kb"]["top1"] == 1.0
    res = _run(["benchmark", str(d), "--no-excluded", "--no-baseline"], toy_dir)
    assert res.exit_code == 0 and json.loads(res.stdout)["cases"] == 3


def test_html(good, toy_dir):
    res = _run(["diagnose", str(good), "-f", "html"], toy_dir)
    assert res.exit_code == 0, res.output
    assert res.stdout.lstrip().startswith("<!DOCTYPE html>") and "good-1" in res.stdout
    assert "does not replace" in res.stdout


def test_benchmark_concepts_jsonl(tmp_path, toy_dir):
    corpus = tmp_path / "gold.jsonl"
    text = "The boy had osteosclerosis and recurrent fractures."
    start = text.index("osteosclerosis")
    corpus.write_text(json.dumps({"id": "a1", "text": text, "annotations": [
        {"start": start, "end": start + 14, "span": "osteosclerosis",
         "hpo_id": "HP:0000012"}]}) + "\n")
    res = _run(["benchmark", str(corpus)], toy_dir)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["documents"] == 1 and out["doc_recall"] == 1.0


def test_stdin_yaml_phenopacket_and_stdin_text(toy_dir):
    yaml_case = ("subject:\n  id: s\n  sex: MALE\nphenotypicFeatures:\n"
                 "  - type: {id: 'HP:0000013', label: x}\n")
    res = _run(["diagnose", "-", "-f", "json"], toy_dir, input=yaml_case)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["findings"][0]["source"] == "phenotypicFeatures[0]"
    res = _run(["diagnose", "-", "-f", "json"], toy_dir, input="A boy with seizures: no fever.")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["findings"][0]["source"].startswith("text[")


def test_an_internal_error_on_one_case_does_not_stop_the_batch(tmp_path, toy_dir, monkeypatch):
    """A bug met on one input is reported in one line naming it; the others still run."""
    import osteodx.api

    real = osteodx.api.diagnose

    def flaky(case, *args, **kwargs):
        if case.case_id == "b":
            raise IndexError("list index out of range")
        return real(case, *args, **kwargs)

    monkeypatch.setattr(osteodx.api, "diagnose", flaky)
    monkeypatch.delenv("OSTEODX_DEBUG", raising=False)
    d = tmp_path / "batch"
    d.mkdir()
    for pid in "abc":
        write_case(d / f"{pid}.json", phenopacket([("HP:0000013", False)], pid=pid))
    res = _run(["diagnose", str(d)], toy_dir)
    assert res.exit_code == 1
    ids = [json.loads(x)["case_id"] for x in res.stdout.splitlines() if x.startswith("{")]
    assert ids == ["a", "c"]
    assert "b.json: internal error (IndexError" in res.stderr and "Traceback" not in res.stderr


def test_help_lists_the_commands_in_their_usual_order():
    from typer.testing import CliRunner

    from osteodx.cli import app

    out = CliRunner().invoke(app, ["--help"]).stdout
    places = [out.index(f"│ {name} ") for name in ("diagnose", "extract", "terms", "benchmark")]
    assert places == sorted(places)

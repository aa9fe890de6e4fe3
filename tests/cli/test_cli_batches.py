"""The CLI on several cases at once, on awkward names and queries, and its own options."""

from __future__ import annotations

import json
import sys

import pytest
from rich.console import Console
from typer.testing import CliRunner

from osteodx import cli
from osteodx.cli import app
from tests.conftest import phenopacket, write_case

runner = CliRunner()


def _run(args, toy_dir, **kw):
    return runner.invoke(app, [*args, "--hpo-dir", str(toy_dir)], **kw)


def _two(tmp_path):
    a = write_case(tmp_path / "a.json", phenopacket([("HP:0000013", False)], pid="a"))
    b = write_case(tmp_path / "b.json", phenopacket([("HP:0000014", False)], pid="b"))
    return str(a), str(b)


def test_json_with_several_cases_is_one_valid_array(tmp_path, toy_dir):
    res = _run(["diagnose", *_two(tmp_path), "--format", "json"], toy_dir)
    assert res.exit_code == 0, res.output
    assert [d["case_id"] for d in json.loads(res.stdout)] == ["a", "b"]


def test_json_array_stays_valid_when_a_case_fails(tmp_path, toy_dir):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    res = _run(["diagnose", *_two(tmp_path), str(bad), "--format", "json"], toy_dir)
    assert res.exit_code == 1
    assert [d["case_id"] for d in json.loads(res.stdout)] == ["a", "b"]


def test_html_takes_one_case(tmp_path, toy_dir):
    res = _run(["diagnose", *_two(tmp_path), "--format", "html"], toy_dir)
    assert res.exit_code == 2
    assert "html renders one case" in res.stderr and len(res.stderr.splitlines()) == 1


def test_progress_bar_leaves_stdout_alone(tmp_path, toy_dir, monkeypatch):
    """rich's Progress redirects stdout on a terminal unless told not to: the JSON lines
    would then go to the terminal, not to `> results.jsonl`."""
    import rich.progress

    seen = {}
    real = rich.progress.Progress

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(rich.progress, "Progress", spy)
    monkeypatch.setattr(cli.diagnose, "err", Console(stderr=True, force_terminal=True))
    res = _run(["diagnose", *_two(tmp_path)], toy_dir)
    assert res.exit_code == 0, res.output
    assert seen.get("redirect_stdout") is False and seen.get("redirect_stderr") is False
    assert len(res.stdout.splitlines()) == 2


def test_no_progress_bar_off_a_terminal(tmp_path, toy_dir, monkeypatch):
    """Piped stderr (a log file, CI) gets no bar and no stray blank line."""
    import rich.progress

    monkeypatch.setattr(rich.progress, "Progress", lambda *a, **k: pytest.fail("a bar"))
    res = _run(["diagnose", *_two(tmp_path)], toy_dir)
    assert res.exit_code == 0 and not res.stderr.startswith("\n") and "\n\n" not in res.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_pipe_ends_the_batch_quietly(tmp_path, toy_dir, monkeypatch, jobs):
    """`osteodx diagnose DIR [-j 2] | head`: the first write to the closed pipe ends the
    batch, with no error line per remaining case (and no worker left ranking)."""
    calls = []

    def closed(*args):
        calls.append(args)
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli.diagnose, "_silence_stdout", lambda: None)
    monkeypatch.setattr(cli.diagnose, "_render", closed)
    res = _run(["diagnose", *_two(tmp_path), "-j", jobs], toy_dir)
    assert res.exit_code == 0 and "error" not in res.stderr and len(calls) == 1


def test_rich_markup_in_a_case_id_is_printed_as_is(tmp_path, toy_dir):
    odd = write_case(tmp_path / "odd.json",
                     phenopacket([("HP:0000013", False)], pid="case [/red] [bold]x"))
    ok = write_case(tmp_path / "ok.json", phenopacket([("HP:0000013", False)], pid="ok"))
    res = _run(["diagnose", str(odd), str(ok), "--format", "table"], toy_dir)
    assert res.exit_code == 0, res.output
    assert "case [/red] [bold]x" in res.stdout and "ok" in res.stdout


def test_top_never_cuts_a_tie(tmp_path, toy_dir):
    case = write_case(tmp_path / "c.json", phenopacket([("HP:0000001", False),
                                                        ("HP:0000013", True)], pid="c"))
    res = _run(["diagnose", str(case), "--format", "json", "--top", "1", "--lenient",
                "--prior", "uniform"], toy_dir)
    out = json.loads(res.stdout)
    ranks = [e["rank"] for e in out["differential"]]
    assert len(ranks) > 1 and set(ranks) == {1}
    assert any("tie at rank 1" in w for w in out["warnings"])


@pytest.mark.parametrize("query", ["", "   ", "*", "("])
def test_terms_needs_a_word(toy_dir, query):
    res = _run(["terms", query], toy_dir)
    assert res.exit_code == 2 and "no word" in res.stderr


def test_terms_reads_loose_ids(toy_dir):
    res = _run(["terms", "hp_0000013"], toy_dir)
    assert res.exit_code == 0 and res.stdout.startswith("HP:0000013")


def test_version_and_short_help():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("osteodx ")
    assert runner.invoke(app, ["diagnose", "-h"]).exit_code == 0


def test_benchmark_checks_its_options_and_refuses_an_empty_corpus(tmp_path, toy_dir):
    res = _run(["benchmark", str(tmp_path), "--namespace", "bogus"], toy_dir)
    assert res.exit_code == 2
    res = _run(["benchmark", str(tmp_path), "--limit", "-3"], toy_dir)
    assert res.exit_code == 2
    res = _run(["benchmark", str(tmp_path)], toy_dir)
    assert res.exit_code == 1 and "no case could be benchmarked" in res.stderr


def test_benchmark_skips_a_bad_member_and_goes_on(tmp_path, toy_dir):
    doc = phenopacket([("HP:0000014", False)], pid="c0")
    doc["diseases"] = [{"term": {"id": "OMIM:100002", "label": "g"}}]
    write_case(tmp_path / "c0.json", doc)
    (tmp_path / "c1.json").write_text("{ truncated")
    res = _run(["benchmark", str(tmp_path), "--no-baseline"], toy_dir)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["cases"] == 1
    assert "skipped:" in res.stderr and "c1.json" in res.stderr


def test_two_inputs_with_one_case_id_are_warned(tmp_path, toy_dir):
    a = write_case(tmp_path / "a.json", phenopacket([("HP:0000013", False)], pid="same"))
    b = write_case(tmp_path / "b.json", phenopacket([("HP:0000014", False)], pid="same"))
    res = _run(["diagnose", str(a), str(b)], toy_dir)
    assert res.exit_code == 0
    second = json.loads(res.stdout.splitlines()[1])
    assert any("also the id of" in w and str(a) in w for w in second["warnings"])


def test_benchmark_with_no_case_in_the_knowledge_base_says_null(tmp_path, toy_dir):
    doc = phenopacket([("HP:0000014", False)], pid="c0")
    doc["diseases"] = [{"term": {"id": "OMIM:999999", "label": "g"}}]
    write_case(tmp_path / "c0.json", doc)
    res = _run(["benchmark", str(tmp_path), "--no-baseline"], toy_dir)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["osteodx_in_kb"] is None


def test_a_console_that_cannot_write_every_character_gets_escapes(monkeypatch):
    import io

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", out)
    cli.tolerant_streams()
    out.write(json.dumps({"score": "P \u221d 10^x"}, ensure_ascii=False))
    out.flush()
    assert json.loads(raw.getvalue().decode("cp1252")) == {"score": "P \u221d 10^x"}

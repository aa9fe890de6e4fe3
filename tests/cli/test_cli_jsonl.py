"""A JSON-lines file named on the command line is a batch, read as stdin is."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from osteodx.case.stream import file_documents, is_stream_file
from osteodx.cli import app
from tests.conftest import phenopacket

runner = CliRunner()


def _run(args, toy_dir):
    return runner.invoke(app, [*args, "--hpo-dir", str(toy_dir)])


def _lines(*pids: str) -> str:
    return "".join(json.dumps(phenopacket([("HP:0000013", False)], pid=p)) + "\n"
                   for p in pids)


def _ids(stdout: str) -> list[str]:
    return [json.loads(x)["case_id"] for x in stdout.splitlines() if x.startswith("{")]


def test_each_line_of_a_jsonl_file_is_a_case(toy_dir, tmp_path):
    f = tmp_path / "cases.jsonl"
    f.write_text(_lines("a", "b", "c"))
    res = _run(["diagnose", str(f)], toy_dir)
    assert res.exit_code == 0, res.output
    assert _ids(res.stdout) == ["a", "b", "c"]  # several cases: JSON lines by default
    sources = [json.loads(x)["source"] for x in res.stdout.splitlines()]
    assert sources == [f"{f}#1", f"{f}#2", f"{f}#3"]


def test_a_jsonl_file_of_one_line_is_one_case_shown_as_a_table(toy_dir, tmp_path):
    f = tmp_path / "one.ndjson"
    f.write_text(_lines("solo"))
    res = _run(["diagnose", str(f)], toy_dir)
    assert res.exit_code == 0, res.output
    assert "solo" in res.stdout and not res.stdout.lstrip().startswith("{")


def test_a_broken_line_fails_alone_naming_the_file_line_and_id(toy_dir, tmp_path):
    a, c = _lines("a").strip(), _lines("c").strip()
    f = tmp_path / "mixed.jsonl"
    f.write_text(f'{a}\n{{"id": "b", "subj\n{c}\n')
    res = _run(["diagnose", str(f), "-f", "jsonl"], toy_dir)
    assert res.exit_code == 1
    assert _ids(res.stdout) == ["a", "c"]
    assert f'{f}#2 (id "b"): not valid JSON (line 2, ' in res.stderr
    assert "1 of 3 case(s) failed" in res.stderr


def test_bad_jsonl_files_fail_as_cases_while_the_others_run(toy_dir, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(_lines("g"))
    empty, text = tmp_path / "empty.jsonl", tmp_path / "words.jsonl"
    empty.write_text("")
    text.write_text("hello world\n")
    res = _run(["diagnose", str(empty), str(text), str(good), "-f", "jsonl"], toy_dir)
    assert res.exit_code == 1
    assert _ids(res.stdout) == ["g"]
    assert f"{empty}: file is empty" in res.stderr
    assert f"{text}: expected one phenopacket object" in res.stderr  # not read as a report
    assert "2 of 3 case(s) failed" in res.stderr


def test_an_unreadable_jsonl_file_is_a_failed_case(toy_dir, tmp_path):
    f = tmp_path / "binary.jsonl"
    f.write_bytes(b"\xff\xfe\x00\x01garbage")
    res = _run(["diagnose", str(f)], toy_dir)
    assert res.exit_code == 1
    assert f"{f}: not a text file" in res.stderr
    assert "Traceback" not in res.output


def test_a_json_file_of_several_phenopackets_names_the_ways_to_read_it(toy_dir, tmp_path):
    f = tmp_path / "several.json"
    f.write_text(_lines("a", "b"))
    res = _run(["diagnose", str(f)], toy_dir)
    assert res.exit_code == 1
    assert "name the file .jsonl" in res.stderr and "osteodx diagnose - <" in res.stderr


def test_stream_files_are_known_by_suffix_whatever_the_case(tmp_path):
    assert is_stream_file("a.jsonl") and is_stream_file("B.NDJSON")
    assert not is_stream_file("a.json") and not is_stream_file("a.jsonl.txt")
    f = tmp_path / "x.jsonl"
    f.write_text(_lines("p", "q"))
    assert [d.name for d in file_documents(str(f))] == [f"{f}#1", f"{f}#2"]


def test_the_api_reads_a_jsonl_file_with_failures_in_their_place(toy_kb, tmp_path):
    from osteodx.api import read_jsonl
    from osteodx.errors import InputError

    f = tmp_path / "c.jsonl"
    f.write_text(_lines("a") + '{"id": "b"\n' + _lines("c"))
    got = read_jsonl(f, toy_kb)
    assert [type(x).__name__ for x in got] == ["Case", "InputError", "Case"]
    assert got[0].case_id == "a" and got[2].case_id == "c"
    assert isinstance(got[1], InputError) and got[1].source.startswith(f"{f}#2")

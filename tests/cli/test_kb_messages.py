"""What the CLI shows of a release's problems (a process of its own: the warnings reach
stderr through logging, which pytest would capture in-process)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import phenopacket, write_case


def _run(tmp_path, rel, *args):
    case = write_case(tmp_path / "case.json", phenopacket([("HP:0000013", False)]))
    env = {**os.environ, "OSTEODX_CACHE_DIR": str(tmp_path / "cache"),
           "OSTEODX_SUPPLEMENT": "none"}
    env.pop("OSTEODX_HPO_DIR", None)
    return subprocess.run([sys.executable, "-m", "osteodx.cli", "diagnose", str(case),
                           "--hpo-dir", str(rel), "-f", "json", *args],
                          capture_output=True, text=True, env=env)


def test_junk_row_warns_on_stderr_and_counts(tmp_path, toy_dir):
    rel = tmp_path / "rel"
    shutil.copytree(toy_dir, rel)
    clean = _run(tmp_path, rel)
    assert clean.returncode == 0 and "fewer than 12" not in clean.stderr
    before = int(json.loads(clean.stdout)["knowledge_base"]["dropped_annotations"])
    n = len((rel / "phenotype.hpoa").read_bytes().splitlines())
    with (rel / "phenotype.hpoa").open("a") as fh:
        fh.write("OMIM:1\tfoo\n")
    out = _run(tmp_path, rel)
    assert out.returncode == 0, out.stderr
    assert (f"warning: {rel / 'phenotype.hpoa'}: 1 row with fewer than 12 tab-separated "
            "fields, or a malformed disease id, HPO id, qualifier or aspect skipped (first at "
            f"line {n + 1})") in out.stderr.splitlines()
    kb = json.loads(out.stdout)["knowledge_base"]
    assert int(kb["dropped_annotations"]) == before + 1 and "fewer than 12" in kb["warnings"]


def test_binary_hpoa_is_one_line_and_exit_1(tmp_path, toy_dir):
    rel = tmp_path / "rel"
    shutil.copytree(toy_dir, rel)
    with (rel / "phenotype.hpoa").open("ab") as fh:
        fh.write(b"\x00\x01\xff\n")
    out = _run(tmp_path, rel)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in lines[0]
    assert lines[0].startswith(f"osteodx: error: {rel / 'phenotype.hpoa'}: line ")


def _terms(tmp_path, rel, query="osteosclerosis"):
    env = {**os.environ, "OSTEODX_CACHE_DIR": str(tmp_path / "cache"),
           "OSTEODX_SUPPLEMENT": "none"}
    env.pop("OSTEODX_HPO_DIR", None)
    return subprocess.run([sys.executable, "-m", "osteodx.cli", "terms", query,
                           "--hpo-dir", str(rel)], capture_output=True, text=True, env=env)


def test_damaged_cached_synonyms_still_answer_with_a_warning(tmp_path, toy_dir):
    first = _terms(tmp_path, toy_dir)
    assert first.returncode == 0 and "HP:0000012" in first.stdout
    (syn,) = (tmp_path / "cache").glob("kb-*.synonyms.json")
    syn.write_text('[["Osteoscl')  # cut short
    out = _terms(tmp_path, toy_dir)
    assert out.returncode == 0, out.stderr
    assert out.stdout == first.stdout  # the same answer, in the same call
    assert "cannot read the cached HPO synonyms" in out.stderr
    assert "Traceback" not in out.stderr
    again = _terms(tmp_path, toy_dir)  # written back: no warning the next time
    assert again.returncode == 0 and again.stdout == first.stdout
    assert "cannot read" not in again.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_damaged_synonyms_in_a_read_only_cache_still_answer(tmp_path, toy_dir):
    first = _terms(tmp_path, toy_dir)
    cache = tmp_path / "cache"
    (syn,) = cache.glob("kb-*.synonyms.json")
    syn.write_text("[1,")
    cache.chmod(0o555)
    try:
        out = _terms(tmp_path, toy_dir)
    finally:
        cache.chmod(0o755)
    assert out.returncode == 0 and out.stdout == first.stdout, out.stderr
    assert "Traceback" not in out.stderr


def test_damaged_synonyms_in_a_read_only_cache_are_an_answer_or_one_line(tmp_path, toy_dir,
                                                                       monkeypatch):
    """In-process, a cache that refuses every write (as root is never refused by chmod):
    the call answers; and should rebuilding fail too, one line and exit 1."""
    from typer.testing import CliRunner

    from osteodx.cli import app
    from osteodx.errors import KnowledgeBaseError
    from osteodx.kb import cache, load

    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("OSTEODX_SUPPLEMENT", "none")
    monkeypatch.setattr(load, "_MEMO", {})
    runner = CliRunner()
    args = ["terms", "osteosclerosis", "--hpo-dir", str(toy_dir)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0 and "HP:0000012" in first.stdout
    (syn,) = (tmp_path / "cache").glob("kb-*.synonyms.json")

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache, "_write_json", refuse)
    monkeypatch.setattr(type(syn), "unlink", refuse)
    syn.write_text("[1,")
    load._MEMO.clear()
    out = runner.invoke(app, args)
    assert out.exit_code == 0 and out.stdout == first.stdout, out.output
    assert syn.read_text() == "[1,"  # could not be written back

    def gone(*_a, **_k):
        raise KnowledgeBaseError("phenotype.hpoa: gone")

    monkeypatch.setattr(load, "build_knowledge_base", gone)
    load._MEMO.clear()
    out = runner.invoke(app, args)
    assert out.exit_code == 1 and isinstance(out.exception, SystemExit)
    lines = out.stderr.strip().splitlines()
    assert lines[-1].startswith("osteodx: error: ") and "cannot read the cached HPO synonyms" \
        in lines[-1] and "nor rebuild them" in lines[-1]

"""What the CLI shows of a release's problems (a process of its own: the warnings reach
stderr through logging, which pytest would capture in-process)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

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

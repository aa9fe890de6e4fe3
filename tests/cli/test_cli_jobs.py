"""``--jobs``: a batch ranked by several processes gives the same output, byte for byte."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from osteodx.cli import app
from osteodx.cli.batch import BatchSettings, rank_all
from osteodx.engine.params import ModelParameters
from tests.conftest import phenopacket, write_case

runner = CliRunner()


def _run(args, toy_dir):
    return runner.invoke(app, [*args, "--hpo-dir", str(toy_dir)])


def _batch(tmp_path) -> list[str]:
    """Eleven cases: good ones, a broken file, a duplicate id, one with a warning."""
    paths = []
    for k, term in enumerate(["HP:0000013", "HP:0000014", "HP:0000016", "HP:0000018",
                              "HP:0000021", "HP:0000022", "HP:0000012", "HP:0000011"]):
        paths.append(write_case(tmp_path / f"c{k}.json",
                                phenopacket([(term, False)], pid=f"c{k}")))
    bad = tmp_path / "c8_bad.json"
    bad.write_text("{")
    again = write_case(tmp_path / "c9_again.json", phenopacket([("HP:0000014", False)],
                                                               pid="c1"))
    twice = write_case(tmp_path / "c10_twice.json",
                       phenopacket([("HP:0000013", False), ("HP:0000013", False)], pid="t"))
    return [str(p) for p in [*paths, bad, again, twice]]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "markdown"])
def test_the_output_is_the_same_whatever_the_number_of_jobs(tmp_path, toy_dir, fmt):
    cases = _batch(tmp_path)
    one = _run(["diagnose", *cases, "-f", fmt, "--jobs", "1"], toy_dir)
    two = _run(["diagnose", *cases, "-f", fmt, "--jobs", "2"], toy_dir)
    assert one.exit_code == two.exit_code == 1  # the broken file
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "c8_bad.json" in one.stderr and "1 of 11 case(s) failed" in one.stderr


def test_a_duplicate_id_is_named_in_the_warnings_with_jobs(tmp_path, toy_dir):
    res = _run(["diagnose", *_batch(tmp_path), "--jobs", "3"], toy_dir)
    reports = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["case_id"] for r in reports] == [f"c{k}" for k in range(8)] + ["c1", "t"]
    assert any("also the id of" in w and "c1.json" in w for w in reports[8]["warnings"])


def test_jobs_zero_means_one_per_cpu(tmp_path, toy_dir):
    res = _run(["diagnose", *_batch(tmp_path)[:3], "-j", "0"], toy_dir)
    assert res.exit_code == 0, res.output
    assert len(res.stdout.splitlines()) == 3


def test_rank_all_keeps_the_input_order_and_errors_in_place(toy_kb, tmp_path):
    cases = _batch(tmp_path)
    settings = BatchSettings("all", 3, ModelParameters(), lenient=False,
                             keep_differential=False)
    got = list(rank_all(toy_kb, settings, [(c, None) for c in cases], workers=2))
    assert [o.name for o in got] == cases
    assert [o.error is not None for o in got] == [False] * 8 + [True, False, False]
    assert got[8].error.startswith(f"{cases[8]}: ")
    assert all(o.report is not None and o.differential is None for o in got if not o.error)


def test_spawned_workers_load_the_same_knowledge_base(tmp_path, toy_dir, monkeypatch, capfd):
    """Where fork is not available (Windows) each worker loads the knowledge base from the
    options given (--hpo-dir, --supplement): the output is the same as in one process, and
    the knowledge base's load messages are not said again by every worker."""
    import multiprocessing

    from osteodx.cli import batch

    cases = _batch(tmp_path)
    one = _run(["diagnose", *cases, "--jobs", "1", "--supplement", "none"], toy_dir)
    capfd.readouterr()
    monkeypatch.setattr(batch.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert multiprocessing.get_all_start_methods() == ["spawn"]
    two = _run(["diagnose", *cases, "--jobs", "2", "--supplement", "none"], toy_dir)
    assert (one.exit_code, one.stdout, one.stderr) == (two.exit_code, two.stdout, two.stderr)
    assert capfd.readouterr().err == ""  # nothing from the workers themselves


_ORPHANS = """
import multiprocessing, os, signal, sys, threading, time
from osteodx.cli import batch
from osteodx.engine.params import ModelParameters

def slow(job):
    time.sleep(120)

batch._rank_in_worker = slow  # the workers are forked: they inherit it
settings = batch.BatchSettings("all", 3, ModelParameters(), False, False)
jobs = [(str(k), None) for k in range(4)]
threading.Thread(target=lambda: list(batch.rank_all("kb", settings, jobs, 2)),
                 daemon=True).start()
while len(multiprocessing.active_children()) < 2:
    time.sleep(0.05)
time.sleep(0.5)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="the workers are forked")
def test_workers_end_when_the_main_process_is_killed(tmp_path):
    """`timeout 60 osteodx diagnose DIR -j 4`: a main process killed outright leaves no
    worker waiting for ever (each holds a knowledge base)."""
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    script = tmp_path / "orphans.py"
    script.write_text(_ORPHANS)
    out = tmp_path / "pids"
    with out.open("w") as fh:  # a file, not a pipe: a pipe stays open while a worker lives
        subprocess.run([sys.executable, str(script)], stdout=fh, timeout=60,
                       env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    pids = [int(p) for p in out.read_text().split()]
    assert len(pids) == 2

    def running(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return False
        return state != "Z"  # a zombie has ended; its reaper may not be us

    deadline = time.monotonic() + 10
    while any(running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = [p for p in pids if running(p)]
    for p in alive:  # do not leave them behind when the test fails
        os.kill(p, 9)
    assert not alive


def test_a_worker_that_dies_fails_the_rest_of_the_batch_with_a_clear_error(tmp_path, toy_dir,
                                                                          monkeypatch):
    import os

    from osteodx.cli import batch

    real = batch.rank_one

    def dying(kb, settings, job):
        if job[0].endswith("c5.json"):
            os._exit(1)  # as a worker killed for its memory would
        return real(kb, settings, job)

    monkeypatch.setattr(batch, "rank_one", dying)  # the forked workers inherit it
    cases = _batch(tmp_path)
    res = _run(["diagnose", *cases, "-j", "2"], toy_dir)
    assert res.exit_code == 1
    assert "a worker process ended unexpectedly" in res.stderr
    assert "internal error" not in res.stderr
    written = len(res.stdout.splitlines())
    assert written < 10
    # every case not written failed: the lost ones, and the broken file if it was reached
    assert f"{11 - written} of 11 case(s) failed" in res.stderr


def test_where_workers_cannot_start_the_batch_runs_in_one_process(tmp_path, toy_dir,
                                                                  monkeypatch):
    from osteodx.cli import batch

    cases = _batch(tmp_path)
    one = _run(["diagnose", *cases, "-j", "1"], toy_dir)

    def refused(*args, **kwargs):
        raise OSError("no shared memory")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", refused)
    two = _run(["diagnose", *cases, "-j", "2"], toy_dir)
    assert two.stdout == one.stdout and two.exit_code == one.exit_code
    assert "worker processes cannot be started here (OSError: no shared memory)" in two.stderr


def test_jobs_zero_counts_the_cpus_this_process_may_use(monkeypatch):
    import os

    from osteodx.cli import batch

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert batch.usable_cpus() == 3
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert batch.usable_cpus() == 8

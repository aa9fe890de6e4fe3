"""The sex views' fixes, worked out for every term at once and cached beside the index."""

from __future__ import annotations

import os

import numpy as np
import pytest

from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.engine import view_fixes
from osteodx.engine.finding_cache import cached_logs
from osteodx.engine.finding_vectors import match_weights
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import for_sex
from osteodx.engine.view_fixes import compute_fix_tables, fix_table
from osteodx.kb.arrayfile import read_arrays, write_arrays
from osteodx.kb.cache import CACHE_KEY
from osteodx.kb.load import build_knowledge_base
from osteodx.ontology.release import locate_release
from tests.conftest import TOY, phenopacket

P = ModelParameters()


@pytest.fixture
def fresh_kb():
    """A knowledge base of its own: these tests mark it as cached and fill its memos."""
    return build_knowledge_base(locate_release(TOY), supplement=False, packs=False)


@pytest.fixture
def cached_kb(fresh_kb, tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    fresh_kb.derived[CACHE_KEY] = "kb-toy"
    return fresh_kb


def _tables_on_disk(directory) -> list:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("sexfix-"))


def test_table_holds_the_fixes_worked_out_one_at_a_time(fresh_kb):
    tables = compute_fix_tables(fresh_kb, P)
    assert set(tables) == {"MALE", "FEMALE"}
    weights = match_weights(P)
    n_fixed = 0
    for sex, table in tables.items():
        view = for_sex(fresh_kb, sex)  # no cache key: fixes worked out one at a time
        for q in range(len(fresh_kb.ontology)):
            for excluded in (False, True):
                *_, one = cached_logs(view, q, excluded, P, weights)
                got = table.get(q, excluded)
                assert (one is None) == (got is None), (sex, q, excluded)
                if one is not None:
                    n_fixed += 1
                    assert np.array_equal(one[0], got[0])
                    assert np.array_equal(one[1], got[1])  # to the last bit
    assert n_fixed > 0  # the toy release's sex-limited annotations change some findings


@pytest.mark.parametrize("jobs", [2, 3])
def test_forked_workers_give_the_same_tables(fresh_kb, jobs):
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("this platform cannot fork")
    one = compute_fix_tables(fresh_kb, P, jobs=1)
    shared = compute_fix_tables(fresh_kb, P, jobs=jobs)
    assert set(one) == set(shared)
    for sex in one:
        for field in view_fixes.FixTable.__slots__:
            assert np.array_equal(getattr(one[sex], field), getattr(shared[sex], field))
        assert np.all(np.diff(shared[sex].keys) > 0)  # sorted: get() searches them


def test_batch_scores_read_the_table_and_match_detailed_ones(cached_kb, tmp_path):
    doc = phenopacket([("HP:0000022", False), ("HP:0000020", True)], sex="FEMALE")
    case = case_from_phenopacket(doc, cached_kb.ontology, "t.json")
    fast = score_case(cached_kb, case, P, detail=False)
    assert len(_tables_on_disk(tmp_path)) == 1  # worked out once, kept for later processes
    slow = score_case(cached_kb, case, P, detail=True)
    assert np.allclose(fast.total, slow.total, rtol=0, atol=1e-12)


def test_a_later_process_reads_the_table_without_working_it_out(cached_kb, tmp_path,
                                                                 monkeypatch):
    first = fix_table(for_sex(cached_kb, "MALE"), P)
    assert first is not None
    later = build_knowledge_base(locate_release(TOY), supplement=False, packs=False)
    later.derived[CACHE_KEY] = "kb-toy"

    def fail(*_a, **_k):
        raise AssertionError("worked out again")

    monkeypatch.setattr(view_fixes, "compute_fix_tables", fail)
    again = fix_table(for_sex(later, "MALE"), P)
    assert np.array_equal(again.keys, first.keys) and np.array_equal(again.delta, first.delta)


def test_a_damaged_table_is_worked_out_again(cached_kb, tmp_path):
    fix_table(for_sex(cached_kb, "FEMALE"), P)
    (path,) = (tmp_path / name for name in _tables_on_disk(tmp_path))
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])
    later = build_knowledge_base(locate_release(TOY), supplement=False, packs=False)
    later.derived[CACHE_KEY] = "kb-toy"
    assert fix_table(for_sex(later, "FEMALE"), P) is not None
    assert path.read_bytes() == good


def test_other_parameters_and_uncached_bases_are_not_tabled(cached_kb, fresh_kb, tmp_path):
    other = ModelParameters(unmatched_lr=0.04)
    assert fix_table(for_sex(cached_kb, "MALE"), other) is None
    assert _tables_on_disk(tmp_path) == []
    assert fix_table(cached_kb, P) is None  # not a sex view
    uncached = build_knowledge_base(locate_release(TOY), supplement=False, packs=False)
    assert fix_table(for_sex(uncached, "MALE"), P) is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a folder this user cannot write")
def test_a_read_only_cache_falls_back_to_fixes_one_at_a_time(cached_kb, tmp_path):
    tmp_path.chmod(0o555)
    try:
        assert fix_table(for_sex(cached_kb, "MALE"), P) is None
    finally:
        tmp_path.chmod(0o755)


def _table_path(directory):
    (path,) = (directory / name for name in _tables_on_disk(directory))
    return path


def _rewrite(path, arrays):
    with path.open("wb") as fh:
        write_arrays(fh, arrays)


def _fresh_cached(key: str = "kb-toy"):
    kb = build_knowledge_base(locate_release(TOY), supplement=False, packs=False)
    kb.derived[CACHE_KEY] = key
    return kb


def test_another_bases_table_under_this_name_is_not_used(cached_kb, tmp_path, monkeypatch):
    good = fix_table(for_sex(cached_kb, "MALE"), P)
    path = _table_path(tmp_path)
    arrays = {k: v.copy() for k, v in read_arrays(path).items()}
    arrays["kb_key"] = np.array("kb-other")  # as if copied from another release's table
    _rewrite(path, arrays)
    again = fix_table(for_sex(_fresh_cached(), "MALE"), P)  # worked out again, rewritten
    assert np.array_equal(again.keys, good.keys) and np.array_equal(again.delta, good.delta)
    assert str(read_arrays(path)["kb_key"]) == "kb-toy"


def test_a_table_indexing_outside_the_base_is_worked_out_again(cached_kb, tmp_path):
    fix_table(for_sex(cached_kb, "FEMALE"), P)
    path = _table_path(tmp_path)
    arrays = {k: v.copy() for k, v in read_arrays(path).items()}
    arrays["FEMALE_idx"] = arrays["FEMALE_idx"] + 10_000  # diseases the base does not have
    _rewrite(path, arrays)
    table = fix_table(for_sex(_fresh_cached(), "FEMALE"), P)
    assert int(table.idx.max()) < cached_kb.n_diseases


def test_the_table_name_follows_the_opposite_pairs(monkeypatch, tmp_path):
    """Editing knowledge/opposites.yaml changes what an observed finding scores: the table
    must be worked out again, not read under its old name."""
    assert any(s.name == "opposites.yaml" and s.is_file() for s in view_fixes._SOURCES)
    pairs = tmp_path / "opposites.yaml"
    pairs.write_text("pairs: []\n")
    sources = [s for s in view_fixes._SOURCES if s.name != "opposites.yaml"] + [pairs]
    monkeypatch.setattr(view_fixes, "_SOURCES", tuple(sources))
    before = view_fixes._digest(P)
    pairs.write_text("pairs: [[a, b]]\n")
    assert view_fixes._digest(P) != before


def test_a_failed_write_leaves_no_temporary_file(cached_kb, tmp_path, monkeypatch):
    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(view_fixes, "write_arrays", full_disk)
    assert fix_table(for_sex(cached_kb, "MALE"), P) is not None  # worked out, not kept
    assert list(tmp_path.iterdir()) == []


def test_a_new_table_replaces_the_tables_of_older_code(cached_kb, tmp_path):
    stale = tmp_path / "sexfix-kb-toy-0000000000000000.npz"
    stale.write_bytes(b"from an older osteodx")
    older = tmp_path / "sexfix-kb-toy-1111111111111111.arrays"
    older.write_bytes(b"from an older osteodx, mapped format")
    other_base = tmp_path / "sexfix-kb-other-0000000000000000.npz"
    other_base.write_bytes(b"another release's table")
    fix_table(for_sex(cached_kb, "MALE"), P)
    assert not stale.exists() and not older.exists() and other_base.exists()
    assert len(_tables_on_disk(tmp_path)) == 2


def test_loading_through_the_cache_works_the_table_out_once(tmp_path, monkeypatch):
    """Whatever warms the index (a first single-case diagnose) warms the table too, so
    that no batch meets its one-off cost; a later load does not read it."""
    from osteodx.kb import load as load_mod

    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(load_mod, "_MEMO", {})
    load_mod.load_knowledge_base(TOY, supplement="none", packs=False)
    assert len(_tables_on_disk(tmp_path)) == 1
    load_mod._MEMO.clear()

    def fail(*_a, **_k):
        raise AssertionError("worked out again")

    monkeypatch.setattr(view_fixes, "compute_fix_tables", fail)
    monkeypatch.setattr(view_fixes, "_read", fail)
    kb = load_mod.load_knowledge_base(TOY, supplement="none", packs=False)
    assert view_fixes._MEMO not in kb.derived  # read only when a batch needs it


def _jobs_in_child(queue) -> None:
    queue.put(view_fixes._jobs(None))


def test_a_child_process_forks_no_pool_of_its_own():
    """A batch's worker works its fixes out alone: forking again from a process that runs
    threads, with every worker doing the same, is what a batch must not do."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    assert view_fixes._jobs(3) == 3  # the main process may fork
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_jobs_in_child, args=(queue,))
    child.start()
    child.join(30)
    assert queue.get(timeout=5) == 1

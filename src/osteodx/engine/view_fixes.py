"""Every term's sex-view fix, worked out once per knowledge base and kept in the cache.

In a batch, a finding's vector for a patient of known sex is the whole knowledge base's
vector plus a small fix for the few hundred diseases the sex view changes
(:mod:`osteodx.engine.finding_cache`). Working a fix out scores the finding again on
those diseases: on 200 corpus cases whose findings are mostly new to the process, a
third of the scoring time. This module works out the fixes of every term, observed and
excluded, for both sexes at once (a few seconds, shared among the CPUs), and keeps them
beside the index in the cache folder, so that a later process reads them in milliseconds. The
default parameters' tables are worked out when the index is built, or on the first load after
new engine code (:func:`ensure_fix_tables`), so that no batch meets that cost.

The fixes are the same numbers, to the last bit, as those worked out one at a time: the
same functions compute them on the same diseases. The table's name hashes the knowledge
base's cache key, the parameters, :data:`TABLE_FORMAT`, the engine's code, the code that
derives the base's tables and the opposite-term pairs, so that a change to any of them
works the table out again; the file also records the knowledge base's key and size, and a
file that does not match them, or indexes outside them, is worked out again too. Only the default
parameters are tabled (a tuning run over other values works fixes out as it needs them),
and only when the cache folder can be written: a read-only cache, or a knowledge base that
was not loaded through the cache, falls back to working fixes out one at a time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from osteodx.engine.compact import compact
from osteodx.engine.finding_batch import dense_logs_many, sparse_logs_many
from osteodx.engine.finding_vectors import match_weights, reads_changed_all
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import SEX_VIEW_BASE, changed_subset, for_sex, restrict, view_sex
from osteodx.kb import cache
from osteodx.kb.arrayfile import read_arrays, write_arrays
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.kb.sex_patch import SEXES

__all__ = ["FixTable", "TABLE_FORMAT", "fix_table", "compute_fix_tables", "prepare_fix_tables",
           "ensure_fix_tables"]

log = logging.getLogger(__name__)

#: bump when the table's layout or meaning changes
TABLE_FORMAT = 1

_MEMO = "sex view fix tables"


@dataclass(frozen=True, slots=True)
class FixTable:
    """One sex's fixes: finding ``(q, excluded)`` has key ``2 q + excluded``; the keys with a
    fix are ``keys`` (sorted), their diseases and added log10 LRs ``idx[ptr[k]:ptr[k+1]]``
    and ``delta[...]``. Every term of the ontology is covered: a key absent has no fix."""

    keys: np.ndarray  # int64, sorted
    ptr: np.ndarray  # int64, len(keys) + 1
    idx: np.ndarray  # int32 disease indices
    delta: np.ndarray  # float64

    def get(self, q: int, excluded: bool) -> tuple[np.ndarray, np.ndarray] | None:
        """The fix of one finding, or ``None``."""
        key = 2 * q + int(excluded)
        k = int(np.searchsorted(self.keys, key))
        if k == len(self.keys) or self.keys[k] != key:
            return None
        a, b = int(self.ptr[k]), int(self.ptr[k + 1])
        return self.idx[a:b].astype(np.intp), self.delta[a:b]


def fix_table(view: KnowledgeBase, params: ModelParameters) -> FixTable | None:
    """The table of *view*'s sex for *params*, read from the cache or worked out and
    stored there; ``None`` when it is not tabled (other parameters, no cache)."""
    base = view.derived.get(SEX_VIEW_BASE)
    sex = view_sex(view)
    if base is None or sex is None:
        return None
    memo = base.derived.get(_MEMO)
    # equal parameters share the tables: a caller may build a new (equal) set per case
    if memo is None or (memo[0] is not params and memo[0] != params):
        memo = base.derived[_MEMO] = (params, _tables(base, params))
    tables = memo[1]
    return tables.get(sex) if tables is not None else None


def prepare_fix_tables(kb: KnowledgeBase, params: ModelParameters) -> None:
    """Read (or work out) both sexes' tables now: a batch that times each case calls this
    first, so that the one-off work is not counted against the first case of known sex."""
    for sex in SEXES:
        view = for_sex(kb, sex)
        if view is not kb:
            fix_table(view, params)


def ensure_fix_tables(kb: KnowledgeBase) -> None:
    """Work out and store the default parameters' tables now if the cache has none for
    *kb* (a new release, or new engine code), without reading them when it has: called
    when the knowledge base is loaded, so that whatever warms the index (a first
    ``osteodx diagnose``) warms the tables too, and no batch meets the one-off cost."""
    key = kb.derived.get(cache.CACHE_KEY)
    if not key or not len(kb.sl_disease) or _path(key, ModelParameters()).is_file():
        return
    memo = _tables(kb, ModelParameters())
    kb.derived[_MEMO] = (ModelParameters(), memo)


def _path(key: str, params: ModelParameters) -> Path:
    return cache.cache_dir() / f"sexfix-{key}-{_digest(params)}.arrays"


def _tables(kb: KnowledgeBase, params: ModelParameters) -> dict[str, FixTable] | None:
    key = kb.derived.get(cache.CACHE_KEY)  # set when loaded through the cache
    if params != ModelParameters() or not key:
        return None
    directory = cache.cache_dir()
    path = _path(key, params)
    got = _read(path, key, _shape(kb))
    if got is not None:
        return got
    if not os.access(directory, os.W_OK):
        return None
    log.info("working out the sex-specific scores of every HPO term (once per release)")
    tables = compute_fix_tables(kb, params)
    _write(path, tables, key, _shape(kb))
    return tables


def _shape(kb: KnowledgeBase) -> np.ndarray:
    return np.array([len(kb.ontology), kb.n_diseases], dtype=np.int64)


#: what a table is worked out from besides the knowledge base's arrays (its cache key) and
#: the parameters: the engine's code, the code that derives the base's tables and the
#: opposite-term pairs; a change to any of them works the table out again
_ENGINE_DIR = Path(__file__).parent
_SOURCES = (*sorted(_ENGINE_DIR.glob("*.py")),
            _ENGINE_DIR.parent / "kb" / "knowledge_base.py",
            _ENGINE_DIR.parent / "kb" / "sex_patch.py",
            _ENGINE_DIR.parent / "ontology" / "graph.py",
            _ENGINE_DIR.parent / "knowledge" / "opposites.yaml")


def _digest(params: ModelParameters) -> str:
    h = hashlib.sha256()
    h.update(str(TABLE_FORMAT).encode())
    h.update(json.dumps(params.to_dict(), sort_keys=True).encode())
    for source in _SOURCES:
        h.update(source.name.encode())
        h.update(source.read_bytes() if source.is_file() else b"-")
    return h.hexdigest()[:16]


def compute_fix_tables(kb: KnowledgeBase, params: ModelParameters,
                       jobs: int | None = None) -> dict[str, FixTable]:
    """Every term's fixes for each sex, observed and excluded (a few seconds on a full
    release): the base's values are scored once, on the diseases either sex changes.

    The terms are shared among *jobs* forked processes (default: the CPUs this process
    may use, at most :data:`MAX_JOBS`; one where the platform cannot fork): each term's
    fix is independent of the others', so the tables are the same whatever the split.
    """
    views = {sex: for_sex(kb, sex) for sex in SEXES}
    views = {sex: v for sex, v in views.items() if v is not kb}
    if not views:
        return {}
    subsets = {sex: changed_subset(v) for sex, v in views.items()}
    union = np.unique(np.concatenate([s[1] for s in subsets.values()]))
    work = _Work(views, subsets, {sex: compact(s[0]) for sex, s in subsets.items()},
                 compact(restrict(kb, union)), union,
                 {sex: np.searchsorted(union, s[1]) for sex, s in subsets.items()},
                 {sex: reads_changed_all(v, params, subsets[sex][2], subsets[sex][3])
                  for sex, v in views.items()},
                 params, match_weights(params))
    n, jobs = len(kb.ontology), _jobs(jobs)
    if jobs > 1:
        _FORKED["work"] = work  # inherited by the forked workers, never pickled
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                parts = pool.map(_fixes_of_share, [(k, jobs) for k in range(jobs)])
        finally:
            _FORKED.clear()
    else:
        parts = [work.fixes(range(n))]
    tables = {}
    for sex in views:
        keys = [k for part in parts for k in part[sex][0]]
        order = sorted(range(len(keys)), key=keys.__getitem__)
        idxs = [i for part in parts for i in part[sex][1]]
        deltas = [d for part in parts for d in part[sex][2]]
        tables[sex] = _table([keys[k] for k in order], [idxs[k] for k in order],
                             [deltas[k] for k in order])
    return tables


#: most processes :func:`compute_fix_tables` forks by default
MAX_JOBS = 4

_Found = dict[str, tuple[list[int], list[np.ndarray], list[np.ndarray]]]


@dataclass(frozen=True, slots=True)
class _Work:
    """What every term's fix is worked out from: the restricted views compacted
    (:func:`osteodx.engine.compact.compact`), so that blocks of terms are scored at once."""

    views: dict[str, KnowledgeBase]
    subsets: dict[str, tuple]  # sex -> changed_subset(view)
    compacted: dict[str, KnowledgeBase]  # sex -> its subset, compacted
    base_subset: KnowledgeBase  # the base restricted to the diseases either view changes, compacted
    union: np.ndarray  # those diseases
    where: dict[str, np.ndarray]  # sex -> positions of its changed diseases in union
    reads: dict[str, tuple[np.ndarray, np.ndarray]]  # sex -> reads_changed_all(view)
    params: ModelParameters
    weights: np.ndarray

    def fixes(self, terms: range) -> _Found:
        p, w = self.params, self.weights
        found: _Found = {sex: ([], [], []) for sex in self.views}
        for start in range(0, len(terms), _TERMS_AT_ONCE):
            part = terms[start:start + _TERMS_AT_ONCE]
            for excluded in (False, True):
                self._fixes_of(part, excluded, p, w, found)
        return found

    def _fixes_of(self, terms: range, excluded: bool, p: ModelParameters, w: np.ndarray,
                  found: _Found) -> None:
        needs = {sex: [q for q in terms if self.reads[sex][int(excluded)][q]]
                 for sex in self.views}
        scored = sorted({q for qs in needs.values() for q in qs})
        if not scored:
            return
        # the base's values, as sparse_logs gives them (base + excess, added in that order)
        now = np.empty((len(scored), len(self.union)))
        for k, (b, rows, excess) in enumerate(sparse_logs_many(
                self.base_subset, [(q, excluded) for q in scored], p, w)):
            now[k] = b
            now[k, rows] += excess
        slot = {q: k for k, q in enumerate(scored)}
        for sex, qs in needs.items():
            if not qs:
                continue
            idx = self.subsets[sex][1]
            logs = dense_logs_many(self.compacted[sex], qs, excluded, p, w, block=_TERMS_AT_ONCE)
            base = now[[slot[q] for q in qs]][:, self.where[sex]]
            keys, idxs, deltas = found[sex]
            for q, row, was in zip(qs, logs, base, strict=True):
                differs = np.flatnonzero(np.abs(row - was) > 1e-12)  # as view_fix tests
                if len(differs):
                    keys.append(2 * q + int(excluded))
                    idxs.append(idx[differs])
                    deltas.append(row[differs] - was[differs])


#: terms scored in one block when the tables are worked out (a block holds this many rows
#: of a few hundred diseases)
_TERMS_AT_ONCE = 256


_FORKED: dict[str, _Work] = {}


def _fixes_of_share(share: tuple[int, int]) -> _Found:
    """In a forked worker: the fixes of every *jobs*-th term from the *k*-th."""
    k, jobs = share
    work = _FORKED["work"]
    return work.fixes(range(k, len(work.base_subset.ontology), jobs))


def _jobs(jobs: int | None) -> int:
    if ("fork" not in multiprocessing.get_all_start_methods()
            or multiprocessing.parent_process() is not None):
        # a worker (of this pool, or of a batch's) forks no pool of its own: forking a
        # process that runs threads (a batch worker's) can leave the copy without a lock
        # it needs, and a first build in every worker at once overloads the machine
        return 1
    if jobs is None:
        jobs = min(MAX_JOBS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                   else os.cpu_count() or 1)
    return max(1, jobs)


def _table(keys: list[int], idxs: list[np.ndarray], deltas: list[np.ndarray]) -> FixTable:
    ptr = np.zeros(len(keys) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(i) for i in idxs])
    return FixTable(np.asarray(keys, dtype=np.int64), ptr, _joined(idxs, np.int32),
                    _joined(deltas, np.float64))


def _joined(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _read(path: Path, key: str, shape: np.ndarray) -> dict[str, FixTable] | None:
    """The tables in *path*, if they were worked out for the knowledge base *key* of
    *shape* (terms, diseases) and hold only indices inside it; else ``None`` (absent,
    damaged, or another base's file under this name: worked out again)."""
    if not path.is_file():
        return None
    try:
        arrays = read_arrays(path)
        if str(arrays["kb_key"]) != key or not np.array_equal(arrays["shape"], shape):
            raise ValueError("worked out for another knowledge base")
        tables = {sex: FixTable(*(arrays[f"{sex}_{f}"] for f in FixTable.__slots__))
                  for sex in SEXES if f"{sex}_keys" in arrays}
        for table in tables.values():
            _check(table, int(shape[0]), int(shape[1]))
        return tables
    except (OSError, ValueError, KeyError, IndexError, TypeError, EOFError) as exc:
        log.info("%s: damaged (%s); working it out again", path, exc)
        return None


def _check(t: FixTable, n_terms: int, n_diseases: int) -> None:
    """Raise ValueError unless *t*'s arrays fit together and index inside the base."""
    keys, ptr = t.keys, t.ptr
    ok = (keys.ndim == ptr.ndim == t.idx.ndim == t.delta.ndim == 1
          and len(ptr) == len(keys) + 1 and len(t.idx) == len(t.delta)
          and int(ptr[0]) == 0 and int(ptr[-1]) == len(t.idx)
          and bool(np.all(np.diff(ptr) >= 0)) and bool(np.all(np.diff(keys) > 0))
          and (not len(keys) or (int(keys[0]) >= 0 and int(keys[-1]) < 2 * n_terms))
          and (not len(t.idx) or (int(t.idx.min()) >= 0 and int(t.idx.max()) < n_diseases))
          and bool(np.all(np.isfinite(t.delta))))
    if not ok:
        raise ValueError("arrays that do not fit the knowledge base")


def _write(path: Path, tables: dict[str, FixTable], key: str, shape: np.ndarray) -> None:
    arrays = {f"{sex}_{f}": getattr(t, f) for sex, t in tables.items()
              for f in FixTable.__slots__}
    arrays["kb_key"], arrays["shape"] = np.array(key), shape
    tmp: str | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".arrays",
                                         delete=False) as fh:
            tmp = fh.name
            write_arrays(fh, arrays)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        tmp = None
        for stale in path.parent.glob(f"sexfix-{key}-*"):  # older code's tables (.npz too)
            if stale != path and stale.suffix in (".arrays", ".npz"):
                stale.unlink(missing_ok=True)
    except OSError:
        return
    finally:
        if tmp is not None:  # a failed write (a full disk) leaves nothing behind
            Path(tmp).unlink(missing_ok=True)

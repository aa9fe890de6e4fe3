"""Per-finding vectors kept for a batch, and a sex view's fixes to them.

In a batch, common findings recur in many cases: each finding's weighted log10 LR
vector is worked out once per knowledge base and parameter set, in the sparse form of
:func:`osteodx.engine.finding_vectors.sparse_logs`, and kept (first in, first out beyond
:data:`CACHE_SIZE`). A patient of known sex is scored on a sex view
(:mod:`osteodx.engine.sex_view`): the whole knowledge base's vector serves, with a small
fix for the diseases the view changes, read from the table of
:mod:`osteodx.engine.view_fixes` or worked out on first use.
"""

from __future__ import annotations

import numpy as np

from osteodx.engine.finding_batch import sparse_logs_many
from osteodx.engine.finding_vectors import reads_changed, sparse_logs, view_fix
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import SEX_VIEW_BASE, changed_subset
from osteodx.engine.view_fixes import fix_table
from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase

__all__ = ["CACHE_SIZE", "Fix", "cached_logs", "prefetch"]

#: per-finding vectors kept for a batch
CACHE_SIZE = 2048

#: a sex view's correction of a finding's vector: (disease indices, added log10 LR)
Fix = tuple[np.ndarray, np.ndarray] | None


def cached_logs(kb: KnowledgeBase, q: int, excluded: bool, params: ModelParameters,
                weights: np.ndarray, *, store: bool = True
                ) -> tuple[float, np.ndarray, np.ndarray, Fix]:
    """The weighted log10 LR vector of one finding, sparse: ``(base, rows, excess)`` means
    *base* for every disease except *rows*, which have ``base + excess``; in a sex view,
    ``fix`` (or ``None``) adds ``delta`` to the diseases ``idx`` the view changes.
    Memoised per knowledge base and parameter set; ``store=False`` reads the memo but
    does not add to it (a case of thousands of findings would fill it with vectors no
    other case reads)."""
    base_of_view = kb.derived.get(SEX_VIEW_BASE)
    if base_of_view is not None:
        return _view_logs(kb, base_of_view, q, excluded, params, weights, store)
    return (*_base_logs(kb, q, excluded, params, weights, store), None)


def prefetch(kb: KnowledgeBase, terms: list[tuple[int, bool]], params: ModelParameters,
             weights: np.ndarray) -> None:
    """Work out together the findings of *terms* (``(term, excluded)``) that the memo
    lacks, as a case's loop would one by one (the same vectors, in the same order into
    the memo): the fixed cost of each numpy step is paid once per block of findings
    (:mod:`osteodx.engine.finding_batch`)."""
    base = kb.derived.get(SEX_VIEW_BASE)
    if base is None:
        base = kb
    cache = _store(base, "finding cache", params)
    new = [key for key in dict.fromkeys(terms) if key not in cache]
    if len(new) < 2 or not isinstance(base.implied, CscMatrix):  # one: the loop's own path
        return
    for key, got in zip(new, sparse_logs_many(base, new, params, weights), strict=True):
        if len(cache) >= CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[key] = got


def _store(kb: KnowledgeBase, name: str, params: ModelParameters) -> dict:
    """A knowledge base's memo *name* for one parameter set, keyed by (term, excluded):
    the parameters are hashed once per lookup of the store, not once per finding."""
    memo = kb.derived.get((name, "last"))
    if memo is not None and memo[0] is params:
        return memo[1]
    per = kb.derived.setdefault(name, {})
    got = per.get(params)
    if got is None:
        got = per[params] = {}
    kb.derived[(name, "last")] = (params, got)
    return got


def _base_logs(kb: KnowledgeBase, q: int, excluded: bool, params: ModelParameters,
               weights: np.ndarray, store: bool = True) -> tuple[float, np.ndarray, np.ndarray]:
    key = (q, excluded)
    cache = _store(kb, "finding cache", params)
    got = cache.get(key)
    if got is None:
        got = sparse_logs(kb, q, excluded, params, weights)
        if not store:
            return got
        if len(cache) >= CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[key] = got
    return got


def _view_logs(kb: KnowledgeBase, base: KnowledgeBase, q: int, excluded: bool,
               params: ModelParameters, weights: np.ndarray, store: bool = True
               ) -> tuple[float, np.ndarray, np.ndarray, Fix]:
    """:func:`cached_logs` for a sex view: the base's vector, and a fix for the diseases
    the view changes. Most findings read none of the changed columns, or come out the
    same: the base's vector serves both sexes, and only the fixes (a few hundred values
    at most) are kept per view."""
    b, rows, excess = _base_logs(base, q, excluded, params, weights, store)
    key = (q, excluded)
    fixes = _store(kb, "finding fixes", params)
    if key in fixes:
        return b, rows, excess, fixes[key]
    table = fix_table(kb, params)
    if table is not None:
        fix = table.get(q, excluded)
    else:  # scored again on the view restricted to the diseases it changes
        sub, idx, direct, implied = changed_subset(kb)
        fix = None
        if reads_changed(kb, q, excluded, params, direct, implied):
            now = np.full(len(idx), b)
            pos = np.searchsorted(rows, idx).clip(max=max(len(rows) - 1, 0))
            hit = (rows[pos] == idx) if len(rows) else np.zeros(len(idx), dtype=bool)
            now[hit] += excess[pos[hit]]
            fix = view_fix(sub, q, excluded, params, weights, now, idx)
    fixes[key] = fix  # small: kept for the whole batch
    return b, rows, excess, fix

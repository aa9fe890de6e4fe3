"""A view restricted to a few diseases, with its columns gathered into plain arrays.

:func:`osteodx.engine.sex_view.restrict` builds a restricted view in constant time: each
column is filtered when the engine reads it, which suits a batch that reads a few columns.
Working out every term's sex-view fix reads every column, so
:func:`osteodx.engine.view_fixes.compute_fix_tables` compacts the restricted views first,
and the block scorer of :mod:`osteodx.engine.finding_batch` then gathers many findings'
columns in one pass, as it does on the full knowledge base.

A compacted matrix keeps the full matrix's ``ptr`` and ``vals`` as its bounds (which terms
any disease has, each term's largest frequency: the tables shared between a knowledge base
and its views are built from them), and holds its own entries in ``entries``.
"""

from __future__ import annotations

import copy

import numpy as np

from osteodx.engine.sex_view import PatchedCsc, SubsetCsc
from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase

__all__ = ["GatheredCsc", "compact", "entries_of"]


class GatheredCsc:
    """A restricted matrix with its entries gathered by column (``entries``: pointer, row
    and value arrays, rows re-indexed to the restricted diseases); ``ptr`` and ``vals``
    are the full matrix's bounds, as in :class:`osteodx.engine.sex_view.SubsetCsc`."""

    def __init__(self, bounds: SubsetCsc, entries: tuple[np.ndarray, np.ndarray, np.ndarray]
                 ) -> None:
        self.ptr, self.vals = bounds.ptr, bounds.vals
        self.entries = entries

    def column(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        ptr, rows, vals = self.entries
        a, b = ptr[j], ptr[j + 1]
        return rows[a:b], vals[a:b]


def entries_of(m: CscMatrix | GatheredCsc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pointer, row and value arrays a block of columns is gathered from."""
    got = getattr(m, "entries", None)
    return got if got is not None else (m.ptr, m.rows, m.vals)


def compact(sub: KnowledgeBase) -> KnowledgeBase:
    """*sub* (a view from :func:`~osteodx.engine.sex_view.restrict`) with every matrix
    gathered: the same columns, read from arrays instead of filtered on each read."""
    out = copy.copy(sub)
    for name in ("direct", "implied", "negated", "curated"):
        m = getattr(sub, name)
        setattr(out, name, GatheredCsc(m, _gathered(m)))
    return out


def _gathered(m: SubsetCsc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every column of *m*, as :meth:`SubsetCsc.column` gives it, in CSC arrays."""
    source = m.base
    patched = source.columns if isinstance(source, PatchedCsc) else {}
    full = source.base if isinstance(source, PatchedCsc) else source
    n_cols = len(full.ptr) - 1
    col = np.repeat(np.arange(n_cols, dtype=np.intp), np.diff(full.ptr))
    idx = m.remap[full.rows]
    keep = idx >= 0
    if patched:
        replaced = np.zeros(n_cols, dtype=bool)
        replaced[list(patched)] = True
        keep &= ~replaced[col]
    cols, rows, vals = [col[keep]], [idx[keep]], [full.vals[keep]]
    for j, (r, v) in sorted(patched.items()):
        i = m.remap[r]
        k = i >= 0
        cols.append(np.full(int(k.sum()), j, dtype=np.intp))
        rows.append(i[k])
        vals.append(v[k])
    col, row, val = np.concatenate(cols), np.concatenate(rows), np.concatenate(vals)
    order = np.argsort(col, kind="stable")
    ptr = np.zeros(n_cols + 1, dtype=np.int64)
    ptr[1:] = np.cumsum(np.bincount(col, minlength=n_cols))
    # the columns' own dtypes (float32 values): the scores are computed in them
    return ptr, row[order].astype(np.intp), val[order]

"""The knowledge base as it holds for a patient of known sex.

An annotation limited to the other sex ("Cryptorchidism, MALE" for a girl) does not
apply, and a term annotated for each sex separately takes this sex's frequency. Only
the few hundred diseases with such annotations change: the view shares every array
with the full knowledge base and patches the columns and rows those diseases touch
(:mod:`osteodx.kb.sex_patch`, cached with the knowledge base). Assembled once per sex
and process.
"""

from __future__ import annotations

import copy

import numpy as np

from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase

__all__ = ["for_sex", "changed_subset", "restrict", "view_sex", "shared_tables", "PatchedCsc",
           "SEX_VIEW_BASE"]

_VIEW = "sex view"
#: keys of a view's ``derived``: its base, and ``(sub, rows, direct, implied)``: the view
#: restricted to the diseases it changes (``rows``, indices in the full knowledge base,
#: re-indexed from 0) and masks of the terms whose direct and implied columns changed
SEX_VIEW_BASE = "sex view base"
SEX_VIEW_SUBSET = "sex view subset"
_CHANGES = "sex view changes"


def shared_tables(kb: KnowledgeBase) -> dict:
    """The store of tables that depend only on the ontology and on the matrices' bounds
    (column maxima, opposites, depths): the full knowledge base's, for a sex view and its
    subset too, so that they are built once per process and not once per view."""
    base = kb.derived.get(SEX_VIEW_BASE)
    return kb.derived if base is None else base.derived


class PatchedCsc:
    """A :class:`CscMatrix` with some columns replaced. ``ptr`` and ``vals`` are the
    base's: the engine reads them only for bounds (which terms any disease has, each
    term's largest frequency), which the base's bound in the view too."""

    def __init__(self, base: CscMatrix, columns: dict[int, tuple[np.ndarray, np.ndarray]]):
        self.base = base
        self.columns = columns
        self.ptr = base.ptr
        self.vals = base.vals

    def column(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        got = self.columns.get(j)
        return got if got is not None else self.base.column(j)


def for_sex(kb: KnowledgeBase, sex: str | None) -> KnowledgeBase:
    """*kb* seen for a patient of *sex* (``MALE``/``FEMALE``); *kb* itself when the sex
    is unknown, when no annotation is sex-limited, or when *kb* already is a view."""
    if sex not in ("MALE", "FEMALE") or not len(kb.sl_disease) or _VIEW in kb.derived:
        return kb
    key = (_VIEW, sex)
    view = kb.derived.get(key)
    if view is None:
        view = kb.derived[key] = _build(kb, sex)
    return view


def _build(kb: KnowledgeBase, sex: str) -> KnowledgeBase:
    patch = kb.sex_patch(sex)  # cached with the knowledge base, or computed once here
    view = copy.copy(kb)
    view.direct = PatchedCsc(kb.direct, patch.columns("direct"))  # type: ignore[assignment]
    view.implied = PatchedCsc(kb.implied, patch.columns("implied"))  # type: ignore[assignment]
    view.ann_ptr, view.ann_term, view.ann_freq, view.ann_text = _splice(kb, patch.segments())
    sizes = np.diff(view.ann_ptr)
    mass = np.zeros(kb.n_diseases)
    nz = sizes > 0
    mass[nz] = np.add.reduceat(view.ann_freq.astype(np.float64), view.ann_ptr[:-1][nz])
    view.phenotype_mass = np.maximum(mass, 1.0)
    # against the full base's median, so that breadth means the same for every patient
    view.log_relative_mass = np.log10(view.phenotype_mass / kb.median_mass)
    # memos of scores and of the annotations a disease has: not shared
    own = {"finding cache", "finding fixes", "annotation index", _VIEW}
    view.derived = {k: v for k, v in kb.derived.items()
                    if (k[0] if isinstance(k, tuple) else k) not in own}
    view.derived[_VIEW] = sex
    view.derived[SEX_VIEW_BASE] = kb
    masks = np.zeros((2, len(kb.ontology)), dtype=bool)  # terms whose columns changed
    masks[0, patch.direct_cols] = True
    masks[1, patch.implied_cols] = True
    view.derived[_CHANGES] = (patch.rows.astype(np.intp), masks[0], masks[1])
    return view


def view_sex(kb: KnowledgeBase) -> str | None:
    """``MALE`` or ``FEMALE`` for a sex view, ``None`` for a knowledge base seen whole."""
    return kb.derived.get(_VIEW)


def changed_subset(view: KnowledgeBase) -> tuple[KnowledgeBase, np.ndarray, np.ndarray,
                                                  np.ndarray]:
    """``(sub, rows, direct, implied)`` of a sex view, built on first use (a batch needs
    it; one case scored in detail does not)."""
    got = view.derived.get(SEX_VIEW_SUBSET)
    if got is None:
        rows, direct, implied = view.derived[_CHANGES]
        got = view.derived[SEX_VIEW_SUBSET] = (restrict(view, rows), rows, direct, implied)
    return got


def restrict(view: KnowledgeBase, rows: np.ndarray) -> KnowledgeBase:
    """*view* (a sex view, or a knowledge base seen whole) restricted to the diseases
    *rows*, re-indexed from 0: scoring a finding on it gives those diseases' LRs at a
    fraction of the cost (the background and the information content stay the full
    knowledge base's, so the LRs are the same). Built in constant time: each column is
    filtered when the engine reads it."""
    remap = np.full(view.n_diseases, -1, dtype=np.intp)
    remap[rows] = np.arange(len(rows))
    sub = copy.copy(view)
    sub.direct = SubsetCsc(view.direct, remap)  # type: ignore[assignment]
    sub.implied = SubsetCsc(view.implied, remap)  # type: ignore[assignment]
    sub.negated = SubsetCsc(view.negated, remap)  # type: ignore[assignment]
    sub.curated = SubsetCsc(view.curated, remap)  # type: ignore[assignment]
    sub.disease_ids = [view.disease_ids[i] for i in rows.tolist()]
    sub.derived = {SEX_VIEW_BASE: view.derived.get(SEX_VIEW_BASE, view)}  # for shared_tables
    return sub


class SubsetCsc:
    """A matrix's columns restricted to some diseases (``remap``: full index -> subset
    index, -1 outside); ``ptr`` and ``vals`` are the full matrix's bounds, as in
    :class:`PatchedCsc`."""

    def __init__(self, base: CscMatrix | PatchedCsc, remap: np.ndarray) -> None:
        self.base, self.remap = base, remap
        self.ptr, self.vals = base.ptr, base.vals
        self._memo: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        #: the kept diseases, ascending, and their subset indices
        self._rows = np.flatnonzero(remap >= 0)
        self._sub = remap[self._rows]
        #: columns whose rows ascend (a compiled matrix's do): searched, not filtered
        self._sorted = base if isinstance(base, CscMatrix) else base.base \
            if isinstance(base, PatchedCsc) and isinstance(base.base, CscMatrix) else None
        self._patched = base.columns if isinstance(base, PatchedCsc) else {}

    def column(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        got = self._memo.get(j)
        if got is None:
            rows, vals = self.base.column(j)
            if self._sorted is not None and j not in self._patched \
                    and len(rows) > 4 * len(self._rows):
                # a long column: find the few kept diseases in it by binary search
                pos = np.searchsorted(rows, self._rows)
                hit = pos < len(rows)
                hit[hit] = rows[pos[hit]] == self._rows[hit]
                got = (self._sub[hit], vals[pos[hit]])
            else:
                idx = self.remap[rows]
                keep = idx >= 0
                got = (idx[keep], vals[keep])
            self._memo[j] = got
        return got


def _splice(kb: KnowledgeBase, segments: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The per-disease annotation arrays with the patched diseases' segments replaced."""
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    start = 0
    for d in sorted(segments):
        a, b = int(kb.ann_ptr[d]), int(kb.ann_ptr[d + 1])
        parts.append((kb.ann_term[start:a], kb.ann_freq[start:a], kb.ann_text[start:a]))
        parts.append(segments[d])
        start = b
    parts.append((kb.ann_term[start:], kb.ann_freq[start:], kb.ann_text[start:]))
    sizes = np.diff(kb.ann_ptr).copy()
    for d, seg in segments.items():
        sizes[d] = len(seg[0])
    ptr = np.concatenate([[0], np.cumsum(sizes)]).astype(kb.ann_ptr.dtype)
    return (ptr, np.concatenate([p[0] for p in parts]).astype(kb.ann_term.dtype),
            np.concatenate([p[1] for p in parts]).astype(kb.ann_freq.dtype),
            np.concatenate([p[2] for p in parts]).astype(kb.ann_text.dtype))

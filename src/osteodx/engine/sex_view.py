"""The knowledge base as it holds for a patient of known sex.

An annotation limited to the other sex ("Cryptorchidism, MALE" for a girl) does not
apply, and a term annotated for each sex separately takes this sex's frequency. Only
the few hundred diseases with such annotations change: the view shares every array
with the full knowledge base and patches the columns and rows those diseases touch.
Built once per sex and knowledge base.
"""

from __future__ import annotations

import copy
import math

import numpy as np

from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase

__all__ = ["for_sex", "changed_subset", "PatchedCsc", "SEX_VIEW_BASE"]

_VIEW = "sex view"
#: keys of a view's ``derived``: its base, and ``(sub, rows, direct, implied)``: the view
#: restricted to the diseases it changes (``rows``, indices in the full knowledge base,
#: re-indexed from 0) and masks of the terms whose direct and implied columns changed
SEX_VIEW_BASE = "sex view base"
SEX_VIEW_SUBSET = "sex view subset"
_CHANGES = "sex view changes"


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


def _expand(kb: KnowledgeBase, d: np.ndarray, t: np.ndarray, f: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(disease, term, frequency) triples with every ancestor of each term (itself included)."""
    onto = kb.ontology
    lo, hi = onto.anc_ptr[t], onto.anc_ptr[t + 1]
    counts = hi - lo
    total = int(counts.sum())
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    return (np.repeat(d, counts), onto.anc_idx[starts + np.arange(total)],
            np.repeat(f, counts))


def _pairs(n_terms: int, d: np.ndarray, t: np.ndarray, f: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """Sorted keys ``d * n_terms + t`` with the largest frequency of each."""
    key = d.astype(np.int64) * n_terms + t
    f = f.astype(np.float64)
    order = np.lexsort((-f, key))
    key, f = key[order], f[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    return key[first], f[first]


def _collect(out: dict[int, dict[int, float | None]], before: tuple[np.ndarray, np.ndarray],
             after: tuple[np.ndarray, np.ndarray], n_terms: int) -> None:
    """Add to *out* (term -> disease -> new value, None when gone) what changed."""
    (k0, v0), (k1, v1) = before, after
    keys = np.union1d(k0, k1)
    old = np.full(len(keys), np.nan)
    new = np.full(len(keys), np.nan)
    old[np.searchsorted(keys, k0)] = v0
    new[np.searchsorted(keys, k1)] = v1
    diff = ~((old == new) | (np.isnan(old) & np.isnan(new)))
    for key, value in zip(keys[diff].tolist(), new[diff].tolist(), strict=True):
        out.setdefault(key % n_terms, {})[key // n_terms] = None if math.isnan(value) else value


def _patch(base: CscMatrix, changes: dict[int, dict[int, float | None]],
           n_diseases: int) -> PatchedCsc:
    cols = {}
    changed = np.zeros(n_diseases, dtype=bool)
    for j, per_d in changes.items():
        rows, vals = base.column(j)
        ds = np.fromiter(per_d, dtype=np.intp, count=len(per_d))
        changed[ds] = True
        keep = ~changed[rows]
        changed[ds] = False
        add = sorted((d, v) for d, v in per_d.items() if v is not None)
        r = np.concatenate([rows[keep], np.array([d for d, _ in add], dtype=np.intp)])
        v = np.concatenate([vals[keep], np.array([x for _, x in add], dtype=np.float32)])
        order = np.argsort(r, kind="stable")
        cols[j] = (r[order], v[order])
    return PatchedCsc(base, cols)


def _build(kb: KnowledgeBase, sex: str) -> KnowledgeBase:
    freq_for = kb.sl_male if sex == "MALE" else kb.sl_female
    text_for = kb.sl_male_text if sex == "MALE" else kb.sl_female_text
    direct: dict[int, dict[int, float | None]] = {}
    implied: dict[int, dict[int, float | None]] = {}
    segments: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    old: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (disease, term, frequency)
    new: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for d in np.unique(kb.sl_disease).tolist():
        a, b = kb.ann_ptr[d], kb.ann_ptr[d + 1]
        terms, freq, text = kb.ann_term[a:b], kb.ann_freq[a:b].copy(), kb.ann_text[a:b].copy()
        sel = np.flatnonzero(kb.sl_disease == d)
        update = dict(zip(kb.sl_term[sel].tolist(), sel.tolist(), strict=True))
        keep = np.ones(len(terms), dtype=bool)
        for i, t in enumerate(terms.tolist()):
            k = update.get(t)
            if k is None:
                continue
            if math.isnan(freq_for[k]):
                keep[i] = False
            else:
                freq[i], text[i] = freq_for[k], text_for[k]
        same_freq = keep.all() and np.array_equal(freq, kb.ann_freq[a:b])
        if same_freq and np.array_equal(text, kb.ann_text[a:b]):
            continue  # "Cryptorchidism, MALE" for a boy: the disease is as it was
        segments[d] = (terms[keep], freq[keep], text[keep])
        if same_freq:
            continue  # only the annotation's text differs: nothing to score anew
        n_old = b - a
        old.append((np.full(n_old, d), terms, kb.ann_freq[a:b]))
        new.append((np.full(int(keep.sum()), d), terms[keep], freq[keep]))
    if old:  # every changed disease at once: its direct and implied values before and after
        before = [np.concatenate([x[i] for x in old]) for i in range(3)]
        after = [np.concatenate([x[i] for x in new]) for i in range(3)]
        n_terms = len(kb.ontology)
        _collect(direct, _pairs(n_terms, *before), _pairs(n_terms, *after), n_terms)
        _collect(implied, _pairs(n_terms, *_expand(kb, *before)),
                 _pairs(n_terms, *_expand(kb, *after)), n_terms)
    view = copy.copy(kb)
    view.direct = _patch(kb.direct, direct, kb.n_diseases)  # type: ignore[assignment]
    view.implied = _patch(kb.implied, implied, kb.n_diseases)  # type: ignore[assignment]
    view.ann_ptr, view.ann_term, view.ann_freq, view.ann_text = _splice(kb, segments)
    sizes = np.diff(view.ann_ptr)
    mass = np.zeros(kb.n_diseases)
    nz = sizes > 0
    mass[nz] = np.add.reduceat(view.ann_freq.astype(np.float64), view.ann_ptr[:-1][nz])
    view.phenotype_mass = np.maximum(mass, 1.0)
    # against the full base's median, so that breadth means the same for every patient
    view.log_relative_mass = np.log10(view.phenotype_mass / np.median(kb.phenotype_mass))
    own = {"finding cache", "finding fixes", _VIEW}  # memos of scores: not shared
    view.derived = {k: v for k, v in kb.derived.items()
                    if (k[0] if isinstance(k, tuple) else k) not in own}
    view.derived[_VIEW] = sex
    view.derived[SEX_VIEW_BASE] = kb
    # the diseases whose frequencies changed (a text-only change scores the same)
    rows = np.array(sorted({int(x[0][0]) for x in old if len(x[0])}), dtype=np.intp)
    masks = np.zeros((2, len(kb.ontology)), dtype=bool)  # terms whose columns changed
    masks[0, list(direct)] = True
    masks[1, list(implied)] = True
    view.derived[_CHANGES] = (rows, masks[0], masks[1])
    return view


def changed_subset(view: KnowledgeBase) -> tuple[KnowledgeBase, np.ndarray, np.ndarray,
                                                  np.ndarray]:
    """``(sub, rows, direct, implied)`` of a sex view, built on first use (a batch needs
    it; one case scored in detail does not)."""
    got = view.derived.get(SEX_VIEW_SUBSET)
    if got is None:
        rows, direct, implied = view.derived[_CHANGES]
        got = view.derived[SEX_VIEW_SUBSET] = (_restrict(view, rows), rows, direct, implied)
    return got


def _restrict(view: KnowledgeBase, rows: np.ndarray) -> KnowledgeBase:
    """*view* restricted to the diseases *rows*, re-indexed from 0: scoring a finding on
    it gives those diseases' LRs at a fraction of the cost (the background and the
    information content stay the full knowledge base's, so the LRs are the same). Built in
    constant time: each column is filtered when the engine reads it."""
    remap = np.full(view.n_diseases, -1, dtype=np.intp)
    remap[rows] = np.arange(len(rows))
    sub = copy.copy(view)
    sub.direct = SubsetCsc(view.direct, remap)  # type: ignore[assignment]
    sub.implied = SubsetCsc(view.implied, remap)  # type: ignore[assignment]
    sub.negated = SubsetCsc(view.negated, remap)  # type: ignore[assignment]
    sub.curated = SubsetCsc(view.curated, remap)  # type: ignore[assignment]
    sub.disease_ids = [view.disease_ids[i] for i in rows.tolist()]
    sub.derived = {}
    return sub


class SubsetCsc:
    """A matrix's columns restricted to some diseases (``remap``: full index -> subset
    index, -1 outside); ``ptr`` and ``vals`` are the full matrix's bounds, as in
    :class:`PatchedCsc`."""

    def __init__(self, base: CscMatrix | PatchedCsc, remap: np.ndarray) -> None:
        self.base, self.remap = base, remap
        self.ptr, self.vals = base.ptr, base.vals
        self._memo: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def column(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        got = self._memo.get(j)
        if got is None:
            rows, vals = self.base.column(j)
            idx = self.remap[rows]
            keep = idx >= 0
            got = self._memo[j] = (idx[keep], vals[keep])
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

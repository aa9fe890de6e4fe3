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


def _propagate(kb: KnowledgeBase, terms: np.ndarray, freq: np.ndarray) -> dict[int, float]:
    onto = kb.ontology
    out: dict[int, float] = {}
    for t, f in zip(terms.tolist(), freq.tolist(), strict=True):
        for a in onto.ancestors(t).tolist():
            if f > out.get(a, -1.0):
                out[a] = f
    return out


def _changes(old: dict[int, float], new: dict[int, float]) -> dict[int, float | None]:
    keys = old.keys() | new.keys()
    return {k: new.get(k) for k in keys if old.get(k) != new.get(k)}


def _patch(base: CscMatrix, changes: dict[int, dict[int, float | None]]) -> PatchedCsc:
    cols = {}
    for j, per_d in changes.items():
        rows, vals = base.column(j)
        keep = ~np.isin(rows, np.fromiter(per_d, dtype=np.intp, count=len(per_d)))
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
        segments[d] = (terms[keep], freq[keep], text[keep])
        old_direct = dict(zip(terms.tolist(), kb.ann_freq[a:b].tolist(), strict=True))
        new_direct = dict(zip(terms[keep].tolist(), freq[keep].tolist(), strict=True))
        for t, v in _changes(old_direct, new_direct).items():
            direct.setdefault(t, {})[d] = v
        old_implied = _propagate(kb, terms, kb.ann_freq[a:b])
        new_implied = _propagate(kb, terms[keep], freq[keep])
        for t, v in _changes(old_implied, new_implied).items():
            implied.setdefault(t, {})[d] = v
    view = copy.copy(kb)
    view.direct = _patch(kb.direct, direct)  # type: ignore[assignment]
    view.implied = _patch(kb.implied, implied)  # type: ignore[assignment]
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
    rows = np.array(sorted(segments), dtype=np.intp)
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
    information content stay the full knowledge base's, so the LRs are the same)."""
    remap = np.full(view.n_diseases, -1, dtype=np.intp)
    remap[rows] = np.arange(len(rows))
    n_terms = len(view.ontology)

    def restrict(m: CscMatrix | PatchedCsc) -> CscMatrix:
        base = m.base if isinstance(m, PatchedCsc) else m
        cols = np.repeat(np.arange(n_terms), np.diff(base.ptr))
        keep = remap[base.rows] >= 0
        extra = []
        if isinstance(m, PatchedCsc) and m.columns:
            replaced = np.zeros(n_terms, dtype=bool)
            replaced[list(m.columns)] = True
            keep &= ~replaced[cols]
            for j, (r, v) in m.columns.items():
                k = remap[r] >= 0
                extra.append((remap[r[k]], np.full(int(k.sum()), j), v[k]))
        parts = [(remap[base.rows[keep]], cols[keep], base.vals[keep]), *extra]
        return CscMatrix.from_triples(*(np.concatenate([p[i] for p in parts]) for i in range(3)),
                                      n_terms)

    sub = copy.copy(view)
    sub.direct, sub.implied = restrict(view.direct), restrict(view.implied)
    sub.negated, sub.curated = restrict(view.negated), restrict(view.curated)
    sub.disease_ids = [view.disease_ids[i] for i in rows.tolist()]
    sub.derived = {}
    return sub


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

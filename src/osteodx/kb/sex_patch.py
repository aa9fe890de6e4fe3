"""What a patient's sex changes in the compiled knowledge base, computed once.

For each sex, the few hundred diseases with sex-limited annotations
(:mod:`osteodx.kb.sex_limited`) are seen as they hold for that sex: their annotation
segments, and the direct and implied matrix columns their changes touch. The patch is
small (a few thousand values) and is cached on disk with the knowledge base, so that a
process scoring patients of known sex does not recompute it; the engine assembles a view
from it (:func:`osteodx.engine.sex_view.for_sex`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np

__all__ = ["SexPatch", "compute_sex_patch", "SEXES"]

#: the sexes a patch is computed for
SEXES = ("MALE", "FEMALE")


@dataclass(slots=True)
class SexPatch:
    """The changes one sex makes (arrays only, so that it can be cached as they are).

    * ``direct_cols`` / ``implied_cols``: the matrix columns that change, each given whole
      as CSC arrays (``*_ptr`` into ``*_rows`` and ``*_vals``)
    * ``seg_disease``: the diseases whose annotation list changes (frequency or text), and
      their new lists (``seg_ptr`` into ``seg_term``, ``seg_freq``, ``seg_text``)
    * ``rows``: the diseases whose frequencies change (a text-only change scores the same)
    """

    direct_cols: np.ndarray
    direct_ptr: np.ndarray
    direct_rows: np.ndarray
    direct_vals: np.ndarray
    implied_cols: np.ndarray
    implied_ptr: np.ndarray
    implied_rows: np.ndarray
    implied_vals: np.ndarray
    seg_disease: np.ndarray
    seg_ptr: np.ndarray
    seg_term: np.ndarray
    seg_freq: np.ndarray
    seg_text: np.ndarray
    rows: np.ndarray

    def arrays(self) -> dict[str, np.ndarray]:
        """The fields by name (for the on-disk cache)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> SexPatch:
        return cls(**{f.name: arrays[f.name] for f in fields(cls)})

    def columns(self, which: str) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """``{term: (disease rows, values)}`` of the changed ``direct`` or ``implied`` columns."""
        cols, ptr = getattr(self, f"{which}_cols"), getattr(self, f"{which}_ptr")
        rows = getattr(self, f"{which}_rows").astype(np.intp)
        vals = getattr(self, f"{which}_vals")
        return {j: (rows[ptr[k]:ptr[k + 1]], vals[ptr[k]:ptr[k + 1]])
                for k, j in enumerate(cols.tolist())}

    def segments(self) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """``{disease: (terms, frequencies, texts)}`` of the changed annotation lists."""
        p = self.seg_ptr
        return {d: (self.seg_term[p[k]:p[k + 1]], self.seg_freq[p[k]:p[k + 1]],
                    self.seg_text[p[k]:p[k + 1]])
                for k, d in enumerate(self.seg_disease.tolist())}


def compute_sex_patch(kb, sex: str) -> SexPatch:
    """The patch of *kb* (a :class:`~osteodx.kb.knowledge_base.KnowledgeBase`) for a
    patient of *sex* (``MALE`` or ``FEMALE``)."""
    freq_for = kb.sl_male if sex == "MALE" else kb.sl_female
    text_for = kb.sl_male_text if sex == "MALE" else kb.sl_female_text
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
        old.append((np.full(b - a, d), terms, kb.ann_freq[a:b]))
        new.append((np.full(int(keep.sum()), d), terms[keep], freq[keep]))
    direct: dict[int, dict[int, float | None]] = {}
    implied: dict[int, dict[int, float | None]] = {}
    if old:  # every changed disease at once: its direct and implied values before and after
        before = [np.concatenate([x[i] for x in old]) for i in range(3)]
        after = [np.concatenate([x[i] for x in new]) for i in range(3)]
        n_terms = len(kb.ontology)
        _collect(direct, _pairs(n_terms, *before), _pairs(n_terms, *after), n_terms)
        _collect(implied, _pairs(n_terms, *_expand(kb, *before)),
                 _pairs(n_terms, *_expand(kb, *after)), n_terms)
    d_cols = _patch(kb.direct, direct, kb.n_diseases)
    i_cols = _patch(kb.implied, implied, kb.n_diseases)
    seg_ids = sorted(segments)
    seg_sizes = [len(segments[d][0]) for d in seg_ids]
    parts = [segments[d] for d in seg_ids]
    return SexPatch(
        *d_cols, *i_cols,
        seg_disease=np.array(seg_ids, dtype=np.int32),
        seg_ptr=np.concatenate([[0], np.cumsum(seg_sizes)]).astype(np.int64),
        seg_term=_cat([p[0] for p in parts], kb.ann_term.dtype),
        seg_freq=_cat([p[1] for p in parts], kb.ann_freq.dtype),
        seg_text=_cat([p[2] for p in parts], kb.ann_text.dtype),
        rows=np.array(sorted({int(x[0][0]) for x in old if len(x[0])}), dtype=np.int32))


def _cat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _expand(kb, d: np.ndarray, t: np.ndarray, f: np.ndarray
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


def _patch(base, changes: dict[int, dict[int, float | None]], n_diseases: int
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The changed columns of *base* (a CSC matrix), whole, as ``(cols, ptr, rows, vals)``."""
    cols, sizes, all_rows, all_vals = [], [0], [], []
    changed = np.zeros(n_diseases, dtype=bool)
    for j in sorted(changes):
        per_d = changes[j]
        rows, vals = base.column(j)
        ds = np.fromiter(per_d, dtype=np.intp, count=len(per_d))
        changed[ds] = True
        keep = ~changed[rows]
        changed[ds] = False
        add = sorted((d, v) for d, v in per_d.items() if v is not None)
        r = np.concatenate([rows[keep], np.array([d for d, _ in add], dtype=np.intp)])
        v = np.concatenate([vals[keep], np.array([x for _, x in add], dtype=np.float32)])
        order = np.argsort(r, kind="stable")
        cols.append(j)
        sizes.append(len(r))
        all_rows.append(r[order])
        all_vals.append(v[order])
    return (np.array(cols, dtype=np.int32), np.cumsum(sizes).astype(np.int64),
            _cat(all_rows, np.int32), _cat(all_vals, np.float32))

"""Many findings' sparse log10 LR vectors at once, the same to the bit as one at a time.

A batch's first sight of a finding costs a pass over its informative ancestors'
columns (:func:`osteodx.engine.finding_vectors.observed_lr`): about ten small numpy
updates, whose fixed cost per call outweighs the data they move. A case brings several
new findings together, so this module scores them together: every (finding, ancestor)
column is gathered in one pass and merged with one ``np.maximum.at`` over a block of
rows (one row per finding), and the sparse form of
:func:`osteodx.engine.finding_vectors.sparse_logs` is read from the whole block.

The result does not depend on the order of the updates: the value is the largest
candidate, and the match code is *finding more specific* wherever a directly annotated
ancestor reaches that value (its updates win ties), otherwise *common ancestor* wherever
an implied ancestor beats the unmatched floor - which is what the one-at-a-time loop
leaves, in whatever order it visits the ancestors. The finding's own columns, curated
absences and opposite findings follow in the loop's order. ``tests/engine`` compares both
paths for every term of the toy release and a sample of the real one.
"""

from __future__ import annotations

import numpy as np

from osteodx.engine import match as M
from osteodx.engine.compact import entries_of
from osteodx.engine.finding_vectors import (
    _curated_absences,
    _opposite_findings,
    _update,
    absence_terms,
    column_maxima,
    opposites_of,
    too_general,
)
from osteodx.engine.params import ModelParameters
from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase

__all__ = ["sparse_logs_many", "dense_logs_many", "BLOCK"]

#: findings scored in one block (a block holds 2 x BLOCK x diseases values)
BLOCK = 32

Sparse = tuple[float, np.ndarray, np.ndarray]


def sparse_logs_many(kb: KnowledgeBase, terms: list[tuple[int, bool]],
                     params: ModelParameters, weights: np.ndarray) -> list[Sparse]:
    """:func:`osteodx.engine.finding_vectors.sparse_logs` for each ``(term, excluded)``."""
    out: dict[int, Sparse] = {}
    for excluded in (False, True):
        slots = [k for k, (_, e) in enumerate(terms) if e is excluded]
        for start in range(0, len(slots), BLOCK):
            part = slots[start:start + BLOCK]
            qs = np.array([terms[k][0] for k in part], dtype=np.intp)
            if excluded:
                lr, base_lr = _excluded_block(kb, qs, params)
                block = _excluded_sparse(lr, base_lr, kb.n_diseases)
            else:
                lr, code, floors = _observed_block(kb, qs, params)
                block = _observed_sparse(lr, code, floors, weights, kb.n_diseases)
            out.update(zip(part, block, strict=True))
    return [out[k] for k in range(len(terms))]


def dense_logs_many(kb: KnowledgeBase, terms: list[int], excluded: bool,
                    params: ModelParameters, weights: np.ndarray, block: int = BLOCK
                    ) -> np.ndarray:
    """Each finding's weighted log10 LR over every disease of *kb*, one row per term, as
    :func:`osteodx.engine.finding_vectors.view_fix` computes them one at a time: for a
    knowledge base of few diseases (a sex view's changed ones), where every row is short."""
    n = kb.n_diseases
    out = np.empty((len(terms), n))
    for start in range(0, len(terms), block):
        qs = np.array(terms[start:start + block], dtype=np.intp)
        rows = out[start:start + len(qs)]
        if excluded:
            lr, _ = _excluded_block(kb, qs, params)
            np.log10(lr.reshape(len(qs), n), out=rows)
        else:
            lr, code, _ = _observed_block(kb, qs, params)
            rows[...] = (np.log10(lr) * weights.take(code)).reshape(len(qs), n)
    return out


def _ranges(ptr: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the entries of columns *cols* of a CSR/CSC pointer array, one pass,
    and each column's length."""
    starts = ptr[cols]
    lengths = ptr[cols + 1] - starts
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.intp), lengths
    ends = np.cumsum(lengths)
    offsets = np.repeat(starts - (ends - lengths), lengths)
    return offsets + np.arange(total), lengths


def _gather(m: CscMatrix, cols: np.ndarray, owner: np.ndarray, n: int
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Block positions (``owner * n + disease``) and values of columns *cols*, and each
    column's length (to spread a per-column factor with ``np.repeat``)."""
    ptr, rows, vals = entries_of(m)
    pos, lengths = _ranges(ptr, cols)
    return np.repeat(owner * n, lengths) + rows[pos], vals[pos], lengths


def _observed_block(kb: KnowledgeBase, qs: np.ndarray, p: ModelParameters
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The block's LRs and match codes (flattened, one row of diseases per finding) and
    each finding's unmatched floor."""
    n, t = kb.n_diseases, len(qs)
    onto = kb.ontology
    bg = kb.background ** p.background_exponent if p.background_exponent != 1.0 \
        else kb.background
    floors = np.maximum(p.unmatched_lr, np.minimum(1.0, p.unmatched_scale * kb.background[qs]))
    pos, counts = _ranges(onto.anc_ptr, qs)
    anc = onto.anc_idx[pos]
    owner = np.repeat(np.arange(t), counts)
    floor_of = floors[owner]
    top_direct, top_implied = column_maxima(kb)
    informative = (kb.ic[anc] >= p.min_ancestor_ic) & (
        top_implied[anc] * (p.ancestor_discount / bg[anc]) > floor_of)
    annotated = ((kb.direct.ptr[anc + 1] > kb.direct.ptr[anc]) & ~too_general(kb)[anc]
                 & (top_direct[anc] * (p.specific_discount / bg[anc]) > floor_of))
    other = anc != qs[owner]

    lr = np.repeat(floors, n)  # the block, one row of n diseases per finding, flattened
    code = np.full(t * n, M.NO_MATCH, dtype=np.int8)
    sel = other & informative
    if sel.any():
        a = anc[sel]
        flat, vals, lengths = _gather(kb.implied, a, owner[sel], n)
        np.maximum.at(lr, flat, vals * np.repeat(p.ancestor_discount / bg[a], lengths))
        # every position above its row's floor, in place (NO_MATCH is 0, True is 1)
        np.greater(lr.reshape(t, n), floors[:, None], out=code.reshape(t, n).view(bool))
        code *= np.int8(M.COMMON_ANCESTOR)
    sel = other & annotated
    if sel.any():
        a = anc[sel]
        flat, vals, lengths = _gather(kb.direct, a, owner[sel], n)
        best = np.empty(t * n)  # read only where written: at the gathered positions
        best[flat] = -np.inf
        np.maximum.at(best, flat, vals * np.repeat(p.specific_discount / bg[a], lengths))
        win = flat[best[flat] >= lr[flat]]  # repeats write the same value twice
        lr[win] = best[win]
        code[win] = M.FINDING_MORE_SPECIFIC
    slot = np.arange(t)
    for m, c, ties in ((kb.implied, M.FINDING_MORE_GENERAL, False), (kb.direct, M.EXACT, True)):
        flat, vals, lengths = _gather(m, qs, slot, n)  # divided, as the loop does
        # the loop's own update, on the flattened block (a column repeats no disease)
        _update(lr, code, None, flat, vals / np.repeat(bg[qs], lengths), c, -1, ties=ties)
    lr2, code2 = lr.reshape(t, n), code.reshape(t, n)
    for k, q in enumerate(qs.tolist()):  # rare, and written for one finding's row
        if absence_terms(kb, q, False):
            rows, _ = kb.implied.column(q)
            _curated_absences(kb, q, rows, lr2[k], code2[k], None, p.negated_lr, M.NEGATED)
        if opposites_of(kb, q):
            _opposite_findings(kb, q, p, float(floors[k]), lr2[k], code2[k], None)
    return lr, code, floors


def _observed_sparse(lr: np.ndarray, code: np.ndarray, floors: np.ndarray,
                     weights: np.ndarray, n: int) -> list[Sparse]:
    t = len(floors)
    hit = np.flatnonzero(code != M.NO_MATCH)
    bases = np.log10(floors) * weights[M.NO_MATCH]
    vals = np.log10(lr[hit]) * weights.take(code[hit])
    return _split(hit, vals, bases, n, t)


def _excluded_block(kb: KnowledgeBase, qs: np.ndarray, p: ModelParameters
                    ) -> tuple[np.ndarray, np.ndarray]:
    """The block's LRs (flattened) and each finding's plain ``1 / (1 - w b)``."""
    n, t = kb.n_diseases, len(qs)
    w = p.excluded_weight
    denom = 1.0 - w * kb.background[qs]
    base_lr = 1.0 / denom
    lr = np.repeat(base_lr, n)
    slot = np.arange(t)
    flat, vals, lengths = _gather(kb.implied, qs, slot, n)
    lr[flat] = ((1.0 - w * np.minimum(vals, 1.0) ** p.excluded_exponent)
                / np.repeat(denom, lengths))
    flat, vals, lengths = _gather(kb.curated, qs, slot, n)
    if len(flat):
        lr[flat] = np.minimum(lr[flat], (1.0 - p.curated_excluded_weight * vals)
                              / np.repeat(denom, lengths))
    lr2 = lr.reshape(t, n)
    for k, q in enumerate(qs.tolist()):
        if absence_terms(kb, q, True):
            rows, _ = kb.implied.column(q)
            _curated_absences(kb, q, rows, lr2[k], None, None,
                              p.excluded_negated_lr / denom[k], M.EXCLUDED_NEGATED, exact=True)
    return lr, base_lr


def _excluded_sparse(lr: np.ndarray, base_lr: np.ndarray, n: int) -> list[Sparse]:
    t = len(base_lr)
    hit = np.flatnonzero(lr.reshape(t, n) != base_lr[:, None])
    return _split(hit, np.log10(lr[hit]), np.log10(base_lr), n, t)


def _split(hit: np.ndarray, vals: np.ndarray, bases: np.ndarray, n: int, t: int
           ) -> list[Sparse]:
    """The block's changed positions, per finding: ``(base, rows, excess)``."""
    bounds = np.searchsorted(hit, np.arange(t + 1) * n)
    out = []
    for k in range(t):
        a, b = bounds[k], bounds[k + 1]
        base = float(bases[k])
        out.append((base, hit[a:b] - k * n, vals[a:b] - base))
    return out

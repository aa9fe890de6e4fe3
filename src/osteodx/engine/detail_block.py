"""Every finding's detail for a few diseases at once, the same to the bit as one finding
at a time.

A report explains 10 to 20 diseases. Scoring each finding again on the knowledge base
restricted to them (:func:`osteodx.engine.finding_vectors.observed_lr` on
:func:`osteodx.engine.sex_view.restrict`) costs about twenty small numpy calls per finding,
whatever the number of diseases. Here the columns every finding reads are gathered in one
pass, restricted to the explained diseases, and each (finding, disease) cell's value, match
code and matched term are read from its candidate updates with a few whole-array
operations.

The one-at-a-time loop visits a finding's updates in a fixed order (its ancestors' implied
then direct columns, then its own implied and direct columns); an update wins when its value
is larger than the cell's, or, for a direct column, not smaller. So a cell ends with the
largest value, and with the code and term of the *last* direct-column update that reaches
it, or else of the *first* update that reaches it when that beats the unmatched floor. The
curated absences that follow are applied to the whole block (the last absent term in the
finding's order is the one named), and the rare opposite findings row by row, as in the
loop. ``tests/engine`` compares both paths.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from osteodx.engine import match as M
from osteodx.engine.finding_batch import _ranges
from osteodx.engine.finding_vectors import (
    _ancestor_steps,
    _background,
    _opposite_findings,
    absence_terms,
    opposites_of,
)
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import PatchedCsc, restrict
from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase

__all__ = ["detail_block", "BLOCK"]

#: findings worked out together (their gathered columns: a few MB)
BLOCK = 64

Column = tuple[np.ndarray, np.ndarray, np.ndarray]


def detail_block(view: KnowledgeBase, rows: np.ndarray, findings: Sequence[tuple[int, bool]],
                 params: ModelParameters, weights: np.ndarray) -> Column:
    """``(log10 LR, code, matched)``, each ``(len(rows), len(findings))``: every finding's
    weighted log10 LR, match code and matched term (-1: none) for the diseases *rows* of
    *view* (a sex view or the whole knowledge base)."""
    k, nf = len(rows), len(findings)
    logs = np.zeros((k, nf))
    code = np.zeros((k, nf), dtype=np.int8)
    matched = np.full((k, nf), -1, dtype=np.int32)
    if not k or not nf:
        return logs, code, matched
    remap = np.full(view.n_diseases, -1, dtype=np.intp)
    remap[rows] = np.arange(k)
    sub = restrict(view, rows)  # for the rare opposite findings, row by row
    obs = [i for i, (_, excluded) in enumerate(findings) if not excluded]
    exc = [i for i, (_, excluded) in enumerate(findings) if excluded]
    for start in range(0, len(obs), BLOCK):  # a block at a time: its columns fit in memory
        part = obs[start:start + BLOCK]
        lr, c, m = _observed(view, sub, remap, k, [findings[i][0] for i in part], params)
        logs[:, part] = np.log10(lr) * weights.take(c)
        code[:, part], matched[:, part] = c, m
    for start in range(0, len(exc), BLOCK):
        part = exc[start:start + BLOCK]
        lr, c, m = _excluded(view, remap, k, [findings[i][0] for i in part], params)
        logs[:, part] = np.log10(lr)
        code[:, part], matched[:, part] = c, m
    return logs, code, matched


def _columns(m: CscMatrix | PatchedCsc, terms: np.ndarray, remap: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries of columns *terms* of *m* that fall on the kept diseases: (which of the
    columns, subset row, value). The columns are read whole and filtered: a binary search
    of the kept diseases in each column was measured slower for a report's 10 to 20."""
    which_parts, row_parts, val_parts = [], [], []
    if isinstance(m, PatchedCsc):
        slot, ptr, rows, vals = _packed(m)
        at = slot[terms]
        sources = [(m.base.ptr, m.base.rows, m.base.vals, np.flatnonzero(at < 0), terms),
                   (ptr, rows, vals, np.flatnonzero(at >= 0), at)]
    else:
        sources = [(m.ptr, m.rows, m.vals, np.arange(len(terms)), terms)]
    for ptr, rows, vals, idx, cols in sources:
        if not len(idx):
            continue
        pos, lengths = _ranges(ptr, cols[idx])
        sub = remap[rows[pos]]
        keep = sub >= 0
        which_parts.append(np.repeat(idx, lengths)[keep])
        row_parts.append(sub[keep])
        val_parts.append(vals[pos[keep]])
    if not which_parts:
        return (np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp),
                np.zeros(0, dtype=np.float32))
    return (np.concatenate(which_parts), np.concatenate(row_parts),
            np.concatenate(val_parts))


def _packed(m: PatchedCsc) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A sex view's replaced columns as one compact matrix: (slot of each term, -1 for a
    column not replaced; pointers, rows and values by slot), built once per view."""
    got = getattr(m, "_packed", None)
    if got is None:
        terms = sorted(m.columns)
        slot = np.full(len(m.base.ptr) - 1, -1, dtype=np.intp)
        slot[terms] = np.arange(len(terms))
        cols = [m.columns[t] for t in terms]
        ptr = np.zeros(len(terms) + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(r) for r, _ in cols])
        rows = np.concatenate([np.asarray(r, dtype=np.intp) for r, _ in cols]) if cols \
            else np.zeros(0, dtype=np.intp)
        vals = np.concatenate([v for _, v in cols]) if cols else np.zeros(0, dtype=np.float32)
        got = m._packed = (slot, ptr, rows, vals)  # type: ignore[attr-defined]
    return got


def _absences(view: KnowledgeBase, remap: np.ndarray, k: int, qs: list[int], exact: bool,
              has_q: np.ndarray, value: np.ndarray, c: int, lr: np.ndarray,
              code: np.ndarray, matched: np.ndarray) -> None:
    """:func:`osteodx.engine.finding_vectors._curated_absences` for every finding of the
    block: a disease curated as NOT having the finding (or an ancestor, unless *exact*)
    and not having the finding itself takes ``value[i]``, code *c* and, as the matched
    term, the last such term in the finding's order."""
    owner, terms = [], []
    for i, q in enumerate(qs):
        got = absence_terms(view, q, exact)
        owner += [i] * len(got)
        terms += got
    if not terms:
        return
    owner_arr = np.array(owner, dtype=np.intp)
    term_arr = np.array(terms, dtype=np.intp)
    which, row, _ = _columns(view.negated, term_arr, remap)
    cell = owner_arr[which] * k + row
    keep = ~has_q[cell]
    cell, which = cell[keep], which[keep]
    if not len(cell):
        return
    lr[cell] = value[owner_arr[which]]
    code[cell] = c
    last = np.full(len(lr), -1, dtype=np.intp)
    np.maximum.at(last, cell, which)  # a finding's terms are listed in its order
    hit = np.flatnonzero(last >= 0)
    matched[hit] = term_arr[last[hit]]


def _observed(view: KnowledgeBase, sub: KnowledgeBase, remap: np.ndarray, k: int,
              qs: list[int], p: ModelParameters) -> Column:
    # every finding's updates, in the loop's order: (finding, on the implied matrix?, term,
    # factor, code, wins ties?, divides?) - a factor multiplies an ancestor's column and
    # divides the finding's own
    updates: list[tuple[int, bool, int, float, int, bool, bool]] = []
    floors = np.empty(len(qs))
    bg = _background(view, p)
    for i, q in enumerate(qs):
        floors[i], steps = _ancestor_steps(view, q, p, True)
        for a, info, ann, k_info, k_ann in steps:
            if info:
                updates.append((i, True, a, k_info, M.COMMON_ANCESTOR, False, False))
            if ann:
                updates.append((i, False, a, k_ann, M.FINDING_MORE_SPECIFIC, True, False))
        updates.append((i, True, q, bg[q], M.FINDING_MORE_GENERAL, False, True))
        updates.append((i, False, q, bg[q], M.EXACT, True, True))
    finding, implied, term, factor, codes, ties, divide = zip(*updates, strict=True)
    t = len(qs)
    lr = np.repeat(floors, k)  # cell i * k + d
    code = np.full(t * k, M.NO_MATCH, dtype=np.int8)
    matched = np.full(t * k, -1, dtype=np.int32)
    u_finding = np.array(finding, dtype=np.intp)
    u_implied = np.array(implied, dtype=bool)
    u_term = np.array(term, dtype=np.intp)
    u_factor = np.array(factor, dtype=np.float64)
    u_divide = np.array(divide, dtype=bool)
    # the candidates of every update, gathered per matrix and put back in update order
    parts = []
    for on_implied, m in ((True, view.implied), (False, view.direct)):
        ids = np.flatnonzero(u_implied == on_implied)
        which, r, v = _columns(m, u_term[ids], remap)
        parts.append((ids[which], r, v))
    upd = np.concatenate([x[0] for x in parts])
    row = np.concatenate([x[1] for x in parts])
    vals = np.concatenate([x[2] for x in parts])
    if len(upd):
        value = np.where(u_divide[upd], vals / u_factor[upd], vals * u_factor[upd])
        cell = u_finding[upd] * k + row
        best = lr.copy()
        np.maximum.at(best, cell, value)
        reach = value == best[cell]
        tie = np.array(ties, dtype=bool)[upd] & reach
        last_tie = np.full(t * k, -1, dtype=np.intp)
        np.maximum.at(last_tie, cell[tie], upd[tie])
        first = np.full(t * k, len(u_finding), dtype=np.intp)
        np.minimum.at(first, cell[reach], upd[reach])
        win = np.where(last_tie >= 0, last_tie, np.where(best > lr, first, -1))
        hit = np.flatnonzero(win >= 0)
        lr = best
        code[hit] = np.array(codes, dtype=np.int8)[win[hit]]
        matched[hit] = u_term[win[hit]]
    has_q = np.zeros(t * k, dtype=bool)  # diseases with the finding itself
    if len(upd):
        own = u_divide[upd] & u_implied[upd]
        has_q[cell[own]] = True
    _absences(view, remap, k, qs, False, has_q, np.full(t, p.negated_lr), M.NEGATED, lr,
              code, matched)
    lr2, code2, matched2 = lr.reshape(t, k), code.reshape(t, k), matched.reshape(t, k)
    for i, q in enumerate(qs):  # rare (803 terms have an opposite), written for one row
        if opposites_of(view, q):
            _opposite_findings(sub, q, p, float(floors[i]), lr2[i], code2[i], matched2[i])
    return lr2.T, code2.T, matched2.T


def _excluded(view: KnowledgeBase, remap: np.ndarray, k: int, qs: list[int],
              p: ModelParameters) -> Column:
    t = len(qs)
    w = p.excluded_weight
    q_arr = np.array(qs, dtype=np.intp)
    denom = 1.0 - w * view.background[q_arr]
    lr = np.repeat(1.0 / denom, k)
    code = np.full(t * k, M.EXCLUDED_ABSENT, dtype=np.int8)
    matched = np.full(t * k, -1, dtype=np.int32)
    which, row, vals = _columns(view.implied, q_arr, remap)
    cell = present = which * k + row
    lr[cell] = (1.0 - w * np.minimum(vals, 1.0) ** p.excluded_exponent) / denom[which]
    code[cell] = M.EXCLUDED_PRESENT
    matched[cell] = q_arr[which]
    which, row, vals = _columns(view.curated, q_arr, remap)
    if len(which):
        cell = which * k + row
        lr[cell] = np.minimum(lr[cell], (1.0 - p.curated_excluded_weight * vals) / denom[which])
    has_q = np.zeros(t * k, dtype=bool)
    has_q[present] = True
    _absences(view, remap, k, qs, True, has_q, p.excluded_negated_lr / denom,
              M.EXCLUDED_NEGATED, lr, code, matched)
    return lr.reshape(t, k).T, code.reshape(t, k).T, matched.reshape(t, k).T

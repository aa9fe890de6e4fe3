"""One finding's likelihood ratio against every disease, as a vector.

For a finding *q* and disease *d*, with ``P_d(t)`` the implied frequency of
term *t* in *d* and ``b(t)`` its background frequency over all diseases:

* observed, ``P_d(q) > 0``: ``LR = P_d(q) / b(q)`` (exact or finding more general)
* observed, an ancestor *a* of *q* annotated to *d*: ``LR = k_s f_d(a) / b(a)``
* observed, informative ancestor *a* implied in *d*: ``LR = k_a P_d(a) / b(a)``
* observed, none of these: ``LR = max(e, min(1, s b(q)))`` (unmatched); curated NOT: ``e_not``
* excluded: ``LR = (1 - w P_d(q)^g) / (1 - w b(q))``, or ``(1 - w_c C_d(q)) / (1 - w b(q))``
  when a knowledge pack states the feature (C_d) and that is lower;
  curated NOT q itself: ``LR = c / (1 - w b(q))``

The best (largest) of the applicable observed LRs is used.

Each function here scores one finding over all diseases of a knowledge base (or of a
sex view, or of a view restricted to some diseases); :mod:`osteodx.engine.likelihood`
sums them into a case's scores and :mod:`osteodx.engine.finding_cache` keeps them for a
batch.
"""

from __future__ import annotations

import numpy as np

from osteodx.engine import match as M
from osteodx.engine.opposites import opposites
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import shared_tables
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY

__all__ = ["observed_lr", "excluded_lr", "absence_terms", "finding_lr", "sparse_logs", "view_fix",
           "unmatched_floor", "column_maxima", "too_general", "match_weights", "reads_changed",
           "reads_changed_all",
           "opposites_of"]

_ALL_ROOT = "HP:0000001"


def _update(lr: np.ndarray, code: np.ndarray | None, matched: np.ndarray | None,
            rows: np.ndarray, cand: np.ndarray, c: int, term: int, *,
            ties: bool = False) -> None:
    if not len(rows):  # common in a sex view's small subset of diseases
        return
    cur = lr[rows]
    better = cand >= cur if ties else cand > cur
    r = rows[better]
    lr[r] = cand[better]
    if code is not None:
        code[r] = c
    if matched is not None:
        matched[r] = term


def observed_lr(kb: KnowledgeBase, q: int, p: ModelParameters, n: int, detail: bool = True):
    floor, steps = _ancestor_steps(kb, q, p, detail)
    lr = np.full(n, floor)
    code = np.full(n, M.NO_MATCH, dtype=np.int8)  # always: the weights depend on it
    matched = np.full(n, -1, dtype=np.int32) if detail else None
    for a, info, ann, k_info, k_ann in steps:
        if info:
            rows, vals = kb.implied.column(a)
            _update(lr, code, matched, rows, vals * k_info, M.COMMON_ANCESTOR, a)
        if ann:
            rows, vals = kb.direct.column(a)
            _update(lr, code, matched, rows, vals * k_ann, M.FINDING_MORE_SPECIFIC, a,
                    ties=True)
    bq = _background(kb, p)[q]
    implied_rows, vals = kb.implied.column(q)
    _update(lr, code, matched, implied_rows, vals / bq, M.FINDING_MORE_GENERAL, q)
    rows, vals = kb.direct.column(q)
    _update(lr, code, matched, rows, vals / bq, M.EXACT, q, ties=True)
    _curated_absences(kb, q, implied_rows, lr, code, matched, p.negated_lr, M.NEGATED)
    _opposite_findings(kb, q, p, floor, lr, code, matched)
    return lr, code, matched


#: ancestor plans kept per process (a few hundred bytes each)
_PLAN_MEMO = 1 << 16

Step = tuple[int, bool, bool, np.float64, np.float64]


def _background(kb: KnowledgeBase, p: ModelParameters) -> np.ndarray:
    return kb.background ** p.background_exponent if p.background_exponent != 1.0 \
        else kb.background


def _ancestor_steps(kb: KnowledgeBase, q: int, p: ModelParameters, detail: bool
                    ) -> tuple[float, list[Step]]:
    """The unmatched floor of finding *q* and the ancestors :func:`observed_lr` visits, in
    order: ``(ancestor, through its implied column, through its direct column, factor for
    each)``. They depend only on the ontology and the full knowledge base's bounds, which
    every view shares, so they are worked out once per finding and process: a report's
    explanations score the same findings again on a few diseases."""
    tables = shared_tables(kb)
    last = tables.get("ancestor steps")
    if last is None or last[0] is not p:  # hashing the parameters once, not per finding
        memo = tables.setdefault("ancestor steps by parameters", {}).setdefault(p, {})
        tables["ancestor steps"] = (p, memo)
    else:
        memo = last[1]
    key = (q, detail)
    got = memo.get(key)
    if got is not None:
        return got
    floor = unmatched_floor(kb, q, p)
    bg = _background(kb, p)
    anc = kb.ontology.ancestors(q)
    # an ancestor whose best possible LR cannot beat the unmatched floor changes nothing
    # (most general ancestors: skipping them keeps a finding's cost to its informative part)
    top_direct, top_implied = column_maxima(kb)
    informative = (kb.ic[anc] >= p.min_ancestor_ic) & (
        top_implied[anc] * (p.ancestor_discount / bg[anc]) > floor)
    annotated = ((kb.direct.ptr[anc + 1] > kb.direct.ptr[anc]) & ~too_general(kb)[anc]
                 & (top_direct[anc] * (p.specific_discount / bg[anc]) > floor))
    keep = np.flatnonzero((anc != q) & (informative | annotated))
    if not detail:  # rarest ancestor first: its larger values make later updates few
        keep = keep[np.argsort(bg[anc[keep]], kind="stable")]
    b = bg[anc[keep]]  # factors stay numpy float64: times float32 columns, float64 values
    steps = list(zip(anc[keep].tolist(), informative[keep].tolist(), annotated[keep].tolist(),
                     list(p.ancestor_discount / b), list(p.specific_discount / b), strict=True))
    if len(memo) >= _PLAN_MEMO:
        memo.pop(next(iter(memo)))
    got = memo[key] = (floor, steps)
    return got


def opposites_of(kb: KnowledgeBase, q: int) -> tuple[int, ...]:
    tables = shared_tables(kb)
    memo = tables.setdefault("opposites", {})
    got = memo.get(q)
    if got is None:
        labels = tables.get("label index")
        if labels is None:
            labels = tables["label index"] = {
                label.lower(): i for i, label in enumerate(kb.ontology.labels)}
        got = memo[q] = opposites(kb.ontology, q, labels)
    return got


#: matches that the disease's opposite annotation overrides (not one of q itself or below it)
_WEAKER_THAN_OPPOSITE = np.zeros(max(M.MATCH_CODES) + 1, dtype=bool)  # indexed by code
_WEAKER_THAN_OPPOSITE[[M.NO_MATCH, M.COMMON_ANCESTOR, M.FINDING_MORE_SPECIFIC]] = True


def _opposite_findings(kb: KnowledgeBase, q: int, p: ModelParameters, floor: float,
                       lr: np.ndarray, code: np.ndarray, matched: np.ndarray | None) -> None:
    """A disease with the opposite of *q* (a low PTH for a patient's high PTH), and not *q*
    itself, argues against it: ``LR = max(e_not, floor^w_u * (1 - P_d(opposite)))``, counted
    at full weight - the finding is only possible when the disease's opposite feature is
    absent, and then it is an unexplained finding (its usual weight ``w_u`` applied here, so
    a rare opposite feature costs hardly more than no annotation at all)."""
    unexplained = floor ** p.unmatched_weight
    for j in opposites_of(kb, q):
        rows, vals = kb.implied.column(j)
        sel = _WEAKER_THAN_OPPOSITE[code[rows]]
        rows, vals = rows[sel], vals[sel]
        new = np.maximum(p.negated_lr, unexplained * (1.0 - np.minimum(vals, 1.0)))
        if (code[rows] == M.OPPOSITE).any():  # two opposites (rare): the stronger holds
            new = np.where(code[rows] == M.OPPOSITE, np.minimum(new, lr[rows]), new)
        lr[rows] = new
        code[rows] = M.OPPOSITE
        if matched is not None:
            matched[rows] = j


def unmatched_floor(kb: KnowledgeBase, q: int, p: ModelParameters) -> float:
    """The LR of an observed finding that a disease does not explain at all."""
    return max(p.unmatched_lr, min(1.0, p.unmatched_scale * float(kb.background[q])))


def column_maxima(kb: KnowledgeBase) -> tuple[np.ndarray, np.ndarray]:
    """Per term, the largest direct and the largest implied frequency over all diseases."""
    tables = shared_tables(kb)  # a sex view's bounds are its base's
    got = tables.get("column maxima")
    if got is None:
        got = tuple(_col_max(m) for m in (kb.direct, kb.implied))
        tables["column maxima"] = got
    return got


def _col_max(m) -> np.ndarray:
    out = np.zeros(len(m.ptr) - 1)
    sizes = np.diff(m.ptr)
    nz = np.flatnonzero(sizes)
    if len(nz):
        out[nz] = np.maximum.reduceat(m.vals.astype(np.float64), m.ptr[nz])
    out.setflags(write=False)
    return out


def too_general(kb: KnowledgeBase) -> np.ndarray:
    """Terms too broad to explain a finding as its annotated ancestor: the roots and the
    organ systems ("Abnormality of metabolism/homeostasis" does not explain a low vitamin D)."""
    tables = shared_tables(kb)
    flags = tables.get("too_general")
    if flags is None:
        onto = kb.ontology
        flags = np.zeros(len(onto), dtype=bool)
        for root in (_ALL_ROOT, PHENOTYPIC_ABNORMALITY):
            if root in onto:
                i = onto.index[root]
                flags[i] = True
                if root == PHENOTYPIC_ABNORMALITY:  # its children, the organ systems
                    child = np.repeat(np.arange(len(onto)), np.diff(onto.par_ptr))
                    flags[child[onto.par_idx == i]] = True
        flags.setflags(write=False)
        tables["too_general"] = flags
    return flags


def _curated_absences(kb: KnowledgeBase, q: int, implied_rows: np.ndarray, lr: np.ndarray,
                      code: np.ndarray | None, matched: np.ndarray | None, value: float,
                      c: int, *, exact: bool = False) -> None:
    """Set *value* for diseases curated as NOT having *q* or an ancestor (unless they have q).

    With *exact*, only a curated absence of *q* itself counts: an excluded finding is
    predicted by "NOT q", but a broad absence ("NOT Abnormality of the nervous system")
    would otherwise be credited once for every excluded finding below it.
    """
    anc = absence_terms(kb, q, exact)
    if not anc:
        return
    has_q = np.zeros(len(lr), dtype=bool)
    has_q[implied_rows] = True
    for a in anc:
        rows, _ = kb.negated.column(a)
        rows = rows[~has_q[rows]]
        lr[rows] = value
        if code is not None:
            code[rows] = c
        if matched is not None:
            matched[rows] = int(a)


def absence_terms(kb: KnowledgeBase, q: int, exact: bool) -> list[int]:
    """The terms whose curated absence speaks to finding *q*: *q* itself (*exact*) or any
    of its ancestors, each kept only if some disease is curated without it."""
    if not kb.negation_in_ancestors[q]:
        return []
    memo = shared_tables(kb).setdefault("curated absence terms", {})
    anc = memo.get((q, exact))
    if anc is None:  # the same for every view: their negated columns share the bounds
        anc = np.array([q]) if exact else kb.ontology.ancestors(q)
        ptr = kb.negated.ptr
        anc = memo[(q, exact)] = anc[ptr[anc + 1] > ptr[anc]].tolist()
    return anc


def excluded_lr(kb: KnowledgeBase, q: int, p: ModelParameters, n: int, detail: bool = True):
    w = p.excluded_weight
    denom = 1.0 - w * kb.background[q]
    lr = np.full(n, 1.0 / denom)
    implied_rows, vals = kb.implied.column(q)  # only diseases with the finding: sparse update
    lr[implied_rows] = (1.0 - w * np.minimum(vals, 1.0) ** p.excluded_exponent) / denom
    code = matched = None
    if detail:
        code = np.full(n, M.EXCLUDED_ABSENT, dtype=np.int8)
        matched = np.full(n, -1, dtype=np.int32)
        code[implied_rows] = M.EXCLUDED_PRESENT
        matched[implied_rows] = q
    rows, vals = kb.curated.column(q)
    if len(rows):
        lr[rows] = np.minimum(lr[rows], (1.0 - p.curated_excluded_weight * vals) / denom)
    _curated_absences(kb, q, implied_rows, lr, code, matched, p.excluded_negated_lr / denom,
                      M.EXCLUDED_NEGATED, exact=True)
    return lr, code, matched


def match_weights(p: ModelParameters) -> np.ndarray:
    """Multiplier on an observed finding's log10 LR, indexed by match code."""
    w = np.ones(len(M.MATCH_CODES))
    w[M.EXACT] = p.exact_weight
    w[M.FINDING_MORE_GENERAL] = p.general_weight
    w[M.FINDING_MORE_SPECIFIC] = p.specific_weight
    w[M.COMMON_ANCESTOR] = p.ancestor_weight
    w[M.NO_MATCH] = p.unmatched_weight
    return w




def reads_changed(kb: KnowledgeBase, q: int, excluded: bool, p: ModelParameters,
                   direct: np.ndarray, implied: np.ndarray) -> bool:
    """Does the finding's vector read a column the sex view changed? An excluded finding
    reads q's implied column; an observed one also q's direct column, the ancestors'
    columns :func:`observed_lr` keeps (with the same bounds, which a view shares with its
    base), and its opposites' implied columns."""
    if implied[q]:
        return True
    if excluded:
        return False
    anc = kb.ontology.ancestors(q)
    hit_i, hit_d = implied[anc], direct[anc]
    if not (hit_i.any() or hit_d.any()):
        return any(implied[j] for j in opposites_of(kb, q))
    floor = unmatched_floor(kb, q, p)
    bg = kb.background ** p.background_exponent if p.background_exponent != 1.0 \
        else kb.background
    top_direct, top_implied = column_maxima(kb)
    a = anc[hit_i]
    if ((kb.ic[a] >= p.min_ancestor_ic) & (top_implied[a] * (p.ancestor_discount / bg[a])
                                            > floor) & (a != q)).any():
        return True
    a = anc[hit_d]
    if ((a == q) | (~too_general(kb)[a]
                    & (top_direct[a] * (p.specific_discount / bg[a]) > floor))).any():
        return True
    return any(implied[j] for j in opposites_of(kb, q))


def reads_changed_all(kb: KnowledgeBase, p: ModelParameters, direct: np.ndarray,
                      implied: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`reads_changed` of every term at once: ``(observed, excluded)`` masks over
    the ontology's terms (a table of every term's fixes asks it of each)."""
    onto = kb.ontology
    n = len(onto)
    counts = np.diff(onto.anc_ptr)
    anc = onto.anc_idx
    owner = np.repeat(np.arange(n), counts)
    floors = np.maximum(p.unmatched_lr, np.minimum(1.0, p.unmatched_scale * kb.background))
    floor_of = floors[owner]
    bg = kb.background ** p.background_exponent if p.background_exponent != 1.0 \
        else kb.background
    top_direct, top_implied = column_maxima(kb)
    via_implied = implied[anc] & (kb.ic[anc] >= p.min_ancestor_ic) & (
        top_implied[anc] * (p.ancestor_discount / bg[anc]) > floor_of) & (anc != owner)
    via_direct = direct[anc] & ((anc == owner) | (
        ~too_general(kb)[anc] & (top_direct[anc] * (p.specific_discount / bg[anc]) > floor_of)))
    observed = implied.copy()
    observed[owner[via_implied | via_direct]] = True
    for q in np.flatnonzero(~observed).tolist():
        if any(implied[j] for j in opposites_of(kb, q)):
            observed[q] = True
    return observed, implied.copy()


def finding_lr(kb: KnowledgeBase, q: int, excluded: bool, params: ModelParameters) -> np.ndarray:
    """The likelihood ratio of one finding (term index *q*) for every disease."""
    fn = excluded_lr if excluded else observed_lr
    return fn(kb, q, params, kb.n_diseases, detail=False)[0]



def sparse_logs(kb: KnowledgeBase, q: int, excluded: bool, params: ModelParameters,
                weights: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """One finding's weighted log10 LR vector, sparse: ``(base, rows, excess)`` means
    *base* for every disease except *rows*, which have ``base + excess``.

    Most diseases share one value (the unmatched floor of an observed finding; the plain
    ``1 / (1 - w b)`` of an excluded one), so keeping only the others makes a batch's
    memo of findings small, and adding a finding to a case's total cheap.
    """
    lr, c, _ = (excluded_lr if excluded else observed_lr)(kb, q, params, kb.n_diseases, False)
    if excluded:
        base_lr = 1.0 / (1.0 - params.excluded_weight * kb.background[q])
        rows = np.flatnonzero(lr != base_lr)
        base = float(np.log10(base_lr))
        vals = np.log10(lr[rows])
    else:
        rows = np.flatnonzero(c != M.NO_MATCH)  # the others hold the unmatched floor
        base = float(np.log10(unmatched_floor(kb, q, params)) * weights[M.NO_MATCH])
        vals = np.log10(lr[rows]) * weights.take(c[rows])
    return base, rows, vals - base


def view_fix(view_subset: KnowledgeBase, q: int, excluded: bool, params: ModelParameters,
             weights: np.ndarray, now: np.ndarray, idx: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray] | None:
    """What a sex view changes in one finding's vector: ``(diseases, added log10 LR)``, or
    ``None``. *view_subset* is the view restricted to the diseases *idx* it changes, and
    *now* the base's values for them (``base + excess`` as :func:`sparse_logs` gives)."""
    lr, c, _ = (excluded_lr if excluded else observed_lr)(view_subset, q, params,
                                                          view_subset.n_diseases, False)
    logs = np.log10(lr) if excluded else np.log10(lr) * weights.take(c)
    differs = np.flatnonzero(np.abs(logs - now) > 1e-12)
    if not len(differs):
        return None
    return idx[differs], logs[differs] - now[differs]

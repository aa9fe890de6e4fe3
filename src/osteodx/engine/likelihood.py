"""Vectorised likelihood ratios of every finding against every disease.

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
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from osteodx.case.model import Case
from osteodx.engine import match as M
from osteodx.engine.family_history import family_log10_lr
from osteodx.engine.opposites import opposites
from osteodx.engine.params import ModelParameters
from osteodx.engine.prior import prevalence_log10_odds
from osteodx.engine.related import related_groups
from osteodx.engine.sex_view import SEX_VIEW_BASE, changed_subset, for_sex, shared_tables
from osteodx.engine.survival import survival_log10_lr
from osteodx.kb.knowledge_base import INHERITANCE_FLAGS, KnowledgeBase
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY

__all__ = ["CaseScores", "score_case", "finding_lr", "prevalence_log10_odds", "related_groups"]

_ALL_ROOT = "HP:0000001"
_XLR = INHERITANCE_FLAGS["HP:0001419"]
_YL = INHERITANCE_FLAGS["HP:0001450"]
_OTHER_THAN_XLR = sum(v for k, v in INHERITANCE_FLAGS.items() if k not in
                      ("HP:0001419", "HP:0001417"))


@dataclass(slots=True)
class CaseScores:
    """Scores of one case against all diseases.

    ``log10_lr[i, d]`` is finding *i*'s log10 LR for disease *d*, ``code`` its
    match code and ``matched`` the term index it matched through (-1: none).
    """

    log10_lr: np.ndarray  # (n_findings, n_diseases) float64
    code: np.ndarray  # (n_findings, n_diseases) int8
    matched: np.ndarray  # (n_findings, n_diseases) int32
    age_log10_lr: np.ndarray  # (n_diseases,)
    sex_log10_lr: np.ndarray  # (n_diseases,)
    breadth_log10_lr: np.ndarray  # (n_diseases,)
    total: np.ndarray  # (n_diseases,)
    family_log10_lr: np.ndarray | None = None  # (n_diseases,)
    #: pre-test log10 odds from prevalence (part of ``total``, not of the evidence)
    prevalence_log10: np.ndarray | None = None  # (n_diseases,)
    #: the discount for related findings counted together (part of ``total``), and the
    #: groups it came from: (group term index, finding indices)
    redundancy_log10_lr: np.ndarray | None = None  # (n_diseases,)
    related_groups: list[tuple[int, list[int]]] | None = None
    #: the patient alive past a disease's annotated age of death (engine/survival.py)
    survival_log10_lr: np.ndarray | None = None  # (n_diseases,)


#: a sex view's correction of a finding's vector: (disease indices, added log10 LR)
_Fix = tuple[np.ndarray, np.ndarray] | None


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


def _observed(kb: KnowledgeBase, q: int, p: ModelParameters, n: int, detail: bool = True):
    floor = _floor(kb, q, p)
    lr = np.full(n, floor)
    code = np.full(n, M.NO_MATCH, dtype=np.int8)  # always: the weights depend on it
    matched = np.full(n, -1, dtype=np.int32) if detail else None
    bg = kb.background ** p.background_exponent if p.background_exponent != 1.0 \
        else kb.background
    anc = kb.ontology.ancestors(q)
    # an ancestor whose best possible LR cannot beat the unmatched floor changes nothing
    # (most general ancestors: skipping them keeps a finding's cost to its informative part)
    top_direct, top_implied = _column_maxima(kb)
    informative = (kb.ic[anc] >= p.min_ancestor_ic) & (
        top_implied[anc] * (p.ancestor_discount / bg[anc]) > floor)
    annotated = ((kb.direct.ptr[anc + 1] > kb.direct.ptr[anc]) & ~_too_general(kb)[anc]
                 & (top_direct[anc] * (p.specific_discount / bg[anc]) > floor))
    keep = np.flatnonzero((anc != q) & (informative | annotated))
    if matched is None:  # rarest ancestor first: its larger values make later updates few
        keep = keep[np.argsort(bg[anc[keep]], kind="stable")]
    for a, info, ann in zip(anc[keep].tolist(), informative[keep].tolist(),
                            annotated[keep].tolist(), strict=True):
        if info:
            rows, vals = kb.implied.column(a)
            _update(lr, code, matched, rows, vals * (p.ancestor_discount / bg[a]),
                    M.COMMON_ANCESTOR, a)
        if ann:
            rows, vals = kb.direct.column(a)
            _update(lr, code, matched, rows, vals * (p.specific_discount / bg[a]),
                    M.FINDING_MORE_SPECIFIC, a, ties=True)
    implied_rows, vals = kb.implied.column(q)
    _update(lr, code, matched, implied_rows, vals / bg[q], M.FINDING_MORE_GENERAL, q)
    rows, vals = kb.direct.column(q)
    _update(lr, code, matched, rows, vals / bg[q], M.EXACT, q, ties=True)
    _curated_absences(kb, q, implied_rows, lr, code, matched, p.negated_lr, M.NEGATED)
    _opposite_findings(kb, q, p, floor, lr, code, matched)
    return lr, code, matched


def _opposites_of(kb: KnowledgeBase, q: int) -> tuple[int, ...]:
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
    for j in _opposites_of(kb, q):
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


def _floor(kb: KnowledgeBase, q: int, p: ModelParameters) -> float:
    """The LR of an observed finding that a disease does not explain at all."""
    return max(p.unmatched_lr, min(1.0, p.unmatched_scale * float(kb.background[q])))


def _column_maxima(kb: KnowledgeBase) -> tuple[np.ndarray, np.ndarray]:
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


def _too_general(kb: KnowledgeBase) -> np.ndarray:
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
    if not kb.negation_in_ancestors[q]:
        return
    anc = np.array([q]) if exact else kb.ontology.ancestors(q)
    ptr = kb.negated.ptr
    anc = anc[ptr[anc + 1] > ptr[anc]]  # only the ancestors some disease is curated without
    if not len(anc):
        return
    has_q = np.zeros(len(lr), dtype=bool)
    has_q[implied_rows] = True
    for a in anc.tolist():
        rows, _ = kb.negated.column(a)
        rows = rows[~has_q[rows]]
        lr[rows] = value
        if code is not None:
            code[rows] = c
        if matched is not None:
            matched[rows] = int(a)


def _excluded(kb: KnowledgeBase, q: int, p: ModelParameters, n: int, detail: bool = True):
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


def _weights(p: ModelParameters) -> np.ndarray:
    """Multiplier on an observed finding's log10 LR, indexed by match code."""
    w = np.ones(len(M.MATCH_CODES))
    w[M.EXACT] = p.exact_weight
    w[M.FINDING_MORE_GENERAL] = p.general_weight
    w[M.FINDING_MORE_SPECIFIC] = p.specific_weight
    w[M.COMMON_ANCESTOR] = p.ancestor_weight
    w[M.NO_MATCH] = p.unmatched_weight
    return w


#: per-finding vectors kept for a batch
CACHE_SIZE = 2048


def _cached_logs(kb: KnowledgeBase, q: int, excluded: bool, params: ModelParameters,
                 weights: np.ndarray) -> tuple[float, np.ndarray, np.ndarray, _Fix]:
    """The weighted log10 LR vector of one finding, sparse: ``(base, rows, excess)`` means
    *base* for every disease except *rows*, which have ``base + excess``; in a sex view,
    ``fix`` (or ``None``) adds ``delta`` to the diseases ``idx`` the view changes.

    Most diseases share one value (the unmatched floor of an observed finding; the plain
    ``1 / (1 - w b)`` of an excluded one), so storing only the others makes a batch's
    cache of findings (first in, first out beyond :data:`CACHE_SIZE`) small, and adding a
    finding to a case's total cheap. Memoised per knowledge base: in a batch, common
    findings recur in many cases.
    """
    base_of_view = kb.derived.get(SEX_VIEW_BASE)
    if base_of_view is not None:
        return _view_logs(kb, base_of_view, q, excluded, params, weights)
    return (*_base_logs(kb, q, excluded, params, weights), None)


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
               weights: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    key = (q, excluded)
    cache = _store(kb, "finding cache", params)
    got = cache.get(key)
    if got is None:
        fn = _excluded if excluded else _observed
        lr, c, _ = fn(kb, q, params, kb.n_diseases, False)
        if excluded:
            base_lr = 1.0 / (1.0 - params.excluded_weight * kb.background[q])
            rows = np.flatnonzero(lr != base_lr)
            base = float(np.log10(base_lr))
            vals = np.log10(lr[rows])
        else:
            rows = np.flatnonzero(c != M.NO_MATCH)  # the others hold the unmatched floor
            base = float(np.log10(_floor(kb, q, params)) * weights[M.NO_MATCH])
            vals = np.log10(lr[rows]) * weights.take(c[rows])
        got = (base, rows, vals - base)
        if len(cache) >= CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[key] = got
    return got


def _view_logs(kb: KnowledgeBase, base: KnowledgeBase, q: int, excluded: bool,
               params: ModelParameters, weights: np.ndarray
               ) -> tuple[float, np.ndarray, np.ndarray, _Fix]:
    """:func:`_cached_logs` for a sex view: the base's vector, and a fix for the diseases
    the view changes, scored again on the view restricted to them. Most findings read
    none of the changed columns, or come out the same: the base's vector serves both
    sexes, and only the fixes (a few hundred values at most) are kept per view."""
    b, rows, excess = _base_logs(base, q, excluded, params, weights)
    key = (q, excluded)
    fixes = _store(kb, "finding fixes", params)
    if key in fixes:
        return b, rows, excess, fixes[key]
    sub, idx, direct, implied = changed_subset(kb)
    fix = None
    if _reads_changed(kb, q, excluded, params, direct, implied):
        lr, c, _ = (_excluded if excluded else _observed)(sub, q, params, sub.n_diseases,
                                                          False)
        logs = np.log10(lr) if excluded else np.log10(lr) * weights.take(c)
        now = np.full(len(idx), b)
        pos = np.searchsorted(rows, idx).clip(max=max(len(rows) - 1, 0))
        hit = (rows[pos] == idx) if len(rows) else np.zeros(len(idx), dtype=bool)
        now[hit] += excess[pos[hit]]
        differs = np.flatnonzero(np.abs(logs - now) > 1e-12)
        if len(differs):
            fix = (idx[differs], logs[differs] - now[differs])
    fixes[key] = fix  # small: kept for the whole batch
    return b, rows, excess, fix


def _reads_changed(kb: KnowledgeBase, q: int, excluded: bool, p: ModelParameters,
                   direct: np.ndarray, implied: np.ndarray) -> bool:
    """Does the finding's vector read a column the sex view changed? An excluded finding
    reads q's implied column; an observed one also q's direct column, the ancestors'
    columns :func:`_observed` keeps (with the same bounds, which a view shares with its
    base), and its opposites' implied columns."""
    if implied[q]:
        return True
    if excluded:
        return False
    anc = kb.ontology.ancestors(q)
    hit_i, hit_d = implied[anc], direct[anc]
    if not (hit_i.any() or hit_d.any()):
        return any(implied[j] for j in _opposites_of(kb, q))
    floor = _floor(kb, q, p)
    bg = kb.background ** p.background_exponent if p.background_exponent != 1.0 \
        else kb.background
    top_direct, top_implied = _column_maxima(kb)
    a = anc[hit_i]
    if ((kb.ic[a] >= p.min_ancestor_ic) & (top_implied[a] * (p.ancestor_discount / bg[a])
                                            > floor) & (a != q)).any():
        return True
    a = anc[hit_d]
    if ((a == q) | (~_too_general(kb)[a]
                    & (top_direct[a] * (p.specific_discount / bg[a]) > floor))).any():
        return True
    return any(implied[j] for j in _opposites_of(kb, q))


def finding_lr(kb: KnowledgeBase, q: int, excluded: bool, params: ModelParameters) -> np.ndarray:
    """The likelihood ratio of one finding (term index *q*) for every disease."""
    fn = _excluded if excluded else _observed
    return fn(kb, q, params, kb.n_diseases, detail=False)[0]


def score_case(kb: KnowledgeBase, case: Case, params: ModelParameters, *,
               detail: bool = True) -> CaseScores:
    """Score *case* against every disease of *kb*.

    With ``detail=False`` only the totals are computed (no per-finding matrices):
    what a benchmark needs, at about half the cost. A patient of known sex is scored on
    the annotations that hold for that sex (:func:`osteodx.engine.sex_view.for_sex`).
    """
    kb = for_sex(kb, case.sex)
    n = kb.n_diseases
    nf = len(case.findings)
    index = kb.ontology.index
    sum_lr = np.zeros(n)
    if detail:
        log10_lr = np.zeros((nf, n))
        code = np.zeros((nf, n), dtype=np.int8)
        matched = np.full((nf, n), -1, dtype=np.int32)
    else:
        log10_lr = np.zeros((0, n))
        code = np.zeros((0, n), dtype=np.int8)
        matched = np.zeros((0, n), dtype=np.int32)
    weights = _weights(params)
    groups = related_groups(kb, case, params)
    grouped = {i for _, idx in groups for i in idx}
    kept: dict[int, np.ndarray] = {}
    base_sum = 0.0  # without detail: the part of the total every disease shares
    for i, f in enumerate(case.findings):
        q = index[f.hpo_id]
        if not detail:
            base, rows, excess, fix = _cached_logs(kb, q, f.excluded, params, weights)
            base_sum += base
            sum_lr[rows] += excess
            if fix is not None:
                sum_lr[fix[0]] += fix[1]
            if i in grouped:
                kept[i] = np.full(n, base)
                kept[i][rows] += excess
                if fix is not None:
                    kept[i][fix[0]] += fix[1]
            continue
        fn = _excluded if f.excluded else _observed
        lr, c, m = fn(kb, q, params, n, detail)
        logs = np.log10(lr)
        if not f.excluded:
            logs *= weights.take(c)
        sum_lr += logs
        if detail:
            log10_lr[i] = logs
            code[i], matched[i] = c, m
    age = np.zeros(n)
    oldest = case.age_upper_years if case.age_upper_years is not None else case.age_years
    upper = [x for x in (case.onset_years, oldest) if x is not None]
    if upper and params.onset_penalty:
        patient = min(upper)
        onset_min = kb.derived.get("onset min")
        if onset_min is None:  # unknown onsets never count as late
            onset_min = kb.derived["onset min"] = np.nan_to_num(kb.onset_min, nan=-np.inf)
        late = onset_min > patient + 1e-9
        age[late] = -params.onset_penalty
    sex = np.zeros(n)
    if case.sex == "FEMALE":
        inh = kb.inheritance
        xlr_only = ((inh & _XLR) > 0) & ((inh & _OTHER_THAN_XLR) == 0)
        sex[xlr_only] = np.log10(params.female_xlr_lr)
        sex[(inh & _YL) > 0] = np.log10(params.female_ylinked_lr)
    breadth = np.zeros(n)
    n_obs = sum(not f.excluded for f in case.findings)
    if params.breadth_penalty and n_obs:
        breadth = -params.breadth_penalty * n_obs * kb.log_relative_mass
    family = family_log10_lr(kb, case, params)
    prevalence = prevalence_log10_odds(kb, params)
    redundancy = np.zeros(n)
    for _, idx in groups:  # sparse: only diseases two or more of the findings count for
        rows = [log10_lr[i] if detail else kept[i] for i in idx]
        first = np.flatnonzero(rows[0] > 0.0)
        if len(rows) == 2:  # the common case: the smaller positive part at the decay's weight
            cols = first[rows[1][first] > 0.0]
            if len(cols):
                redundancy[cols] += (params.redundancy_decay - 1.0) * np.minimum(
                    rows[0][cols], rows[1][cols])
            continue
        counts = np.zeros(n, dtype=np.int16)
        counts[first] += 1
        for r in rows[1:]:
            counts[np.flatnonzero(r > 0.0)] += 1
        cols = np.flatnonzero(counts > 1)
        if not len(cols):
            continue
        pos = np.maximum(np.stack([r[cols] for r in rows]), 0.0)
        best_first = -np.sort(-pos, axis=0)
        w = params.redundancy_decay ** np.arange(len(idx)) - 1.0
        redundancy[cols] += w @ best_first
    if base_sum:
        sum_lr += base_sum
    survival = survival_log10_lr(kb, case, params)
    total = sum_lr + age + sex + breadth + family + prevalence + redundancy + survival
    return CaseScores(log10_lr, code, matched, age, sex, breadth, total, family, prevalence,
                      redundancy, groups, survival)

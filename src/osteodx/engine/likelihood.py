"""A case's scores against every disease: the findings' likelihood ratios summed with
the model's terms for age, sex, breadth, family history, prevalence and survival.

Each finding's vector comes from :mod:`osteodx.engine.finding_vectors` (its equations,
restated here) and, in a batch, from the memo of :mod:`osteodx.engine.finding_cache`.

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

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from osteodx.case.model import Case
from osteodx.engine.family_history import family_log10_lr
from osteodx.engine.finding_cache import Fix, cached_logs, prefetch
from osteodx.engine.finding_detail import Column, FindingDetail
from osteodx.engine.finding_vectors import finding_lr, match_weights
from osteodx.engine.params import ModelParameters
from osteodx.engine.prior import prevalence_log10_odds
from osteodx.engine.redundancy import Positives, positive_part, related_discount
from osteodx.engine.related import related_groups
from osteodx.engine.sex_view import for_sex
from osteodx.engine.survival import survival_log10_lr
from osteodx.kb.knowledge_base import INHERITANCE_FLAGS, KnowledgeBase

__all__ = ["CaseScores", "score_case", "finding_lr", "prevalence_log10_odds", "related_groups"]

_XLR = INHERITANCE_FLAGS["HP:0001419"]
_YL = INHERITANCE_FLAGS["HP:0001450"]
_OTHER_THAN_XLR = sum(v for k, v in INHERITANCE_FLAGS.items() if k not in
                      ("HP:0001419", "HP:0001417"))


@dataclass(slots=True)
class CaseScores:
    """Scores of one case against all diseases.

    The per-finding detail is not kept as findings x diseases matrices (840 MB for a case
    with 5,000 findings): :meth:`finding_column` gives every finding's log10 LR, match
    code and matched term for one disease, worked out on demand for the diseases a report
    explains (:mod:`osteodx.engine.finding_detail`). ``log10_lr``, ``code`` and
    ``matched`` still give the full matrices, built on first use, for analyses of a few
    cases.
    """

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
    #: the per-finding detail by disease (``None`` when scored with ``detail=False``)
    detail: FindingDetail | None = None
    _matrices: Column | None = field(default=None, repr=False, compare=False)

    def finding_column(self, d: int) -> Column:
        """Every finding's ``(log10 LR, match code, matched term or -1)`` for disease *d*."""
        if self.detail is None:
            raise ValueError("the case was scored without detail (score_case(..., "
                             "detail=False)): there is nothing to explain")
        return self.detail.column(d)

    def prepare(self, diseases: Iterable[int]) -> None:
        """Work out the columns of *diseases* in one pass, before they are explained."""
        if self.detail is not None:
            self.detail.prepare(diseases)

    @property
    def log10_lr(self) -> np.ndarray:
        """``[i, d]``: finding *i*'s log10 LR for disease *d* (all of them: built on first
        use; shape ``(0, n_diseases)`` without detail)."""
        return self._dense()[0]

    @property
    def code(self) -> np.ndarray:
        """``[i, d]``: the match code of finding *i* for disease *d* (see ``log10_lr``)."""
        return self._dense()[1]

    @property
    def matched(self) -> np.ndarray:
        """``[i, d]``: the term finding *i* matched disease *d* through, -1 for none."""
        return self._dense()[2]

    def _dense(self) -> Column:
        if self._matrices is None:
            if self.detail is None:
                n = len(self.total)
                self._matrices = (np.zeros((0, n)), np.zeros((0, n), dtype=np.int8),
                                  np.zeros((0, n), dtype=np.int32))
            else:
                self._matrices = self.detail.dense()
        return self._matrices


#: a case with more findings than this reads the batch's memo of finding vectors but does
#: not add to it: its vectors would push out the common findings other cases share, and
#: hold memory for the rest of the process
MEMO_FINDINGS = 512

#: cells of grouped findings' positive log10 LRs kept from the pass for the related-findings
#: discount (16 bytes each: 32 MB); beyond it a finding's vector is worked out again
KEEP_BUDGET = 1 << 21


def _spread(n: int, base: float, rows: np.ndarray, excess: np.ndarray, fix: Fix) -> np.ndarray:
    """A sparse vector of :func:`cached_logs` over all *n* diseases."""
    out = np.full(n, base)
    out[rows] += excess
    if fix is not None:
        out[fix[0]] += fix[1]
    return out


def _positives(n: int, base: float, rows: np.ndarray, excess: np.ndarray, fix: Fix
               ) -> Positives:
    """The positive part of a cached sparse vector, to the bit what the full vector gives
    (the same additions: ``base + excess``, then a sex view's fix). With a shared value
    that does not count (an observed finding's unmatched floor), only *rows* and the
    fixed diseases can count: no pass over every disease."""
    if base > 0.0:
        return positive_part(_spread(n, base, rows, excess, fix))
    vals = base + excess
    if fix is not None:
        idx, delta = fix
        at = np.searchsorted(rows, idx)
        inside = at < len(rows)
        inside[inside] = rows[at[inside]] == idx[inside]
        vals[at[inside]] += delta[inside]
        if not inside.all():
            rows = np.concatenate([rows, idx[~inside]])
            vals = np.concatenate([vals, base + delta[~inside]])
            order = np.argsort(rows, kind="stable")
            rows, vals = rows[order], vals[order]
    keep = np.flatnonzero(vals > 0.0)
    return rows[keep], vals[keep]


#: sparse entries gathered before they are added to a case's totals (16 bytes each)
_ADD_BATCH = 1 << 20


def _add_in_order(total: np.ndarray, parts: list[tuple[np.ndarray, np.ndarray]]) -> None:
    """``total[rows] += values`` for each part, in one unbuffered pass: every disease's
    additions happen in the parts' order, so the sums are the same to the bit as one
    fancy-indexed addition per part (a case's findings, then a sex view's fix)."""
    if len(parts) == 1:
        rows, vals = parts[0]
        total[rows] += vals  # rows within one part are distinct
    elif parts:
        np.add.at(total, np.concatenate([r for r, _ in parts]),
                  np.concatenate([v for _, v in parts]))
    parts.clear()


def score_case(kb: KnowledgeBase, case: Case, params: ModelParameters, *,
               detail: bool = True) -> CaseScores:
    """Score *case* against every disease of *kb*.

    The totals are summed from the batch's memo of sparse per-finding vectors
    (:func:`osteodx.engine.finding_cache.cached_logs`). With ``detail`` (the default) the
    explanations are worked out later, for the diseases asked for
    (:class:`FindingDetail`): memory does not grow with findings x diseases, and a
    report costs its shown diseases, not a full pass per finding; ``detail=False`` (a
    benchmark) keeps nothing to explain. A patient of known sex is scored on the
    annotations that hold for that sex (:func:`osteodx.engine.sex_view.for_sex`).
    """
    kb = for_sex(kb, case.sex)
    n = kb.n_diseases
    index = kb.ontology.index
    sum_lr = np.zeros(n)
    weights = match_weights(params)
    groups = related_groups(kb, case, params)
    grouped = {i for _, idx in groups for i in idx}
    terms = [(index[f.hpo_id], f.excluded) for f in case.findings]
    finding = FindingDetail(kb, terms, params, weights) if detail else None
    kept: dict[int, Positives] = {}  # grouped findings' positive parts, within KEEP_BUDGET
    kept_cells = 0
    base_sum = 0.0  # the part of the total every disease shares

    store = len(terms) <= MEMO_FINDINGS
    if store:
        prefetch(kb, terms, params, weights)
    pending: list[tuple[np.ndarray, np.ndarray]] = []  # added to the totals in this order
    pending_cells = 0
    for i, (q, excluded) in enumerate(terms):
        sparse = base, rows, excess, fix = cached_logs(kb, q, excluded, params, weights,
                                                       store=store)
        base_sum += base
        pending.append((rows, excess))
        pending_cells += len(rows)
        if fix is not None:
            pending.append(fix)
        if pending_cells > _ADD_BATCH:
            _add_in_order(sum_lr, pending)
            pending_cells = 0
        if i in grouped and kept_cells < KEEP_BUDGET:
            kept[i] = _positives(n, *sparse)
            kept_cells += len(kept[i][0])
    _add_in_order(sum_lr, pending)

    def positives(i: int) -> Positives:
        got = kept.pop(i, None)  # each finding is in one group: freed once read
        if got is None:  # beyond the budget: worked out again
            got = _positives(n, *cached_logs(kb, *terms[i], params, weights, store=store))
        return got

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
    redundancy = related_discount(n, groups, positives, params.redundancy_decay)
    if base_sum:
        sum_lr += base_sum
    survival = survival_log10_lr(kb, case, params)
    total = sum_lr + age + sex + breadth + family + prevalence + redundancy + survival
    return CaseScores(age, sex, breadth, total, family, prevalence, redundancy, groups,
                      survival, finding)

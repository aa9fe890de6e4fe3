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

from dataclasses import dataclass

import numpy as np

from osteodx.case.model import Case
from osteodx.engine.family_history import family_log10_lr
from osteodx.engine.finding_cache import cached_logs
from osteodx.engine.finding_vectors import excluded_lr, finding_lr, match_weights, observed_lr
from osteodx.engine.params import ModelParameters
from osteodx.engine.prior import prevalence_log10_odds
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
    weights = match_weights(params)
    groups = related_groups(kb, case, params)
    grouped = {i for _, idx in groups for i in idx}
    kept: dict[int, np.ndarray] = {}
    base_sum = 0.0  # without detail: the part of the total every disease shares
    for i, f in enumerate(case.findings):
        q = index[f.hpo_id]
        if not detail:
            base, rows, excess, fix = cached_logs(kb, q, f.excluded, params, weights)
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
        fn = excluded_lr if f.excluded else observed_lr
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

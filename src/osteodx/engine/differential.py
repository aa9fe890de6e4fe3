"""Rank diseases and explain each score: the Differential."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from osteodx.case.model import Case
from osteodx.engine import match as M
from osteodx.engine.likelihood import CaseScores
from osteodx.engine.ordering import competition_rank, equivalence_groups, shadowed, shown_rows
from osteodx.engine.sex_view import for_sex
from osteodx.engine.survival import classes_outlived
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.kb.mortality import DEATH_CLASSES

__all__ = ["Contribution", "RankedDisease", "Differential", "rank", "equivalence_groups",
           "SCORE_DECIMALS"]

#: scores are rounded so that ties are exact and output is byte-identical
SCORE_DECIMALS = 6


@dataclass(slots=True)
class Contribution:
    """What one finding (or the age or sex) did to one disease's score."""

    hpo_id: str
    label: str
    status: str
    log10_lr: float
    match: str
    source: str = ""
    disease_term: str | None = None  # the disease annotation it matched
    disease_term_label: str = ""
    disease_frequency: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"hpo_id": self.hpo_id, "label": self.label,
                               "status": self.status, "log10_lr": self.log10_lr,
                               "match": self.match}
        if self.disease_term:
            out["disease_annotation"] = {"hpo_id": self.disease_term,
                                         "label": self.disease_term_label,
                                         "frequency": self.disease_frequency}
        if self.source:
            out["source"] = self.source
        return out


@dataclass(slots=True)
class RankedDisease:
    rank: int
    disease_id: str
    label: str
    score: float
    post_test_probability: float
    log10_lr: float
    contributions: list[Contribution] = field(default_factory=list)
    equivalent_ids: list[str] = field(default_factory=list)
    origin: str = ""

    @property
    def supporting(self) -> list[Contribution]:
        return sorted((c for c in self.contributions if c.log10_lr > 0),
                      key=lambda c: (-c.log10_lr, c.hpo_id))

    @property
    def contradicting(self) -> list[Contribution]:
        return sorted((c for c in self.contributions if c.log10_lr < 0),
                      key=lambda c: (c.log10_lr, c.hpo_id))


@dataclass(slots=True)
class Differential:
    """The ranked differential of one case, with provenance."""

    case: Case
    hpo_version: str
    provenance: dict[str, str]
    parameters: dict[str, float]
    namespace: str
    n_candidates: int
    entries: list[RankedDisease]
    warnings: list[str] = field(default_factory=list)
    #: the bone work-up: labs, skeleton, pattern_differentials, incidental_findings, next_tests
    workup: dict[str, Any] = field(default_factory=dict)

    _kb: Any = None
    _scores: Any = None
    #: per disease index: position among candidates (-1: not a candidate); the shown
    #: positions' ranks (any other is counted when asked for), and per position the score
    #: and post-test probability
    _position: Any = None
    _ranked: Any = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract as a dict (:func:`osteodx.report.to_dict`)."""
        from osteodx.report.json_report import to_dict

        return to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON contract, deterministic and always valid JSON."""
        from osteodx.report.json_report import to_json

        return to_json(self, indent=indent)

    def rank_of(self, disease_id: str) -> int | None:
        """Rank of a disease (or of the row it is folded into) among all candidates;
        None for an id the knowledge base does not have or the namespace leaves out.

        An id folded into a row counts as that row, in any namespace: under
        ``--namespace omim``, ``ORPHA:2777`` (paired with ``OMIM:166450``, the same
        disease) gives the OMIM row's rank; an Orphanet id with no OMIM partner gives
        ``None``. A row's ``equivalent_ids`` name the same disease in every namespace."""
        disease_id = _normal_id(disease_id)
        for e in self.entries:
            if e.disease_id == disease_id or disease_id in e.equivalent_ids:
                return e.rank
        entry = self.describe(disease_id)
        return entry.rank if entry is not None else None

    def prepare(self, disease_ids: Iterable[str]) -> None:
        """Work out the explanations of these diseases (and of the members of their
        equivalence groups, whose rows they may be folded into) in one pass over the
        findings, before :meth:`describe` is asked for them one by one."""
        kb = self._kb
        if kb is None:
            return
        rows = [kb.disease_index.get(_normal_id(did)) for did in disease_ids]
        found = [d for d in rows if d is not None]
        self._scores.prepare(found + [e for d in found for e in _group_of(kb, d)])

    def describe(self, disease_id: str) -> RankedDisease | None:
        """The ranked, explained entry of any candidate (not only the top ones)."""
        kb = self._kb
        disease_id = _normal_id(disease_id)
        d = kb.disease_index.get(disease_id) if kb is not None else None
        if d is None:
            return None
        j = int(self._position[d])
        if j < 0:  # folded into the row of its group's best-scoring member
            for e in _group_of(kb, d):
                if self._position[e] >= 0:
                    return self.describe(kb.disease_ids[e])
            return None
        ranks, scores, posts = self._ranked
        r = ranks.get(j) or competition_rank(scores, j)
        score, post = float(scores[j]), float(posts[j])
        did = kb.disease_ids[d]
        prior = self._scores.prevalence_log10
        evidence = score if prior is None else round(score - float(prior[d]), SCORE_DECIMALS)
        return RankedDisease(
            rank=r, disease_id=did, label=kb.disease_labels[d], score=score,
            post_test_probability=post, log10_lr=evidence,
            contributions=_explain(kb, self.case, self._scores, d),
            equivalent_ids=sorted(kb.disease_ids[e] for e in _group_of(kb, d)),
            origin=kb.disease_origins[d])


def _normal_id(disease_id: str) -> str:
    """"omim:166450 " -> "OMIM:166450": the prefix as the release writes it.

    >>> _normal_id(" omim:166450")
    'OMIM:166450'
    """
    prefix, colon, rest = disease_id.strip().partition(":")
    return f"{prefix.upper()}{colon}{rest}" if colon else disease_id.strip()


def _explain(kb: KnowledgeBase, case: Case, scores: CaseScores, d: int) -> list[Contribution]:
    onto = kb.ontology
    out: list[Contribution] = []
    logs, codes, terms = scores.finding_column(d)
    behind = _disease_terms(codes, terms, kb, d)
    names = M.MATCH_CODES
    for f, lg, c, got in zip(case.findings, logs.tolist(), codes.tolist(), behind,
                             strict=True):
        contrib = Contribution(f.hpo_id, f.label, f.status, round(lg, 3), names[c], f.source)
        if got is not None:
            term, contrib.disease_frequency = got
            contrib.disease_term = onto.ids[term]
            contrib.disease_term_label = onto.labels[term]
        out.append(contrib)
    if scores.age_log10_lr[d]:
        onset = kb.onset_min[d]
        out.append(Contribution("age", f"findings by age {_age(case)}; disease onset from "
                                f"{onset:g} y", "observed", round(float(scores.age_log10_lr[d]), 3),
                                "onset_later_than_patient", _age_source(case)))
    if scores.survival_log10_lr is not None and scores.survival_log10_lr[d]:
        out.append(Contribution("survival", _survival_text(kb, case, d), "observed",
                                round(float(scores.survival_log10_lr[d]), 3),
                                "alive_past_age_of_death", "subject.timeAtLastEncounter"))
    if scores.breadth_log10_lr[d]:
        n_annotations = int(kb.ann_ptr[d + 1] - kb.ann_ptr[d])
        out.append(Contribution("breadth", f"{n_annotations} annotated phenotypes "
                                "(breadth adjustment)", "observed",
                                round(float(scores.breadth_log10_lr[d]), 3),
                                "annotation_breadth", "knowledge base"))
    if scores.redundancy_log10_lr is not None and scores.redundancy_log10_lr[d]:
        groups = [(g, idx) for g, idx in scores.related_groups or []
                  if sum(logs[i] > 0 for i in idx) > 1]
        names = "; ".join(f"{len(idx)} under {onto.labels[g]}" for g, idx in groups)
        out.append(Contribution("related", f"related findings counted with decreasing weight "
                                f"({names})", "observed",
                                round(float(scores.redundancy_log10_lr[d]), 3),
                                "related_findings", "model"))
    if scores.family_log10_lr is not None and scores.family_log10_lr[d]:
        parts = [f"{f['relation']} {'affected' if f.get('affected') else 'unaffected'}"
                 for f in case.family if f.get("affected") is not None]
        parts += ["consanguineous parents" for f in case.family if f.get("consanguineous")]
        stated = [f["note"].replace("Autosomal", "autosomal").replace("Mitochondrial",
                                                                        "mitochondrial")
                  for f in case.family if f.get("mode")]
        if stated:  # the stated mode replaces the relatives' status in the score
            parts = [f"pedigree read as {' or '.join(stated)}"]
        rel = ", ".join(dict.fromkeys(parts))
        out.append(Contribution("family", f"family history: {rel}", "observed",
                                round(float(scores.family_log10_lr[d]), 3),
                                "inheritance_vs_family_history", "family history"))
    if scores.prevalence_log10 is not None and scores.prevalence_log10[d]:
        out.append(Contribution("prevalence", f"prevalence {kb.prevalence_text.get(d, '')} "
                                f"(pre-test odds against 1 in {kb.reference_one_in:,.0f})",
                                "prior", round(float(scores.prevalence_log10[d]), 3),
                                "prevalence_prior", "knowledge/prevalence.yaml: "
                                + kb.prevalence_source.get(d, "")))
    if scores.sex_log10_lr[d]:
        out.append(Contribution("sex", f"sex {case.sex.lower()}; X/Y-linked inheritance",
                                "observed", round(float(scores.sex_log10_lr[d]), 3),
                                "sex_inheritance_mismatch", "subject.sex"))
    return out


def _survival_text(kb: KnowledgeBase, case: Case, d: int) -> str:
    """'patient aged 25 y, past the disease's annotated age of death: Death in infancy
    (0.47)'."""
    outlived = classes_outlived(case.age_years or 0.0)
    onto = kb.ontology
    parts = [f"{onto.labels[onto.index[c]] if c in onto.index else c} ({kb.death_freq[d, k]:.2f})"
             for k, c in enumerate(DEATH_CLASSES) if outlived[k] and kb.death_freq[d, k] > 0]
    return (f"patient aged {case.age_years:g} y, past the disease's annotated age of death: "
            f"{', '.join(parts)}")


def _age_source(case: Case) -> str:
    """Where the age the onset was compared with came from: a finding's onset when that
    is the earlier, else the age at last encounter."""
    oldest = case.age_upper_years if case.age_upper_years is not None else case.age_years
    first = case.onset_years
    if first is not None and (oldest is None or first < oldest):
        starts = [f for f in case.observed if f.onset_years is not None
                  and f.onset_years[1] == first]
        return f"{starts[0].source}.onset" if starts else "phenotypicFeatures onset"
    return "subject.timeAtLastEncounter"


def _age(case: Case) -> str:
    oldest = case.age_upper_years if case.age_upper_years is not None else case.age_years
    vals = [x for x in (case.onset_years, oldest) if x is not None]
    return f"{min(vals):g} y" if vals else "unknown"


class _AnnotationIndex:
    """A disease's direct annotations with all their ancestors, sorted so that the
    annotation behind a match through any term is found by one binary search: for each
    term at or above an annotation, the most frequent annotation at or below it (ties:
    the smallest term id, then the first listed) comes first among that term's entries."""

    def __init__(self, kb: KnowledgeBase, d: int) -> None:
        a, b = kb.ann_ptr[d], kb.ann_ptr[d + 1]
        terms = np.asarray(kb.ann_term[a:b], dtype=np.intp)
        freq = kb.ann_freq[a:b]
        self.terms = terms
        self._text_at = kb.ann_text[a:b]
        self._texts = kb.texts
        onto = kb.ontology
        starts = onto.anc_ptr[terms]
        sizes = onto.anc_ptr[terms + 1] - starts
        owner = np.repeat(np.arange(len(terms)), sizes)
        # every annotation's ancestor run of anc_idx, gathered at once
        offsets = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        anc = onto.anc_idx[np.repeat(starts, sizes) + offsets]
        order = np.lexsort((owner, terms[owner], -freq[owner], anc))
        self._anc = anc[order]
        self._best = owner[order]

    def best_below(self, terms: np.ndarray) -> np.ndarray:
        """For each term, the position of the annotation behind a match through it (the
        most frequent at or below it), or -1 where no annotation is at or below it."""
        pos = np.searchsorted(self._anc, terms)
        found = pos < len(self._anc)
        found[found] = self._anc[pos[found]] == terms[found]
        return np.where(found, self._best[np.minimum(pos, len(self._best) - 1)]
                        if len(self._best) else -1, -1)

    def text(self, k: int) -> str:
        """The frequency text of annotation *k* (looked up only for the one named)."""
        return self._texts[int(self._text_at[k])]


#: annotation indexes kept per knowledge base view (the diseases a batch explains recur)
_INDEX_MEMO = 4096

#: matches that go through one of the disease's own annotations at or below the term
_THROUGH_ANNOTATION = np.zeros(max(M.MATCH_CODES) + 1, dtype=bool)
_THROUGH_ANNOTATION[[M.EXACT, M.FINDING_MORE_SPECIFIC, M.EXCLUDED_PRESENT,
                     M.FINDING_MORE_GENERAL, M.COMMON_ANCESTOR]] = True
_NEGATED_CODES = (M.NEGATED, M.EXCLUDED_NEGATED)


def _annotation_index(kb: KnowledgeBase, d: int) -> _AnnotationIndex:
    memo = kb.derived.setdefault("annotation index", {})
    got = memo.get(d)
    if got is None:
        if len(memo) >= _INDEX_MEMO:
            memo.pop(next(iter(memo)))  # first in, first out
        got = memo[d] = _AnnotationIndex(kb, d)
    return got


def _disease_terms(codes: np.ndarray, terms: np.ndarray, kb: KnowledgeBase, d: int
                   ) -> list[tuple[int, str] | None]:
    """For each finding, the disease annotation behind its match through term ``terms[i]``
    (``-1``: none) and that annotation's frequency text: the most frequent annotation at
    or below the term (ties: the smallest id); a curated absence names the term itself."""
    out: list[tuple[int, str] | None] = [None] * len(codes)
    linked = np.flatnonzero(terms >= 0)
    if not len(linked):
        return out
    through = linked[_THROUGH_ANNOTATION[codes[linked]]]
    best = np.full(len(codes), -1, dtype=np.intp)
    if len(through):
        anns = _annotation_index(kb, d)
        best[through] = anns.best_below(terms[through].astype(np.intp))
    for i in linked.tolist():
        k = int(best[i])
        if k >= 0:
            out[i] = (int(anns.terms[k]), anns.text(k))
        else:
            m = int(terms[i])
            out[i] = (m, "NOT (curated absence)" if int(codes[i]) in _NEGATED_CODES else "")
    return out


def _group_of(kb: KnowledgeBase, d: int) -> list[int]:
    """The other members of disease *d*'s equivalence group."""
    index = kb.derived.get("equivalence group of")
    if index is None:
        index = kb.derived["equivalence group of"] = {
            m: g for g in equivalence_groups(kb) for m in g}
    return [m for m in index.get(d, []) if m != d]


def rank(kb: KnowledgeBase, case: Case, scores: CaseScores, *, namespace: str = "all",
         top: int | None = 20, prior: np.ndarray | None = None,
         parameters: dict[str, float] | None = None, temperature: float = 1.0) -> Differential:
    """Order diseases by score (ties share a rank) and explain the top *top*.

    A disease that a knowledge pack declares equivalent to a higher-scoring one
    (OMIM and Orphanet ids of one disease) is folded into that row. Explanations name the
    annotations as they hold for the patient's sex (:func:`for_sex`).
    """
    kb = for_sex(kb, case.sex)
    total = np.round(scores.total, SCORE_DECIMALS)
    mask = kb.namespace_mask(namespace)
    mask &= ~shadowed(kb, total, mask)
    idx = np.flatnonzero(mask)
    score = total[idx]
    if prior is None:
        log_prior = np.full(len(idx), -np.log10(len(idx)))
    else:
        pr = prior[idx]
        log_prior = np.log10(pr / pr.sum())
    post_log = score / temperature + log_prior
    post_log -= post_log.max()
    post = 10.0 ** post_log
    post /= post.sum()
    shown_at = shown_rows(kb, idx, score, top)
    diff = Differential(case=case, hpo_version=kb.hpo_version, provenance=kb.provenance,
                        parameters=parameters or {}, namespace=namespace,
                        n_candidates=len(idx), entries=[], warnings=list(case.warnings))
    diff._kb, diff._scores = kb, scores
    diff._position = np.full(kb.n_diseases, -1, dtype=np.int64)
    diff._position[idx] = np.arange(len(idx))
    diff._ranked = (dict(zip(shown_at.order.tolist(), shown_at.ranks.tolist(), strict=True)),
                    score, post)
    if shown_at.tie:  # never cut a tie: every candidate sharing the last shown rank is shown
        diff.warnings.append(shown_at.tie)
    shown = idx[shown_at.order].tolist()
    step = scores.detail.capacity if scores.detail is not None else max(len(shown), 1)
    for start in range(0, len(shown), step):  # explained in as few passes as memory allows
        part = shown[start:start + step]
        scores.prepare(part)
        diff.entries += [diff.describe(kb.disease_ids[d]) for d in part]
    return diff

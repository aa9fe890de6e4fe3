"""Next tests: which examination would best separate the leading candidates.

The candidates' weights are half their post-test probability and half uniform (a
test is judged by how well it separates the leaders, even when one dominates).
For each test not yet done, the findings it reveals are simulated as present or
absent for each leading candidate, with probabilities and likelihood ratios from
the same engine that ranked them. The expected information gain is the expected
fall in the entropy (bits) of the posterior over those candidates.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from osteodx.case.model import Case
from osteodx.case.skeleton import SkeletalSurvey, survey
from osteodx.diseases.packs import Pack
from osteodx.engine.differential import Differential
from osteodx.engine.likelihood import finding_lr
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import for_sex
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.ontology.graph import Ontology

__all__ = ["TestSuggestion", "suggest_tests"]

#: at most this many revealed findings are enumerated jointly (2^k outcomes)
MAX_JOINT = 6


@dataclass(slots=True)
class TestSuggestion:
    test: str
    kind: str
    rationale: str
    expected_information_gain: float
    outcomes: list[dict[str, str]] = field(default_factory=list)
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"test": self.test, "kind": self.kind, "rationale": self.rationale,
                "expected_information_gain": self.expected_information_gain,
                "outcomes": self.outcomes, "outcome_weights": WEIGHTS_NOTE,
                "source": self.source}


#: what the percentages of an outcome are: not the differential's post-test probabilities
WEIGHTS_NOTE = ("percentages are the leading candidates' weights for choosing a test (half "
                "the post-test probability, half the same for each), not post-test "
                "probabilities")


def _effect(entries, prior: np.ndarray, post: np.ndarray) -> str:
    """Which leading candidate a result raises most and which it lowers most, by weight."""
    best, worst = int(np.argmax(post - prior)), int(np.argmin(post - prior))
    if best == worst or abs(post[best] - prior[best]) < 0.005:
        return "no change among the leading candidates"
    return (f"{entries[best].label} weight {prior[best]:.0%} -> {post[best]:.0%}; "
            f"{entries[worst].label} weight {prior[worst]:.0%} -> {post[worst]:.0%}")


def _entropy(p: np.ndarray) -> float:
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def _related_to(onto: Ontology, known: set[str]) -> Callable[[str], bool]:
    """A test for "*term* is one of *known*, or an ancestor or descendant of one": what a
    test would reveal about such a term is known already."""
    known_idx = {onto.index[k] for k in known if k in onto.index}
    above = set().union(*(onto.ancestors(i).tolist() for i in known_idx)) if known_idx else set()

    def related(term: str) -> bool:
        i = onto.index[term]
        return i in above or not known_idx.isdisjoint(onto.ancestors(i).tolist())

    return related


def suggest_tests(kb: KnowledgeBase, case: Case, diff: Differential, packs: tuple[Pack, ...],
                  params: ModelParameters, *, leaders: int = 8, top: int = 8,
                  skeleton: SkeletalSurvey | None = None) -> list[TestSuggestion]:
    """Rank the packs' tests by expected information gain over the *leaders* best candidates."""
    kb = for_sex(kb, case.sex)
    entries = diff.entries[:leaders]
    if len(entries) < 2:
        return []
    rows = np.array([kb.disease_index[e.disease_id] for e in entries])
    post = np.array([e.post_test_probability for e in entries])
    # hedge: half the calibrated posterior, half uniform over the leaders, so a test that
    # separates the leading candidates scores even when one of them dominates
    prior = 0.5 * post / post.sum() + 0.5 / len(entries)
    h0 = _entropy(prior)
    onto = kb.ontology
    related = _related_to(onto, {f.hpo_id for f in case.findings})
    if not packs:
        return []
    examined = _examined_region_terms(skeleton or survey(case, onto))
    out: list[TestSuggestion] = []
    for pack in packs:
        for test in pack.tests:
            if test.kind in ("genetic", "family"):
                sugg = _partition_test(kb, test, entries, prior, h0)
                if sugg is not None:
                    out.append(sugg)
                continue
            terms = [t.hpo_id for t in test.reveals if t.hpo_id in onto and t.hpo_id not in
                     examined and not related(t.hpo_id)]
            if not terms:
                continue
            terms = terms[:MAX_JOINT]
            lr_pos, lr_neg, p_pos = [], [], []
            for t in terms:
                q = onto.index[t]
                pos = finding_lr(kb, q, False, params)[rows]
                neg = finding_lr(kb, q, True, params)[rows]
                lr_pos.append(pos)
                lr_neg.append(neg)
                p_pos.append(np.clip(pos * kb.background[q], 0.01, 0.99))
            gain = 0.0
            for outcome in itertools.product((True, False), repeat=len(terms)):
                like = np.ones(len(rows))
                lr = np.ones(len(rows))
                for k, present in enumerate(outcome):
                    like *= p_pos[k] if present else 1.0 - p_pos[k]
                    lr *= lr_pos[k] if present else lr_neg[k]
                p_outcome = float((prior * like).sum())
                if p_outcome <= 0:
                    continue
                post = prior * lr
                post /= post.sum()
                gain += p_outcome * (h0 - _entropy(post))
            out.append(TestSuggestion(
                test.label, test.kind, _rationale(test.note, terms, onto),
                round(gain, 4), _outcomes(terms, lr_pos, lr_neg, prior, entries, onto),
                test.source))
    out.sort(key=lambda s: (-s.expected_information_gain, s.test))
    return out[:top]


def _examined_region_terms(sk: SkeletalSurvey) -> set[str]:
    """Terms of skeletal regions the case has already examined (involved or spared)."""
    out: set[str] = set()
    for r in sk.regions:
        if r.status != "not_examined":
            for t in r.region.involved + r.region.normal_excludes:
                out |= {t}
    return out


#: chance that a gene panel finds the causal variant of a monogenic disease it covers
PANEL_SENSITIVITY = 0.9
#: chance that a parent of a patient with a dominant disease shows it (half inherit; some
#: dominant disorders are incompletely penetrant)
PARENT_AFFECTED_DOMINANT = 0.4
PARENT_AFFECTED_OTHER = 0.02


def _partition_test(kb: KnowledgeBase, test, entries, prior: np.ndarray,
                    h0: float) -> TestSuggestion | None:
    """Gene panels and family studies: outcomes are groups of candidates, not HPO terms."""
    k = len(entries)
    if test.kind == "genetic":
        covered = set(test.genes)
        genes = [",".join(g for g in kb.disease_genes.get(e.disease_id, []) if g in covered)
                 for e in entries]
        labels = sorted({g for g in genes if g})
        if not labels:
            return None
        outcomes = {f"variant in {g}": np.array([PANEL_SENSITIVITY if genes[i] == g else 0.0
                                                 for i in range(k)]) for g in labels}
        found = sum(outcomes.values())
        outcomes["no causal variant"] = 1.0 - found
    else:
        dominant = np.array([bool(kb.inheritance[kb.disease_index[e.disease_id]] & 1)
                             for e in entries])
        p = np.where(dominant, PARENT_AFFECTED_DOMINANT, PARENT_AFFECTED_OTHER)
        outcomes = {"a parent affected": p, "both parents unaffected": 1.0 - p}
    gain = 0.0
    effects = []
    for result, like in outcomes.items():
        p_outcome = float((prior * like).sum())
        if p_outcome <= 0:
            continue
        post = prior * like / p_outcome
        gain += p_outcome * (h0 - _entropy(post))
        effects.append({"result": result, "effect": _effect(entries, prior, post)})
    return TestSuggestion(test.label, test.kind, " ".join(test.note.split()), round(gain, 4),
                          effects[:6], test.source)


def _rationale(note: str, terms: list[str], onto) -> str:
    looks = ", ".join(onto.label(t) for t in terms[:4])
    text = " ".join(note.split())
    return f"Looks for {looks}." + (f" {text}" if text else "")


def _outcomes(terms, lr_pos, lr_neg, prior, entries, onto) -> list[dict[str, str]]:
    out = []
    for k, t in enumerate(terms[:3]):
        for present, lr in ((True, lr_pos[k]), (False, lr_neg[k])):
            post = prior * lr
            post /= post.sum()
            result = f"{onto.label(t)} {'present' if present else 'absent'}"
            out.append({"result": result, "effect": _effect(entries, prior, post)})
    return out

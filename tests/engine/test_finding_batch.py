"""Findings scored together give, to the bit, what each gives scored alone."""

from __future__ import annotations

import numpy as np
import pytest

from osteodx.engine.finding_batch import sparse_logs_many
from osteodx.engine.finding_cache import prefetch
from osteodx.engine.finding_vectors import match_weights, sparse_logs
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import for_sex

_VARIANTS = [
    ModelParameters(),
    ModelParameters(background_exponent=1.5, unmatched_scale=5.0, min_ancestor_ic=0.0),
    ModelParameters(excluded_exponent=1.0, excluded_weight=0.9, specific_discount=1.0),
    # equal discounts: an ancestor annotated directly ties with itself as implied, and the
    # direct annotation ("finding more specific") must win the tie, as in the loop
    ModelParameters(ancestor_discount=0.5, specific_discount=0.5, min_ancestor_ic=0.0),
]


def _same(alone, together) -> bool:
    return (alone[0] == together[0] and np.array_equal(alone[1], together[1])
            and np.array_equal(alone[2], together[2]) and alone[2].dtype == together[2].dtype)


def _check(kb, terms, params) -> list:
    w = match_weights(params)
    got = sparse_logs_many(kb, terms, params, w)
    return [t for t, g in zip(terms, got, strict=True)
            if not _same(sparse_logs(kb, *t, params, w), g)]


@pytest.mark.parametrize("params", _VARIANTS)
def test_every_toy_term_both_ways(toy_kb, params):
    n = len(toy_kb.ontology)
    terms = [(q, e) for q in range(n) for e in (False, True)]
    assert not _check(toy_kb, terms, params)


def test_blocks_of_any_size(toy_kb, monkeypatch):
    from osteodx.engine import finding_batch

    monkeypatch.setattr(finding_batch, "BLOCK", 3)
    terms = [(q, q % 2 == 0) for q in range(len(toy_kb.ontology))]
    assert not _check(toy_kb, terms, ModelParameters())
    assert sparse_logs_many(toy_kb, [], ModelParameters(), match_weights(ModelParameters())) == []


def test_a_sample_of_the_real_release(real_kb):
    n = len(real_kb.ontology)
    rng = np.random.default_rng(7)
    sample = sorted(set(rng.integers(0, n, 600).tolist()))
    terms = [(q, e) for q in sample for e in (False, True)]
    assert not _check(real_kb, terms, ModelParameters())


def test_scores_are_the_same_with_and_without_prefetch(toy_kb, monkeypatch):
    from osteodx.case.model import Case, Finding

    onto = toy_kb.ontology
    ids = [onto.ids[i] for i in range(1, len(onto), 2)]
    case = Case(case_id="c", source="test", sex="FEMALE", findings=[
        Finding(hpo_id=t, label=onto.labels[onto.index[t]],
                status="excluded" if k % 3 == 0 else "observed", source="test")
        for k, t in enumerate(ids)])
    p = ModelParameters()
    with_prefetch = score_case(toy_kb, case, p, detail=False).total
    toy_kb.derived.clear()
    from osteodx.engine import likelihood

    monkeypatch.setattr(likelihood, "prefetch", lambda *a, **k: None)
    alone = score_case(toy_kb, case, p, detail=False).total
    toy_kb.derived.clear()
    assert np.array_equal(with_prefetch, alone)


def test_prefetch_fills_the_memo_in_the_cases_order(toy_kb):
    p = ModelParameters()
    w = match_weights(p)
    toy_kb.derived.clear()
    terms = [(3, False), (5, True), (3, False), (2, False)]
    prefetch(toy_kb, terms, p, w)
    memo = toy_kb.derived["finding cache"][p]
    assert list(memo) == [(3, False), (5, True), (2, False)]
    view = for_sex(toy_kb, "MALE")  # a sex view's findings are its base's, fixed
    prefetch(view, [(4, False), (3, False), (6, True)], p, w)
    assert list(memo)[3:] == [(4, False), (6, True)]
    toy_kb.derived.clear()


def test_totals_added_in_one_pass_are_the_sequential_sums():
    """``_add_in_order`` must add each disease's parts in their order: float addition is
    not associative, and a case's totals are compared to the bit across code paths."""
    from osteodx.engine.likelihood import _add_in_order

    rng = np.random.default_rng(3)
    n = 50
    parts = []
    for _ in range(12):
        rows = np.sort(rng.choice(n, size=rng.integers(1, n), replace=False))
        parts.append((rows, rng.normal(0, 1e3, len(rows)) * 10.0 ** rng.integers(-8, 8)))
    sequential = np.zeros(n)
    for rows, vals in parts:
        sequential[rows] += vals
    total = np.zeros(n)
    _add_in_order(total, list(parts))
    assert np.array_equal(total, sequential)
    reordered = np.zeros(n)
    _add_in_order(reordered, parts[::-1])
    assert not np.array_equal(reordered, sequential)  # the order matters: the test can fail

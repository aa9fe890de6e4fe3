"""Compacted sex-view subsets, and every term's fix-relevance at once: the same, to the bit,
as the per-column and per-term paths the tables were first worked out with."""

from __future__ import annotations

import numpy as np
import pytest

from osteodx.engine.compact import compact
from osteodx.engine.finding_batch import dense_logs_many
from osteodx.engine.finding_vectors import (
    excluded_lr,
    match_weights,
    observed_lr,
    reads_changed,
    reads_changed_all,
)
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import changed_subset, for_sex, restrict

_VARIANTS = [
    ModelParameters(),
    ModelParameters(background_exponent=1.5, unmatched_scale=5.0, min_ancestor_ic=0.0),
    ModelParameters(ancestor_discount=0.5, specific_discount=0.5, min_ancestor_ic=0.0),
]
_MATRICES = ("direct", "implied", "negated", "curated")


def _subsets(kb):
    """Each sex view's subset of changed diseases, and the base restricted to their union."""
    subs = [changed_subset(for_sex(kb, sex)) for sex in ("MALE", "FEMALE")]
    union = np.unique(np.concatenate([s[1] for s in subs]))
    return [s[0] for s in subs] + [restrict(kb, union)]


def test_the_toy_release_has_sex_views(toy_kb):
    assert all(for_sex(toy_kb, sex) is not toy_kb for sex in ("MALE", "FEMALE"))
    assert sum(s.n_diseases > 0 for s in _subsets(toy_kb)) >= 2  # a sex and the union


def test_compacted_columns_are_the_filtered_ones(toy_kb):
    for sub in _subsets(toy_kb):
        packed = compact(sub)
        for name in _MATRICES:
            a, b = getattr(sub, name), getattr(packed, name)
            assert a.ptr is b.ptr and a.vals is b.vals  # the full matrix's bounds
            for j in range(len(toy_kb.ontology)):
                (r1, v1), (r2, v2) = a.column(j), b.column(j)
                assert np.array_equal(np.sort(r1), np.sort(r2)), (name, j)
                assert np.array_equal(v1[np.argsort(r1)], v2[np.argsort(r2)])
                assert v1.dtype == v2.dtype


@pytest.mark.parametrize("params", _VARIANTS)
def test_dense_rows_are_the_one_at_a_time_vectors(toy_kb, params):
    w = match_weights(params)
    terms = list(range(len(toy_kb.ontology)))
    for sub in _subsets(toy_kb):
        packed = compact(sub)
        for excluded, block in ((False, 5), (True, 7)):
            got = dense_logs_many(packed, terms, excluded, params, w, block=block)
            for q in terms:
                if excluded:
                    lr, _, _ = excluded_lr(sub, q, params, sub.n_diseases, False)
                    want = np.log10(lr)
                else:
                    lr, c, _ = observed_lr(sub, q, params, sub.n_diseases, False)
                    want = np.log10(lr) * w.take(c)
                assert np.array_equal(got[q], want), (excluded, q)


@pytest.mark.parametrize("params", _VARIANTS)
def test_every_terms_relevance_at_once(toy_kb, params):
    relevant = 0
    for sex in ("MALE", "FEMALE"):
        view = for_sex(toy_kb, sex)
        _, _, direct, implied = changed_subset(view)
        observed, excluded = reads_changed_all(view, params, direct, implied)
        for q in range(len(toy_kb.ontology)):
            assert observed[q] == reads_changed(view, q, False, params, direct, implied), q
            assert excluded[q] == reads_changed(view, q, True, params, direct, implied), q
        relevant += int(observed.sum())
    assert relevant > 0

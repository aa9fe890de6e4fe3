"""A report's explanations worked out for all findings at once give, to the last bit, what
scoring each finding alone on the diseases explained gives."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from osteodx.engine import detail_block as block_module
from osteodx.engine.detail_block import detail_block
from osteodx.engine.finding_detail import finding_row
from osteodx.engine.finding_vectors import absence_terms, match_weights, opposites_of
from osteodx.engine.params import ModelParameters
from osteodx.engine.sex_view import for_sex, restrict

P = ModelParameters()
PARAMS = [P, dataclasses.replace(P, background_exponent=1.3, ancestor_discount=0.3),
          dataclasses.replace(P, specific_discount=P.ancestor_discount)]  # equal: ties


def _one_at_a_time(view, rows, findings, params):
    sub = restrict(view, rows)
    weights = match_weights(params)
    cols = [finding_row(sub, q, excluded, params, weights) for q, excluded in findings]
    return tuple(np.stack([c[j] for c in cols], axis=1) for j in range(3))


def _same(view, rows, findings, params):
    got = detail_block(view, np.asarray(rows, dtype=np.intp), findings, params,
                       match_weights(params))
    want = _one_at_a_time(view, np.asarray(rows, dtype=np.intp), findings, params)
    for g, w, name in zip(got, want, ("log10 LR", "code", "matched"), strict=True):
        assert g.dtype == w.dtype and np.array_equal(g, w), name


@pytest.mark.parametrize("params", PARAMS)
@pytest.mark.parametrize("sex", [None, "MALE", "FEMALE"])
def test_every_toy_term_both_ways_on_every_disease(toy_kb, sex, params):
    view = for_sex(toy_kb, sex)
    terms = range(len(view.ontology))
    findings = [(q, excluded) for q in terms for excluded in (False, True)]
    _same(view, range(view.n_diseases), findings, params)
    _same(view, [view.n_diseases - 1, 0], findings[::3], params)  # a few, out of order


@pytest.mark.parametrize("sex", [None, "MALE", "FEMALE"])
def test_samples_of_the_real_release(real_kb, sex, monkeypatch):
    monkeypatch.setattr(block_module, "BLOCK", 16)  # several blocks per call
    view = for_sex(real_kb, sex)
    rng = np.random.default_rng({None: 1, "MALE": 2, "FEMALE": 3}[sex])
    onto = view.ontology
    pool = sorted(onto.index[t] for t in onto.descendants("HP:0000118"))
    special = [q for q in pool[::7] if opposites_of(view, q) or absence_terms(view, q, True)]
    assert special
    for _ in range(4):
        qs = rng.choice(pool, size=60, replace=False).tolist() + special[:20]
        findings = [(int(q), bool(rng.random() < 0.4)) for q in qs]
        rows = np.sort(rng.choice(view.n_diseases, size=25, replace=False))
        _same(view, rows, findings, P)


def test_no_findings_or_no_diseases(toy_kb):
    got = detail_block(toy_kb, np.zeros(0, dtype=np.intp), [(1, False)], P, match_weights(P))
    assert [a.shape for a in got] == [(0, 1)] * 3
    got = detail_block(toy_kb, np.arange(2), [], P, match_weights(P))
    assert [a.shape for a in got] == [(2, 0)] * 3

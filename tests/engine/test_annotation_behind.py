"""The annotation an explanation names for a match: one binary search per finding gives
what a scan of the disease's annotations gave."""

from __future__ import annotations

import numpy as np
import pytest

from osteodx.engine import match as M
from osteodx.engine.differential import _disease_terms
from osteodx.engine.sex_view import for_sex

CODES = list(M.MATCH_CODES)


def _by_scan(kb, d: int, code: int, m: int) -> tuple[int, str]:
    """The former lookup: every annotation at or below *m*, the most frequent (ties: the
    smallest id, then the first listed)."""
    a, b = int(kb.ann_ptr[d]), int(kb.ann_ptr[d + 1])
    onto = kb.ontology
    if code in (M.EXACT, M.FINDING_MORE_SPECIFIC, M.EXCLUDED_PRESENT, M.FINDING_MORE_GENERAL,
                M.COMMON_ANCESTOR):
        hits = [k for k in range(a, b) if m in set(onto.ancestors(int(kb.ann_term[k])).tolist())]
        if hits:
            best = min(hits, key=lambda k: (-float(kb.ann_freq[k]), int(kb.ann_term[k])))
            return int(kb.ann_term[best]), kb.texts[int(kb.ann_text[best])]
    if code in (M.NEGATED, M.EXCLUDED_NEGATED):
        return m, "NOT (curated absence)"
    return m, ""


def _check(kb, diseases, terms_of) -> int:
    checked = 0
    for d in diseases:
        terms = np.array(terms_of(d), dtype=np.int32)
        for code in CODES:
            codes = np.full(len(terms) + 1, code, dtype=np.int8)
            linked = np.r_[terms, -1].astype(np.int32)  # and one finding matched through nothing
            got = _disease_terms(codes, linked, kb, d)
            assert got[-1] is None
            for i, m in enumerate(terms.tolist()):
                assert got[i] == _by_scan(kb, d, code, m), (d, code, m)
                checked += 1
    return checked


@pytest.mark.parametrize("sex", [None, "MALE", "FEMALE"])
def test_every_toy_disease_and_term(toy_kb, sex):
    kb = for_sex(toy_kb, sex)
    every = range(len(kb.ontology))
    assert _check(kb, range(kb.n_diseases), lambda d: every) > 0


def test_a_sample_of_the_real_release(real_kb):
    rng = np.random.default_rng(7)
    kb = for_sex(real_kb, "FEMALE")
    diseases = rng.choice(kb.n_diseases, size=40, replace=False).tolist()

    def terms_of(d):  # the ancestors of the disease's annotations, and some other terms
        a, b = int(kb.ann_ptr[d]), int(kb.ann_ptr[d + 1])
        near = {int(t) for k in range(a, b) for t in kb.ontology.ancestors(int(kb.ann_term[k]))}
        far = rng.choice(len(kb.ontology), size=20, replace=False).tolist()
        return sorted(near)[:60] + far

    assert _check(kb, diseases, terms_of) > 1000

"""Sex-limited annotations (phenotype.hpoa's sex column) hold for that sex only."""

from __future__ import annotations

import numpy as np
import pytest

from osteodx.engine import match as M
from osteodx.engine.differential import rank
from osteodx.engine.sex_view import for_sex
from osteodx.kb.build import DEFAULT_FREQUENCY, PSEUDOCOUNT
from tests.engine.test_likelihood import _code, _lr, _score


def _smoothed(k: int, n: int) -> float:
    return (k + PSEUDOCOUNT * DEFAULT_FREQUENCY) / (n + PSEUDOCOUNT)


def _freq(kb, disease: str, hpo_id: str) -> float | None:
    d = kb.disease_index[disease]
    return next((f for t, f, _ in kb.annotations_of(d) if t == hpo_id), None)


def test_each_sex_takes_its_own_frequency(toy_kb):
    # OMIM:100006: Developmental delay 4/4 in males, 1/10 in females
    male, female = for_sex(toy_kb, "MALE"), for_sex(toy_kb, "FEMALE")
    assert _freq(male, "OMIM:100006", "HP:0000022") == pytest.approx(_smoothed(4, 4))
    assert _freq(female, "OMIM:100006", "HP:0000022") == pytest.approx(_smoothed(1, 10))
    # sex unknown: every annotation holds, the larger frequency counts
    assert _freq(toy_kb, "OMIM:100006", "HP:0000022") == pytest.approx(_smoothed(4, 4))


def test_an_annotation_for_the_other_sex_does_not_hold(toy_kb):
    # OMIM:100004: Developmental delay 2/2, males only
    assert _freq(for_sex(toy_kb, "FEMALE"), "OMIM:100004", "HP:0000022") is None
    assert _freq(for_sex(toy_kb, "MALE"), "OMIM:100004", "HP:0000022") is not None
    _, girl = _score(toy_kb, [("HP:0000022", False)], sex="FEMALE")
    _, boy = _score(toy_kb, [("HP:0000022", False)], sex="MALE")
    assert _code(toy_kb, boy, 0, "OMIM:100004") == M.EXACT
    assert _code(toy_kb, girl, 0, "OMIM:100004") != M.EXACT
    assert _lr(toy_kb, girl, 0, "OMIM:100004") < _lr(toy_kb, boy, 0, "OMIM:100004")
    # ... and it is no longer implied for its ancestors either
    female = for_sex(toy_kb, "FEMALE")
    d = toy_kb.disease_index["OMIM:100004"]
    nervous = toy_kb.ontology.index["HP:0000020"]
    assert d in toy_kb.implied.column(nervous)[0]
    assert d not in female.implied.column(nervous)[0]


def test_scores_follow_the_patients_sex(toy_kb):
    _, girl = _score(toy_kb, [("HP:0000022", False)], sex="FEMALE")
    _, boy = _score(toy_kb, [("HP:0000022", False)], sex="MALE")
    _, unknown = _score(toy_kb, [("HP:0000022", False)], sex="UNKNOWN_SEX")
    d = toy_kb.disease_index["OMIM:100006"]
    assert girl.total[d] < boy.total[d]
    assert unknown.total[d] == pytest.approx(boy.total[d])
    # only diseases with sex-limited annotations move
    other = toy_kb.disease_index["OMIM:100002"]  # autosomal, no sex-limited annotation
    assert girl.total[other] == pytest.approx(boy.total[other])


def test_explanation_names_the_annotation_that_held(toy_kb):
    case, s = _score(toy_kb, [("HP:0000022", False)], sex="FEMALE")
    entry = next(e for e in rank(toy_kb, case, s, top=None).entries
                 if e.disease_id == "OMIM:100006")
    c = next(c for c in entry.contributions if c.hpo_id == "HP:0000022")
    assert "1/10" in c.disease_frequency and "females only" in c.disease_frequency


def test_view_is_built_once_and_leaves_the_base_alone(toy_kb):
    base_terms = toy_kb.ann_term.copy()
    v = for_sex(toy_kb, "FEMALE")
    assert for_sex(toy_kb, "FEMALE") is v
    assert for_sex(v, "MALE") is v  # a view is not viewed again
    assert for_sex(toy_kb, None) is toy_kb and for_sex(toy_kb, "UNKNOWN_SEX") is toy_kb
    assert np.array_equal(toy_kb.ann_term, base_terms)
    assert len(v.ann_term) == len(base_terms) - 1  # OMIM:100004's males-only annotation


def test_real_release_sex_column(real_kb):
    """HPO 2025-01-16 has about 640 sex-limited annotations, cryptorchidism the commonest."""
    assert len(real_kb.sl_disease) > 300
    crypt = real_kb.ontology.index["HP:0000028"]
    rows = real_kb.sl_disease[(real_kb.sl_term == crypt) & np.isnan(real_kb.sl_female)]
    assert len(rows) > 50  # males-only cryptorchidism
    female, male = for_sex(real_kb, "FEMALE"), for_sex(real_kb, "MALE")
    d = int(rows[0])
    assert d not in female.direct.column(crypt)[0]
    assert d in male.direct.column(crypt)[0]


def test_views_share_the_tables_of_their_base(toy_kb):
    """Column maxima, opposites and depths depend on the ontology and the matrices' bounds:
    built once, for the base and both views."""
    from osteodx.engine.finding_vectors import column_maxima
    from osteodx.engine.sex_view import shared_tables

    male, female = for_sex(toy_kb, "MALE"), for_sex(toy_kb, "FEMALE")
    assert shared_tables(male) is shared_tables(female) is toy_kb.derived
    assert column_maxima(male) is column_maxima(toy_kb)

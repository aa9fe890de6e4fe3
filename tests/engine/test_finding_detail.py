"""Explanations worked out per disease on demand give what the full findings x diseases
matrices gave, and a case with many findings never holds such matrices."""

from __future__ import annotations

import dataclasses
import tracemalloc

import numpy as np
import pytest

from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.engine import finding_detail, likelihood
from osteodx.engine.differential import rank
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.report.json_report import to_json
from tests.conftest import phenopacket

P = ModelParameters()

#: every phenotypic term of the toy release, three of them excluded; two related groups
FINDINGS = [("HP:0000012", False), ("HP:0000013", False), ("HP:0000014", False),
            ("HP:0000018", False), ("HP:0000016", False), ("HP:0000021", False),
            ("HP:0000022", False), ("HP:0000011", False), ("HP:0000015", True),
            ("HP:0000010", True), ("HP:0000020", True)]
RELATED = dataclasses.replace(P, redundancy_depth=1)


def _case(kb, sex: str, findings=FINDINGS):
    return case_from_phenopacket(phenopacket(findings, sex=sex), kb.ontology, "t.json")


@pytest.mark.parametrize("sex", ["FEMALE", "MALE", "UNKNOWN_SEX"])
def test_columns_worked_out_per_disease_are_the_full_rows_to_the_last_bit(toy_kb, monkeypatch,
                                                                         sex):
    case = _case(toy_kb, sex)
    whole = score_case(toy_kb, case, RELATED)
    assert whole.related_groups
    full = whole.detail.dense()  # every finding worked out over every disease
    expected = to_json(rank(toy_kb, case, whole, top=None))
    # a budget of two disease columns: explained in slices, columns dropped as it goes
    monkeypatch.setattr(finding_detail, "COLUMN_BUDGET", 2 * len(FINDINGS))
    bounded = score_case(toy_kb, case, RELATED)
    assert bounded.detail.capacity == 2
    assert np.array_equal(bounded.total, whole.total)
    assert to_json(rank(toy_kb, case, bounded, top=None)) == expected
    assert bounded.detail.kept() <= 2 * len(FINDINGS)
    for d in range(toy_kb.n_diseases):  # to the last bit, column by column
        for got, want in zip(bounded.finding_column(d), full, strict=True):
            assert np.array_equal(got, want[:, d]), (sex, d)
    for got, want in zip((bounded.log10_lr, bounded.code, bounded.matched), full, strict=True):
        assert got.shape == (len(FINDINGS), toy_kb.n_diseases)
        assert np.array_equal(got, want)


@pytest.mark.parametrize("sex", ["FEMALE", "MALE", "UNKNOWN_SEX"])
def test_the_explained_contributions_add_up_to_the_totals(toy_kb, sex):
    """The totals come from the batch's sparse vectors, the explanations from columns
    worked out apart: the two must agree for every disease."""
    case = _case(toy_kb, sex)
    scores = score_case(toy_kb, case, RELATED)
    rebuilt = scores.detail.dense()[0].sum(axis=0) + scores.age_log10_lr + \
        scores.sex_log10_lr + scores.breadth_log10_lr + scores.prevalence_log10 + \
        scores.redundancy_log10_lr + scores.survival_log10_lr
    if scores.family_log10_lr is not None:
        rebuilt += scores.family_log10_lr
    assert np.allclose(rebuilt, scores.total, atol=1e-9)


def test_a_disease_described_outside_the_top_is_explained_as_in_the_full_list(toy_kb,
                                                                              monkeypatch):
    monkeypatch.setattr(finding_detail, "COLUMN_BUDGET", len(FINDINGS))
    case = _case(toy_kb, "FEMALE")
    full = rank(toy_kb, case, score_case(toy_kb, case, RELATED), top=None)
    top1 = rank(toy_kb, case, score_case(toy_kb, case, RELATED), top=1)
    for entry in full.entries[1:]:
        assert top1.describe(entry.disease_id) == entry


def test_the_totals_are_the_same_when_grouped_findings_are_worked_out_again(toy_kb,
                                                                           monkeypatch):
    case = _case(toy_kb, "MALE")
    kept = score_case(toy_kb, case, RELATED)
    fast = score_case(toy_kb, case, RELATED, detail=False)
    monkeypatch.setattr(likelihood, "KEEP_BUDGET", 0)  # nothing kept from the pass
    assert np.array_equal(score_case(toy_kb, case, RELATED).total, kept.total)
    assert np.array_equal(score_case(toy_kb, case, RELATED, detail=False).total, fast.total)


def test_a_case_with_many_findings_holds_no_findings_by_diseases_matrix(toy_kb, monkeypatch):
    """On the toy release: with a budget below findings x diseases, what the scores keep
    after ranking is the shown diseases' columns, never a (findings, diseases) matrix."""
    monkeypatch.setattr(finding_detail, "COLUMN_BUDGET", 3 * len(FINDINGS))
    case = _case(toy_kb, "FEMALE")
    scores = score_case(toy_kb, case, RELATED)
    diff = rank(toy_kb, case, scores, top=2)
    assert len(diff.entries) == 2
    shape = (len(FINDINGS), toy_kb.n_diseases)
    held = [v for v in dataclasses.asdict(scores).values() if isinstance(v, np.ndarray)]
    held += [a for col in scores.detail._columns.values() for a in col]
    assert held and all(a.shape != shape and a.size < np.prod(shape) for a in held)
    assert scores._matrices is None
    assert len(scores.detail._columns) <= 3


def test_explaining_thousands_of_findings_takes_a_fraction_of_the_matrices(real_kb):
    """2,000 observed terms against every disease: the matrices the engine once kept
    would take 2,000 x 12,900 x 13 bytes (336 MB); scoring and explaining the top 20 now
    peaks at a fraction of that."""
    onto = real_kb.ontology
    terms = sorted(onto.descendants("HP:0000118") - {"HP:0000118"})[::9][:2000]
    warm = _case(real_kb, "FEMALE", [(terms[0], False)])
    rank(real_kb, warm, score_case(real_kb, warm, P))  # the view and shared tables: once
    case = _case(real_kb, "FEMALE", [(t, False) for t in terms])
    dense = len(case.findings) * real_kb.n_diseases * 13
    tracemalloc.start()
    try:
        scores = score_case(real_kb, case, P)
        diff = rank(real_kb, case, scores, top=20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(diff.entries) >= 20 and len(diff.entries[0].contributions) >= 2000
    assert scores._matrices is None
    assert peak < dense / 4, (peak, dense)

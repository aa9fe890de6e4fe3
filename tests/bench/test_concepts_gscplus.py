"""Concept recognition on the GSC+ development set (skipped without ../shared/data)."""

from __future__ import annotations

import pytest

from osteodx.bench.concepts import run_concept_benchmark, score_concepts
from osteodx.text.vocabulary import recognizer_for
from tests.conftest import SHARED

GSC = SHARED / "gscplus" / "gscplus-dev.jsonl"


@pytest.mark.skipif(not GSC.is_file(), reason="../shared/data/gscplus absent")
def test_gscplus_quality_floor(real_kb):
    rec = recognizer_for(real_kb)
    scores = run_concept_benchmark(
        GSC, real_kb.ontology, lambda t: [(m.hpo_id, m.start, m.end) for m in rec.find(t)])
    # regression guard below the measured 0.797 / 0.853 (docs/benchmarks.md)
    assert scores.doc_f1 > 0.78 and scores.doc_precision > 0.84
    assert scores.documents == 130


def test_scorer_on_a_toy_document(toy_kb):
    gold = [{"id": "d1", "text": "x", "annotations": [
        {"hpo_id": "HP:0000013", "start": 0, "end": 5},
        {"hpo_id": "HP:0000021", "start": 10, "end": 17}]}]
    pred = {"d1": [("HP:0000013", 0, 5), ("HP:0000022", 20, 30), ("HP:0000017", 40, 45)]}
    s = score_concepts(gold, pred, toy_kb.ontology)
    assert (s.doc_precision, s.doc_recall) == (1 / 3, 0.5)  # alt id HP:0000017 -> HP:0000016
    assert s.span_f1 == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))

"""OMIM, Orphanet and DECIPHER entries with the same name are folded into one row."""

from __future__ import annotations

from osteodx.case.model import Case, Finding
from osteodx.diseases.model import AnnotationSpec, DiseaseSpec
from osteodx.engine.differential import rank
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.kb.build import compile_knowledge_base


def _spec(did: str, label: str, term: str, freq: float) -> DiseaseSpec:
    return DiseaseSpec(did, label, [AnnotationSpec(term, freq, f"{freq}")])


def test_same_name_across_namespaces_is_one_row(toy_kb):
    specs = [_spec("OMIM:1", "Spine disease", "HP:0000013", 0.9),
             _spec("ORPHA:1", "Spine  Disease", "HP:0000013", 0.5),
             _spec("OMIM:2", "Skull disease", "HP:0000014", 0.9),
             _spec("OMIM:3", "Twin name", "HP:0000021", 0.5),
             _spec("OMIM:4", "Twin name", "HP:0000022", 0.5)]  # same namespace: not folded
    kb = compile_knowledge_base(toy_kb.ontology, specs, {})
    assert kb.equivalents["OMIM:1"] == ["ORPHA:1"] and kb.equivalents["ORPHA:1"] == ["OMIM:1"]
    assert "OMIM:3" not in kb.equivalents
    case = Case("c", "c", findings=[Finding("HP:0000013", "x", "observed", "t")])
    diff = rank(kb, case, score_case(kb, case, ModelParameters()), top=None)
    ids = [e.disease_id for e in diff.entries]
    assert "OMIM:1" in ids and "ORPHA:1" not in ids
    assert diff.entries[0].equivalent_ids == ["ORPHA:1"]
    assert diff.rank_of("ORPHA:1") == diff.rank_of("OMIM:1")
    assert abs(sum(e.post_test_probability for e in diff.entries) - 1) < 1e-9


def test_chained_equivalents_fold_into_one_row_and_none_is_lost(toy_kb):
    """ORPHA:1 is OMIM:1 is ORPHA:2: one row, whatever the order of their scores (pairs
    alone hid ORPHA:2 behind OMIM:1, itself hidden behind ORPHA:1)."""
    specs = [_spec("ORPHA:1", "First name", "HP:0000013", 0.9),
             _spec("OMIM:1", "Second name", "HP:0000013", 0.5),
             _spec("ORPHA:2", "Third name", "HP:0000013", 0.2),
             _spec("OMIM:2", "Other disease", "HP:0000014", 0.9)]
    specs[1].equivalent_ids = ["ORPHA:1", "ORPHA:2"]
    kb = compile_knowledge_base(toy_kb.ontology, specs, {})
    case = Case("c", "c", findings=[Finding("HP:0000013", "x", "observed", "t")])
    diff = rank(kb, case, score_case(kb, case, ModelParameters()), top=None)
    rows = {e.disease_id: e.equivalent_ids for e in diff.entries}
    assert rows == {"ORPHA:1": ["OMIM:1", "ORPHA:2"], "OMIM:2": []}
    assert diff.n_candidates == 2
    assert diff.rank_of("ORPHA:2") == diff.rank_of("ORPHA:1") == 1
    assert diff.describe("ORPHA:2").disease_id == "ORPHA:1"


def test_rank_of_reads_an_id_as_a_user_types_it(toy_kb):
    specs = [_spec("OMIM:1", "Spine disease", "HP:0000013", 0.9),
             _spec("OMIM:2", "Skull disease", "HP:0000014", 0.9)]
    kb = compile_knowledge_base(toy_kb.ontology, specs, {})
    case = Case("c", "c", findings=[Finding("HP:0000013", "x", "observed", "t")])
    diff = rank(kb, case, score_case(kb, case, ModelParameters()), top=None)
    assert diff.rank_of(" omim:1") == diff.rank_of("OMIM:1") == 1
    assert diff.describe("omim:2").disease_id == "OMIM:2"
    assert diff.rank_of("OMIM:999") is None

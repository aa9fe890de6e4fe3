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

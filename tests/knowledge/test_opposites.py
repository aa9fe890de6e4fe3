"""knowledge/opposites.yaml: curated opposite findings, each sourced and current."""

from __future__ import annotations

from importlib import resources

from osteodx.engine import match as M
from osteodx.engine.likelihood import score_case
from osteodx.engine.opposites import curated_opposites
from osteodx.engine.params import ModelParameters
from osteodx.knowledge import load_yaml
from tests.conftest import phenopacket


def _data() -> dict:
    text = resources.files("osteodx.knowledge").joinpath("opposites.yaml").read_text("utf-8")
    return load_yaml(text)


def test_pairs_are_current_terms_with_their_labels_and_sources(real_kb):
    data = _data()
    onto = real_kb.ontology
    for pair in data["pairs"]:
        for key in ("finding", "opposite"):
            assert pair[key] in onto, pair
            assert onto.labels[onto.index[pair[key]]] == pair[f"{key}_label"], pair
        for source in pair["source"].split("; "):
            assert source in data["sources"], source
        assert pair["reason"]


def test_pairs_are_read_both_ways():
    pairs = set(curated_opposites())
    assert ("HP:0003165", "HP:0000829") in pairs and ("HP:0000829", "HP:0003165") in pairs


def test_raised_pth_argues_against_hypoparathyroidism(real_kb):
    """Autoimmune hypoparathyroidism (ORPHA:36913) is annotated with *Autoimmune
    hypoparathyroidism*, a kind of *Hypoparathyroidism*: a patient's raised PTH is evidence
    against it, while pseudohypoparathyroidism (a separate HPO branch) keeps its match."""
    from osteodx.case.phenopacket import case_from_phenopacket

    doc = phenopacket([("HP:0003165", False), ("HP:0002901", False)])
    case = case_from_phenopacket(doc, real_kb.ontology, "t.json")
    s = score_case(real_kb, case, ModelParameters())
    hypo = real_kb.disease_index["ORPHA:36913"]
    assert s.code[0, hypo] == M.OPPOSITE
    assert s.log10_lr[0, hypo] < 0
    php1a = real_kb.disease_index["ORPHA:79443"]
    assert s.code[0, php1a] == M.EXACT and s.log10_lr[0, php1a] > 0

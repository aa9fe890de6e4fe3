"""OMIM-Orphanet pairing by gene and name, and the pooling of their annotations."""

from __future__ import annotations

from osteodx.diseases.equivalence import gene_equivalents, same_name_pairs, share_annotations
from osteodx.diseases.model import AnnotationSpec, DiseaseSpec


def _specs() -> dict[str, DiseaseSpec]:
    specs = {
        "OMIM:1": DiseaseSpec("OMIM:1", "Encephalopathy 4", annotations=[
            AnnotationSpec("HP:0001250", None), AnnotationSpec("HP:0001263", 0.9, "HP:0040281"),
            AnnotationSpec("HP:0000001", None, negated=True)]),
        "ORPHA:9": DiseaseSpec("ORPHA:9", "GENE1-related encephalopathy", annotations=[
            AnnotationSpec("HP:0001250", 0.895, "HP:0040281"), AnnotationSpec("HP:0000717", 0.17),
            AnnotationSpec("HP:0000002", None, negated=True)]),
        "ORPHA:8": DiseaseSpec("ORPHA:8", "9q34 microdeletion syndrome"),
        "OMIM:2": DiseaseSpec("OMIM:2", "Two-gene disease"),
        "ORPHA:7": DiseaseSpec("ORPHA:7", "Disease of gene 2"),
        "OMIM:3": DiseaseSpec("OMIM:3", "KBG syndrome"),
        "ORPHA:3": DiseaseSpec("ORPHA:3", "KBG Syndrome"),
    }
    return specs


GENES = {"OMIM:1": ["GENE1"], "ORPHA:9": ["GENE1"], "ORPHA:8": ["GENE1"],
         "OMIM:2": ["GENE2", "GENE3"], "ORPHA:7": ["GENE2"]}


def test_pairs_need_one_single_gene_entry_on_each_side() -> None:
    # ORPHA:8 is a chromosomal deletion syndrome; OMIM:2 has two genes
    assert gene_equivalents(_specs(), GENES) == [("OMIM:1", "ORPHA:9")]


def test_gene_with_two_specific_orphanet_entries_is_ambiguous() -> None:
    specs = _specs()
    specs["ORPHA:6"] = DiseaseSpec("ORPHA:6", "Another GENE1 disease")
    assert gene_equivalents(specs, {**GENES, "ORPHA:6": ["GENE1"]}) == []


def test_same_name_pairs() -> None:
    assert same_name_pairs(_specs().values()) == [("OMIM:3", "ORPHA:3")]


def test_pooling_adds_missing_terms_without_frequency_and_fills_frequencies() -> None:
    specs = _specs()
    added = share_annotations(specs, [("OMIM:1", "ORPHA:9")])
    omim = {a.hpo_id: a for a in specs["OMIM:1"].annotations}
    orpha = {a.hpo_id: a for a in specs["ORPHA:9"].annotations}
    assert added == 2  # autism to OMIM:1, developmental delay to ORPHA:9
    assert omim["HP:0000717"].frequency is None
    assert omim["HP:0000717"].origin == "same disease as ORPHA:9"
    assert omim["HP:0001250"].frequency == 0.895  # filled from Orphanet
    assert orpha["HP:0001263"].frequency is None
    # curated absences stay with their source
    assert "HP:0000002" not in omim and "HP:0000001" not in orpha


def test_pooling_without_frequency_fill() -> None:
    specs = _specs()
    share_annotations(specs, [("OMIM:1", "ORPHA:9")], fill_frequency=False)
    omim = {a.hpo_id: a for a in specs["OMIM:1"].annotations}
    assert omim["HP:0001250"].frequency is None

"""OMIM-Orphanet pairing by gene and name, and the pooling of their annotations."""

from __future__ import annotations

from osteodx.diseases.equivalence import (
    gene_equivalents,
    same_name_pairs,
    share_annotations,
    similar_name_pairs,
)
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


def _named(*pairs: tuple[str, str]) -> list[DiseaseSpec]:
    return [DiseaseSpec(d, name) for d, name in pairs]


def test_similar_names_pair_across_word_order_and_filler_words() -> None:
    specs = _named(("OMIM:201910", "Adrenal hyperplasia, congenital, due to 21-hydroxylase "
                    "deficiency"),
                   ("ORPHA:90794", "Classic congenital adrenal hyperplasia due to "
                    "21-hydroxylase deficiency"),
                   ("OMIM:609460", "Goldberg-Shprintzen syndrome"),
                   ("ORPHA:2462", "Shprintzen-Goldberg syndrome"))
    assert similar_name_pairs(specs) == [("OMIM:201910", "ORPHA:90794"),
                                         ("OMIM:609460", "ORPHA:2462")]


def test_similar_names_need_the_same_numbers_and_enough_shared_words() -> None:
    specs = _named(("OMIM:1", "Spastic paraplegia 16, X-linked"),
                   ("ORPHA:1", "X-linked spastic paraplegia type 17"),
                   ("OMIM:2", "Corneal dystrophy, posterior amorphous"),
                   ("ORPHA:2", "Posterior polymorphous corneal dystrophy"))
    assert similar_name_pairs(specs) == []


def test_similar_names_pair_only_mutual_single_best_matches() -> None:
    specs = _named(("OMIM:1", "Charcot-Marie-Tooth disease, X-linked recessive, 2"),
                   ("ORPHA:1", "X-linked Charcot-Marie-Tooth disease type 2"),
                   ("ORPHA:2", "X-linked recessive Charcot-Marie-Tooth disease type 2"))
    # ORPHA:2 has every word of OMIM:1: the better match, and the only one kept
    assert similar_name_pairs(specs) == [("OMIM:1", "ORPHA:2")]
    tie = _named(("OMIM:1", "Ataxia 3"), ("ORPHA:1", "Ataxia type 3"), ("ORPHA:2", "Ataxia 3"))
    assert similar_name_pairs(tie) == []
    assert similar_name_pairs(specs, exclude={"ORPHA:2"}) == [("OMIM:1", "ORPHA:1")]


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

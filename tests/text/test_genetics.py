"""Genetic results named in a report are noticed (and left out of the ranking)."""

from __future__ import annotations

from osteodx.text.extract import extract_text
from osteodx.text.genetics import named_genes


def test_only_symbols_in_a_genetic_sentence() -> None:
    genes = {"FBN1", "COL1A1", "CRP", "ALB"}
    text = ("COL1A1 c.1081G>A (p.Gly361Ser), heterozygous. CRP 3 mg/L; ALB 40 g/L. "
            "A pathogenic variant in FBN1 was found.")
    assert named_genes(text, genes) == ["COL1A1", "FBN1"]
    assert named_genes("CRP was 3 mg/L and ALB normal.", genes) == []


def test_extraction_says_the_gene_is_not_used(real_kb) -> None:
    ex = extract_text("A tall 20-year-old man. Exome sequencing: de novo FBN1 variant.",
                      real_kb, case_id="c")
    assert any("FBN1" in w and "not used for ranking" in w for w in ex.warnings)
    assert not any("FBN1" in str(f) for f in ex.phenopacket["phenotypicFeatures"])

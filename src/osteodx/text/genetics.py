"""Genetic results named in a report ("a pathogenic variant in FBN1", "COL1A1 c.1081G>A").

osteodx ranks on phenotype only: genes, variants and stated diagnoses are never inputs to
the ranking (a report that names its answer would otherwise grade itself). A reader should
not wonder whether the gene was used, so the extraction says that it was seen and left out.
A gene symbol counts only in a sentence with genetic words (variant, mutation, c., p.,
heterozygous ...), so lab names that are also gene symbols ("CRP", "ALB") do not, nor a
vital sign in a "Repeat obs: HR 96" line (a repeat expansion is genetic, a repeat visit not).

>>> named_genes("Sequencing found a heterozygous FBN1 variant. CRP was 3 mg/L.",
...             {"FBN1", "CRP"})
['FBN1']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["named_genes"]

_SYMBOL = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,4})?(?![\w-])")
_GENETIC = re.compile(
    r"\b(?:genes?|variants?|mutations?|mutated|pathogenic|likely pathogenic|heterozygous"
    r"|homozygous|hemizygous|compound heterozygous|de novo|exome|genome|sequencing|panel"
    r"|deletion|duplication|expansion|(?:CAG|CGG|CTG|GAA|triplet|trinucleotide|hexanucleotide)"
    r" repeats?)\b|\bc\.[0-9*-]|\bp\.\(?[A-Z][a-z]{2}",
    re.IGNORECASE)
#: a sentence ends at ". " before a capital or at a line break ("c.1081G>A" does not end one)
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n")


def named_genes(text: str, genes: Iterable[str]) -> list[str]:
    """Gene symbols of *genes* written in a sentence about a genetic result, in text order."""
    known = set(genes)
    out: list[str] = []
    for sentence in _BOUNDARY.split(text):
        if not _GENETIC.search(sentence):
            continue
        for m in _SYMBOL.finditer(sentence):
            if m.group() in known and m.group() not in out:
                out.append(m.group())
    return out

"""A diagnosis the report states is the answer, not a finding.

"The diagnosis of autosomal dominant osteopetrosis type 2 was made after CLCN7
sequencing" names HPO's *Osteopetrosis*; read as a finding it would raise the very
disease the authors concluded, the leak osteodx promises not to have (stated diagnoses,
genes and variants are never used for ranking). A term is taken as a stated diagnosis
when a diagnosis cue ("diagnosis of", "diagnosed as/with", "confirmed the diagnosis of")
comes before it in its clause *and* the words around it name a disease rather than a
feature: a mode of inheritance before it, or "type 2", "syndrome", "disease" after it.
"She was diagnosed with scoliosis at 12" stays a finding.
"""

from __future__ import annotations

import re

__all__ = ["stated_diagnosis"]

_CUE = re.compile(
    r"\b(?:diagnos[ie]s\s+(?:of|was|is|:)|diagnosed\s+(?:as|with)|(?:confirm|establish|made|"
    r"reach|suggest)\w*\s+(?:the\s+|a\s+)?diagnosis\s+of|consistent\s+with\s+(?:a\s+|the\s+)?"
    r"diagnosis\s+of)\b[^.;:!?]*$", re.IGNORECASE)
_DISEASE_BEFORE = re.compile(
    r"\b(?:autosomal[\s-]+(?:dominant|recessive)|x[\s-]+linked|mitochondrial)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE)
_DISEASE_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:type\s+\w+|syndrome|disease|disorder|autosomal|x[\s-]+linked"
    r"|\(?(?:[IVX]+|\d+[A-Z]?)\)?(?=[.,;:)]|\s*$))",
    re.IGNORECASE)


def stated_diagnosis(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Is the term at ``text[start:end]`` part of a diagnosis the report states?

    >>> s = "The diagnosis of autosomal dominant osteopetrosis type 2 was made."
    >>> i = s.index("osteopetrosis")
    >>> stated_diagnosis(s, i, i + 13, (0, len(s)))
    True
    >>> s = "She was diagnosed with scoliosis at 12."
    >>> i = s.index("scoliosis")
    >>> stated_diagnosis(s, i, i + 9, (0, len(s)))
    False
    """
    if not _CUE.search(text, sentence[0], start):
        return False
    return bool(_DISEASE_BEFORE.search(text, max(sentence[0], start - 60), start)
                or _DISEASE_AFTER.match(text[end:min(sentence[1], end + 30)]))

"""A diagnosis the report states is the answer, not a finding.

"The diagnosis of autosomal dominant osteopetrosis type 2 was made after CLCN7
sequencing" names HPO's *Osteopetrosis*; read as a finding it would raise the very
disease the authors concluded, the leak osteodx promises not to have (stated diagnoses,
genes and variants are never used for ranking). A term is taken as a stated diagnosis
when a diagnosis cue ("diagnosis of", "diagnosed as/with", "confirmed the diagnosis of")
comes before it in its clause *and* the words around it name a disease rather than a
feature: a mode of inheritance before it, or "type 2", "syndrome", "disease" after it.
"She was diagnosed with scoliosis at 12" stays a finding.

A label the report puts in quotes after a labelling verb ("treated elsewhere for
'rickets'", 'labelled as "cerebral palsy"') is doubted, not asserted: it is no finding
either (:func:`doubted_label`).
"""

from __future__ import annotations

import re

__all__ = ["doubted_label", "stated_diagnosis"]

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


_QUOTES = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201c": "\u201d"}
#: a labelling verb before a quoted label: "treated for", "diagnosed with", "labelled as",
#: "called", "told it was", "a diagnosis of"
_LABELLED = re.compile(
    r"\b(?:treated|managed|followed|investigated|seen|operated|diagnosed|labell?ed|called"
    r"|termed|named|told|thought|presumed|misdiagnosed|referred)\b[^.;:!?]{0,30}"
    r"|\bdiagnosis\s+(?:of|was)\s*$|\b(?:as|for|with)\s*$", re.IGNORECASE)


def doubted_label(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Is the term at ``text[start:end]`` a label the report quotes to doubt it?

    >>> s = "He was treated elsewhere for 'rickets' in 2019."
    >>> i = s.index("rickets")
    >>> doubted_label(s, i, i + 7, (0, len(s)))
    True
    >>> s = "Mother says 'his legs hurt' at night."
    >>> i = s.index("legs")
    >>> doubted_label(s, i, i + 9, (0, len(s)))
    False
    """
    if start < 1 or end >= len(text):
        return False
    close = _QUOTES.get(text[start - 1])
    if close is None or text[end] != close:
        return False  # the quotes must hold the term alone: not a patient's quoted words
    if re.match(r"\s+(?:diagnosis|label)\b", text[end + 1:end + 20], re.IGNORECASE):
        return True  # "the 'rickets' diagnosis was wrong"
    before = text[max(sentence[0], start - 60):start - 1]
    return bool(_LABELLED.search(before)) and bool(re.search(r"\b(?:as|for|with|of|was|called"
                                                                r"|termed|named)\s*$", before))

"""A mode of inheritance the report reads from this family's pedigree ("the pedigree is
consistent with autosomal dominant inheritance", "X-linked inheritance was suspected").

A clinician who draws the pedigree states what it shows; that is evidence about the
family, like an affected parent, not a diagnosis. A sentence about a disease in general
("ADO2 is inherited in an autosomal dominant manner") says nothing about this family, so a
mode counts only in a sentence that names the family, pedigree, kindred, a relative or
generations, or on a family-history line, and not when negated ("no clear pattern of
autosomal dominant inheritance") or in a discussion of the literature. A suspicion counts:
it is the clinician's reading of the pedigree.

>>> [(s.hpo_id, s.label) for s in find_stated_inheritance(
...     "A 9-year-old girl. The pedigree is consistent with autosomal dominant inheritance.")]
[('HP:0000006', 'Autosomal dominant inheritance')]
>>> find_stated_inheritance("Osteopetrosis is inherited in an autosomal dominant manner.")
[]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from osteodx.text.context import ContextAnalyser, context_of

__all__ = ["MODES", "StatedInheritance", "find_stated_inheritance"]

#: HPO modes of inheritance a report can state, by the words it uses
MODES: dict[str, tuple[str, str]] = {
    "ad": ("HP:0000006", "Autosomal dominant inheritance"),
    "ar": ("HP:0000007", "Autosomal recessive inheritance"),
    "xl": ("HP:0001417", "X-linked inheritance"),
    "xlr": ("HP:0001419", "X-linked recessive inheritance"),
    "xld": ("HP:0001423", "X-linked dominant inheritance"),
    "mt": ("HP:0001427", "Mitochondrial inheritance"),
}

_MODE = (r"(?P<m>autosomal[- ]dominant|autosomal[- ]recessive|X[- ]linked(?:[- ](?:recessive"
         r"|dominant))?|mitochondrial|maternal|(?-i:AD|AR|XLR|XLD))")
_STATED = re.compile(
    rf"\b{_MODE}\s(?:mode\sof\s)?(?:inheritance|pattern|transmission|trait|segregation)\b"
    rf"|\b(?:inherited|passed\son|transmitted)\s(?:in\san?\s|as\san?\s)?"
    rf"{_MODE.replace('?P<m>', '?P<m2>')}"
    r"(?:\s(?:manner|fashion|pattern|way|trait))?\b"
    r"|\b(?P<adv>dominantly|recessively)\sinherited\b", re.IGNORECASE)
#: a sentence about this family
_FAMILY = re.compile(r"\b(?:pedigree|family|families|familial|kindred|relatives|generations?"
                     r"|segregat\w*|parents?|mother|father|brothers?|sisters?|siblings?|sons?"
                     r"|daughters?|children|uncles?|aunts?|cousins?|grand(?:mother|father|parents?)"
                     r"|nephews?|nieces?)\b", re.IGNORECASE)
_ABBREVIATED = {"ad": "ad", "ar": "ar", "xlr": "xlr", "xld": "xld"}


class StatedInheritance(NamedTuple):
    hpo_id: str
    label: str
    start: int
    end: int


def _kind(words: str) -> str:
    w = words.lower().replace("-", " ")
    if w in _ABBREVIATED:
        return _ABBREVIATED[w]
    if w.startswith("autosomal"):
        return "ad" if w.endswith("dominant") else "ar"
    if w.startswith("x linked"):
        return "xlr" if w.endswith("recessive") else "xld" if w.endswith("dominant") else "xl"
    return "mt"  # mitochondrial, maternal


def find_stated_inheritance(text: str, ctx: ContextAnalyser | None = None
                            ) -> list[StatedInheritance]:
    """Modes of inheritance stated about this family, in text order, each once."""
    ctx = ctx or context_of(text)
    out: dict[str, StatedInheritance] = {}
    for m in _STATED.finditer(text):
        words = m.group("m") or m.group("m2")
        if words is None:
            kind = "ad" if m.group("adv").lower() == "dominantly" else "ar"
        else:
            kind = _kind(words)
        a = ctx.assess(m.start(), m.end())
        if a.negated or a.hypothetical:
            continue
        sentence = text[a.sentence[0]:a.sentence[1]]
        if not _FAMILY.search(sentence) and a.section != "family":
            continue
        hpo_id, label = MODES[kind]
        out.setdefault(hpo_id, StatedInheritance(hpo_id, label, m.start(), m.end()))
    return sorted(out.values(), key=lambda s: s.start)

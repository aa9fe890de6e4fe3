"""OMIM and Orphanet entries that describe the same disease, and what they share.

The HPO release ships no OMIM-Orphanet mapping, but it links each disease to its
genes (``genes_to_phenotype.txt``). A gene with exactly one OMIM disease (caused by
that gene alone) and exactly one gene-specific Orphanet disease (linked to that gene
alone, not a chromosomal deletion or duplication syndrome) names one disease twice:
"Developmental and epileptic encephalopathy 4" (OMIM:612164) and
"STXBP1-related encephalopathy" (ORPHA:599373). Entries of identical names are paired
too, and so are entries whose names use the same words in another order or form
("Spinocerebellar ataxia 21" and "Spinocerebellar ataxia type 21", "Adrenal hyperplasia,
congenital, due to 21-hydroxylase deficiency" and "Classic congenital adrenal
hyperplasia due to 21-hydroxylase deficiency"; :func:`similar_name_pairs`).
Paired entries pool their annotations: each gains the phenotypes only the other lists
(at the default frequency: a feature one source omits is not known to be frequent),
and an annotation without a frequency takes the other's frequency.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from osteodx.diseases.model import AnnotationSpec, DiseaseSpec, namespace_of

__all__ = ["gene_equivalents", "same_name_pairs", "similar_name_pairs", "share_annotations"]

_CHROMOSOMAL = re.compile(
    r"micro(?:deletion|duplication)|deletion|duplication|trisomy|monosomy|tetrasomy"
    r"|\b\d{1,2}[pq]\d", re.IGNORECASE)


def gene_equivalents(specs: Mapping[str, DiseaseSpec],
                     disease_genes: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """(OMIM id, ORPHA id) pairs that name the same single-gene disease.

    >>> specs = {d: DiseaseSpec(d, n) for d, n in [("OMIM:1", "A syndrome"),
    ...     ("ORPHA:9", "GENE-related A"), ("ORPHA:8", "1p36 deletion syndrome")]}
    >>> gene_equivalents(specs, {"OMIM:1": ["G"], "ORPHA:9": ["G"], "ORPHA:8": ["G"]})
    [('OMIM:1', 'ORPHA:9')]
    """
    by_gene: dict[str, list[str]] = {}
    for did, genes in disease_genes.items():
        if did in specs:
            for g in genes:
                by_gene.setdefault(g, []).append(did)
    pairs = set()
    for ids in by_gene.values():
        omim = [d for d in ids if namespace_of(d) == "omim"]
        orpha = [d for d in ids if namespace_of(d) == "orpha" and len(disease_genes[d]) == 1
                 and not _CHROMOSOMAL.search(specs[d].label)]
        if len(omim) == 1 and len(disease_genes[omim[0]]) == 1 and len(orpha) == 1:
            pairs.add((omim[0], orpha[0]))
    return sorted(pairs)


def _plain(label: str) -> str:
    """Lower case, accents and punctuation dropped: "Aymé-Gripp" -> "ayme gripp"."""
    ascii_ = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_.lower()).strip()


def same_name_pairs(specs: Iterable[DiseaseSpec]) -> list[tuple[str, str]]:
    """(OMIM id, ORPHA id) pairs of identical names (case and punctuation aside), when
    each namespace has exactly one entry of that name.

    >>> same_name_pairs([DiseaseSpec("OMIM:1", "KBG syndrome"),
    ...                  DiseaseSpec("ORPHA:2", "KBG Syndrome"),
    ...                  DiseaseSpec("OMIM:3", "Ayme-Gripp syndrome"),
    ...                  DiseaseSpec("ORPHA:4", "Aymé-Gripp syndrome")])
    [('OMIM:1', 'ORPHA:2'), ('OMIM:3', 'ORPHA:4')]
    """
    by_name: dict[str, dict[str, list[str]]] = {}
    for spec in specs:
        key = _plain(spec.label)
        by_name.setdefault(key, {}).setdefault(spec.namespace, []).append(spec.disease_id)
    return sorted((ns["omim"][0], ns["orpha"][0]) for key, ns in by_name.items()
                  if key and len(ns.get("omim", ())) == 1 and len(ns.get("orpha", ())) == 1)


#: words that do not tell two disease names apart
_FILLER = frozenset({"due", "to", "of", "the", "with", "and", "or", "a", "an", "in", "type",
                     "syndrome", "disease", "disorder", "form", "deficiency"})
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7",
          "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12"}
#: share of the two names' words that must be common (Jaccard); 0.8 keeps one extra word
#: in five ("classic"), and on the development corpus pairs found below it were often
#: different diseases ("posterior amorphous" and "posterior polymorphous" corneal dystrophy)
SIMILAR_NAME_THRESHOLD = 0.8


#: a Roman numeral with a subtype letter: "type IA" is "type 1A" ("via" is a word)
_ROMAN_SUBTYPE = re.compile(r"(?!via\b)(x?i{1,3}|iv|vi{0,3}|ix|x)([a-d])")


def _number(word: str) -> str:
    """A Roman numeral, with or without a subtype letter, as digits ("iv" -> "4", "ia" ->
    "1a"); any other word as it is."""
    if word in _ROMAN:
        return _ROMAN[word]
    m = _ROMAN_SUBTYPE.fullmatch(word)
    return _ROMAN[m.group(1)] + m.group(2) if m and m.group(1) in _ROMAN else word


def _name_words(label: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words, numbers) of a disease name; Roman numerals read as numbers.

    >>> _name_words("Pseudohypoparathyroidism, type IA")
    (frozenset({'pseudohypoparathyroidism'}), frozenset({'1a'}))
    """
    words = [_number(w) for w in _plain(label).split()]
    numbers = frozenset(w for w in words if re.fullmatch(r"\d+[a-z]?\d*", w))
    return frozenset(w for w in words if w not in _FILLER and w not in numbers), numbers


def similar_name_pairs(specs: Iterable[DiseaseSpec], exclude: Iterable[str] = (), *,
                       threshold: float = SIMILAR_NAME_THRESHOLD) -> list[tuple[str, str]]:
    """(OMIM id, ORPHA id) pairs whose names share at least *threshold* of their words
    (Jaccard, filler words such as "syndrome" or "type" aside) and exactly the same
    numbers, when each is the other's single best match. Ids in *exclude* (already
    paired) are left out.

    >>> similar_name_pairs([DiseaseSpec("OMIM:1", "Spinocerebellar ataxia 21"),
    ...                     DiseaseSpec("ORPHA:2", "Spinocerebellar ataxia type 21"),
    ...                     DiseaseSpec("ORPHA:3", "Spinocerebellar ataxia type 2"),
    ...                     DiseaseSpec("OMIM:4", "Orofaciodigital syndrome IV"),
    ...                     DiseaseSpec("ORPHA:5", "Orofaciodigital syndrome type 4")])
    [('OMIM:1', 'ORPHA:2'), ('OMIM:4', 'ORPHA:5')]
    """
    skip = set(exclude)
    sides: dict[str, list[tuple[str, frozenset[str], frozenset[str]]]] = {"omim": [],
                                                                           "orpha": []}
    for spec in specs:
        if spec.namespace in sides and spec.disease_id not in skip:
            words, numbers = _name_words(spec.label)
            if words:
                sides[spec.namespace].append((spec.disease_id, words, numbers))
    by_word: dict[str, list[int]] = {}
    for j, (_, words, _) in enumerate(sides["orpha"]):
        for w in words:
            by_word.setdefault(w, []).append(j)
    best: dict[int, list[tuple[float, int]]] = {}  # orpha index -> (score, omim index)
    for i, (_, words, numbers) in enumerate(sides["omim"]):
        scored = sorted(((len(words & sides["orpha"][j][1]) / len(words | sides["orpha"][j][1]),
                          j) for j in {j for w in words for j in by_word.get(w, ())}
                         if sides["orpha"][j][2] == numbers), reverse=True)
        if scored and scored[0][0] >= threshold and (len(scored) == 1
                                                     or scored[1][0] < scored[0][0]):
            best.setdefault(scored[0][1], []).append((scored[0][0], i))
    pairs = []
    for j, cands in best.items():
        cands.sort(reverse=True)
        if len(cands) == 1 or cands[1][0] < cands[0][0]:
            pairs.append((sides["omim"][cands[0][1]][0], sides["orpha"][j][0]))
    return sorted(pairs)


def share_annotations(specs: Mapping[str, DiseaseSpec],
                      pairs: Sequence[tuple[str, str]], *, fill_frequency: bool = True) -> int:
    """Pool the phenotype annotations of each pair; returns the annotations added."""
    added = 0
    before = {d: list(specs[d].annotations) for pair in pairs for d in pair if d in specs}
    for a, b in pairs:
        if a not in before or b not in before:
            continue
        for mine, theirs, other in ((a, b, b), (b, a, a)):
            own = {x.hpo_id: x for x in specs[mine].annotations if not x.negated}
            for ann in before[theirs]:
                if ann.negated or ann.origin != "hpoa":
                    continue
                have = own.get(ann.hpo_id)
                if have is None:  # the other source's frequency is not this entry's
                    specs[mine].annotations.append(AnnotationSpec(
                        ann.hpo_id, None, reference=ann.reference,
                        origin=f"same disease as {other}", sex=ann.sex))
                    own[ann.hpo_id] = specs[mine].annotations[-1]
                    added += 1
                elif (fill_frequency and have.frequency is None and ann.frequency is not None
                      and have.sex == ann.sex):
                    have.frequency, have.frequency_text = ann.frequency, ann.frequency_text
                    have.reference = f"{have.reference}; {ann.reference} via {other}".strip("; ")
    return added

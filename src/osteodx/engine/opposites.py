"""Opposite findings: *Increased* and *Decreased circulating PTH*, *Hypercalcemia* and
*Hypocalcemia*, *Macrocephaly* and *Microcephaly*, *Tall* and *Short stature*.

Why: the two share their parent (*Abnormal circulating PTH level*), so without this rule a
disease annotated with a low PTH would partly explain a patient's high PTH through that
common ancestor, when it argues against the disease (a high PTH is what separates
pseudohypoparathyroidism from hypoparathyroidism). Opposites are read from the labels of the
release in use, so any HPO release works: two terms are opposite when swapping one word pair
below turns one label into the other and they share a parent or one's parent is the other's
ancestor. Pairs that a clinical definition opposes without mirrored labels (*Elevated
circulating PTH level* and *Hypoparathyroidism*) come from ``knowledge/opposites.yaml``, each
with its source.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from osteodx.knowledge import load_yaml
from osteodx.ontology.graph import Ontology

__all__ = ["OPPOSITE_WORDS", "curated_opposites", "opposites"]

#: word pairs whose swap turns a label into its opposite (lower case, first occurrence)
OPPOSITE_WORDS: tuple[tuple[str, str], ...] = (
    ("increased", "decreased"), ("elevated", "reduced"), ("elevated", "decreased"),
    ("increased", "reduced"), ("hyper", "hypo"),
    ("macro", "micro"), ("tall stature", "short stature"), ("large for", "small for"),
)


def opposites(onto: Ontology, i: int, labels: dict[str, int]) -> tuple[int, ...]:
    """Terms opposite to term *i*; *labels* maps lower-case labels to term indices.

    >>> from osteodx.ontology.graph import Ontology
    >>> import numpy as np
    >>> onto = Ontology("toy", ["HP:1", "HP:2", "HP:3", "HP:4"],
    ...     ["Abnormal calcium", "Hypercalcemia", "Hypocalcemia", "Hyperostosis"], [[]] * 4,
    ...     np.array([0, 0, 1, 2, 3]), np.array([0, 0, 0]), np.array([0, 1, 3, 5, 7]),
    ...     np.array([0, 0, 1, 0, 2, 0, 3]), {}, {})
    >>> labels = {l.lower(): k for k, l in enumerate(onto.labels)}
    >>> opposites(onto, 1, labels), opposites(onto, 3, labels)
    ((2,), ())
    """
    label = onto.labels[i].lower()
    out = [onto.index[b] for a, b in curated_opposites() if a == onto.ids[i] and b in onto]
    for a, b in OPPOSITE_WORDS:
        for x, y in ((a, b), (b, a)):
            if x in label:
                j = labels.get(label.replace(x, y, 1))
                if j is not None and j != i and _related(onto, i, j):
                    out.append(j)
    return tuple(sorted(set(out)))


def _related(onto: Ontology, i: int, j: int) -> bool:
    pi, pj = set(onto.parents(i).tolist()), set(onto.parents(j).tolist())
    return bool(pi & pj or pi & set(onto.ancestors(j).tolist())
                or pj & set(onto.ancestors(i).tolist()))


@cache
def curated_opposites() -> tuple[tuple[str, str], ...]:
    """The pairs of ``knowledge/opposites.yaml``, both ways: ``(finding, opposite)`` ids."""
    text = resources.files("osteodx.knowledge").joinpath("opposites.yaml").read_text("utf-8")
    pairs = load_yaml(text)["pairs"]
    return tuple(sorted({(p[a], p[b]) for p in pairs
                         for a, b in (("finding", "opposite"), ("opposite", "finding"))}))

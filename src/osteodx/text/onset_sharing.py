"""A finding named twice, once plainly with its onset and once more precisely without one,
began when the plain mention says: "Hearing has been poor since about age 8. ... Audiology:
bilateral mixed hearing loss" dates the mixed hearing loss to age 8.

Only close relatives in the ontology share an onset (one is an ancestor of the other at most
:data:`MAX_STEPS` is-a steps away), and never through a broad term of an organ system
("Abnormality of the ear" at birth says nothing of when the hearing loss began).
"""

from __future__ import annotations

from typing import Any

from osteodx.case.age import iso8601_years
from osteodx.ontology.graph import Ontology

__all__ = ["share_onsets", "MAX_STEPS", "MIN_ANCESTORS"]

#: how many is-a steps apart two findings may be and still be one finding described twice
MAX_STEPS = 2
#: the more general of the two must have at least this many ancestors (itself and the root
#: included): an organ system has 3 (itself, Phenotypic abnormality, All), its sub-kinds 4
MIN_ANCESTORS = 5


def _steps_up(onto: Ontology, child: int, ancestor: int) -> int | None:
    """Is-a steps from *child* up to *ancestor*, if at most :data:`MAX_STEPS`."""
    level = {child}
    for step in range(1, MAX_STEPS + 1):
        level = {int(p) for c in level for p in onto.parents(c)}
        if ancestor in level:
            return step
    return None


def _related(onto: Ontology, a: str, b: str) -> bool:
    ia, ib = onto.index[a], onto.index[b]
    for child, general in ((ia, ib), (ib, ia)):
        if len(onto.ancestors(general)) >= MIN_ANCESTORS and _steps_up(onto, child,
                                                                       general) is not None:
            return True
    return False


def share_onsets(features: dict[tuple[str, bool], dict[str, Any]], onto: Ontology) -> None:
    """Give each observed feature without an onset the earliest onset of a close relative
    (in place), and say so in its description."""
    dated = [(iso8601_years(f["onset"]["age"]["iso8601duration"]), hid, f)
             for (hid, excluded), f in features.items()
             if not excluded and "age" in f.get("onset", {})]
    if not dated:
        return
    dated.sort(key=lambda t: t[0])
    for (hid, excluded), feat in features.items():
        if excluded or "onset" in feat or hid not in onto:
            continue
        for _, other, source in dated:
            if other != hid and other in onto and _related(onto, hid, other):
                feat["onset"] = dict(source["onset"])
                feat["description"] = (feat.get("description", "") +
                                       f"; onset as for {source['type']['label']}").lstrip("; ")
                break

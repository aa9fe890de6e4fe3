"""Numbered disease series: what a sparsely annotated member shares with its siblings.

OMIM numbers the genetic forms of one clinical disease ("Arrhythmogenic right ventricular
dysplasia, familial, 1" ... "13"). The clinical synopsis of an early or rare member can list
three features while its siblings list twenty: a patient with the disease then matches the
siblings, not the member. A geneticist reads "type 1" as "an ARVD": so a sparsely annotated
member (at most :data:`SPARSE` annotations) gains the features that most members of its series
share (at least :data:`MAJORITY` of them), at the default frequency, as a feature one source
omits is not known to be frequent. Members with rich annotations keep their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from osteodx.diseases.model import AnnotationSpec, DiseaseSpec

__all__ = ["series_stem", "numbered_series", "share_series_features"]

#: a member with at most this many phenotype annotations is completed from its series
SPARSE = 10
#: share of the series' members that must list a feature for it to be the series'
MAJORITY = 0.5
#: a series needs this many members to have a majority worth the name
MIN_MEMBERS = 3

_NUMBER = re.compile(r"[,;]?\s*(?:type\s*)?(?:\d+[a-z]?|[ivx]+)\s*$", re.IGNORECASE)


def series_stem(label: str) -> str | None:
    """The series name of a numbered disease, or ``None`` if the name ends in no number.

    >>> series_stem("Arrhythmogenic right ventricular dysplasia, familial, 9")
    'arrhythmogenic right ventricular dysplasia, familial'
    >>> series_stem("Spinocerebellar ataxia type 3") is None, series_stem("Marfan syndrome")
    (False, None)
    """
    stem = _NUMBER.sub("", label).strip(" ,;").lower()
    return stem if stem and stem != label.lower() else None


def numbered_series(specs: Iterable[DiseaseSpec]) -> dict[str, list[DiseaseSpec]]:
    """OMIM diseases grouped by series name (series of at least :data:`MIN_MEMBERS`)."""
    groups: dict[str, list[DiseaseSpec]] = {}
    for spec in specs:
        stem = series_stem(spec.label) if spec.namespace == "omim" else None
        if stem:
            groups.setdefault(stem, []).append(spec)
    return {k: v for k, v in sorted(groups.items()) if len(v) >= MIN_MEMBERS}


def share_series_features(specs: Iterable[DiseaseSpec]) -> tuple[int, int]:
    """Complete sparse members from their series; returns (series, annotations added)."""
    series = numbered_series(specs)
    added = 0
    for stem, members in series.items():
        counts: Counter[str] = Counter()
        for m in members:
            counts.update({a.hpo_id for a in m.annotations if not a.negated
                           and a.origin == "hpoa"})
        common = sorted(t for t, n in counts.items() if n >= MAJORITY * len(members))
        for m in members:
            if len(m.annotations) > SPARSE:
                continue
            have = {a.hpo_id for a in m.annotations}
            for t in common:
                if t not in have:
                    m.annotations.append(AnnotationSpec(
                        t, None, origin=f"series: most of the {len(members)} '{stem}' entries"))
                    added += 1
    return len(series), added

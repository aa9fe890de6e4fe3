"""Pattern differentials: a classic differential opened by a finding, argued in words.

When an observed finding matches a knowledge pack's pattern (increased bone
density), every condition of that pattern's classic differential is listed with
its rank, probability and the findings that argue for and against it — as a case
report's discussion does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from osteodx.case.model import Case
from osteodx.diseases.packs import Pack
from osteodx.engine.differential import Contribution, Differential, RankedDisease
from osteodx.ontology.graph import Ontology

__all__ = ["PatternDifferential", "pattern_differentials", "summarise_entry"]


@dataclass(slots=True)
class PatternDifferential:
    hpo_id: str
    label: str
    pack: str
    trigger: str  # the case finding that opened it
    candidates: list[RankedDisease] = field(default_factory=list)

    def typical(self) -> dict[str, float]:
        """Median log10 LR of each finding over this pattern's candidates."""
        values: dict[str, list[float]] = {}
        for c in self.candidates:
            for x in c.contributions:
                values.setdefault(x.hpo_id, []).append(x.log10_lr)
        out = {}
        for k, v in values.items():
            v = sorted(v + [0.0] * (len(self.candidates) - len(v)))
            out[k] = v[len(v) // 2]
        return out

    def to_dict(self) -> dict[str, Any]:
        typical = self.typical()
        return {
            "pattern": {"hpo_id": self.hpo_id, "label": self.label},
            "pack": self.pack,
            "trigger": self.trigger,
            "candidates": [{
                "disease_id": c.disease_id, "label": c.label, "rank": c.rank, "score": c.score,
                "post_test_probability": float(f"{c.post_test_probability:.6g}"),
                "supporting": [x.to_dict() for x in c.supporting],
                "contradicting": [x.to_dict() for x in c.contradicting],
                "summary": summarise_entry(c, typical=typical),
            } for c in self.candidates],
        }


def _phrase(c: Contribution) -> str:
    if c.hpo_id in ("age", "sex", "breadth"):
        return c.label
    head, sep, tail = c.source.partition(": ")
    quoted = f" ({tail})" if sep and c.source.startswith("measurements") else ""
    if c.status == "excluded":
        return f"no {c.label[0].lower()}{c.label[1:]}{quoted}"
    return f"{c.label[0].lower()}{c.label[1:]}{quoted}"


def summarise_entry(entry: RankedDisease, n: int = 3,
                    typical: dict[str, float] | None = None) -> str:
    """One sentence: the findings that argue most for and against, in words.

    With *typical* (finding -> median log10 LR over the compared diseases), reasons
    are ordered by how much more they count for or against this disease than for
    the others, so a finding that all candidates fail to explain is not a reason.
    """
    typical = typical or {}

    def rel(c: Contribution) -> float:
        return c.log10_lr - typical.get(c.hpo_id, 0.0)

    pro = [_phrase(c) for c in sorted(entry.supporting, key=lambda c: (-rel(c), c.hpo_id))
           if c.hpo_id != "breadth" and rel(c) > 0][:n]
    con = [_phrase(c) for c in sorted(entry.contradicting, key=lambda c: (rel(c), c.hpo_id))
           if c.hpo_id != "breadth" and rel(c) < 0][:n]
    parts = []
    if pro:
        parts.append("for: " + "; ".join(pro))
    if con:
        parts.append("against: " + "; ".join(con))
    return ". ".join(p[0].upper() + p[1:] for p in parts) + ("." if parts else "No evidence.")


def pattern_differentials(case: Case, diff: Differential, onto: Ontology,
                          packs: tuple[Pack, ...]) -> list[PatternDifferential]:
    """The pattern differentials that the case's observed findings open."""
    out: list[PatternDifferential] = []
    seen_members: set[tuple[str, ...]] = set()
    for pack in packs:
        for pattern in pack.patterns:
            trigger = next((f for f in case.observed if f.hpo_id == pattern.hpo_id or (
                pattern.trigger_descendants and onto.is_a(f.hpo_id, pattern.hpo_id))), None)
            members = tuple(pattern.members)
            if trigger is None or members in seen_members:
                continue
            seen_members.add(members)
            pd = PatternDifferential(pattern.hpo_id, pattern.label, pack.pack,
                                     f"{trigger.label} ({trigger.source})")
            listed: set[str] = set()
            diff.prepare(members)  # one pass over the findings for all of them
            for did in members:
                entry = diff.describe(did)
                if entry is not None and entry.disease_id not in listed:
                    listed.add(entry.disease_id)
                    pd.candidates.append(entry)
            pd.candidates.sort(key=lambda e: (e.rank, e.disease_id))
            out.append(pd)
    return out

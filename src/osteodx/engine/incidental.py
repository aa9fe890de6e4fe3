"""Incidental findings: abnormal results the leading diagnosis does not explain.

A finding is *unexplained* when its likelihood ratio for the leading diagnosis is
at most 1. Rules in ``knowledge/incidental.yaml`` name well-known combinations
(low TSH with normal free T4 = subclinical hyperthyroidism) and their usual next
step; other unexplained abnormal labs are listed with a generic step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from osteodx.case.model import Case, Finding
from osteodx.engine.differential import Differential
from osteodx.knowledge import load_yaml
from osteodx.ontology.graph import Ontology

__all__ = ["IncidentalFinding", "incidental_findings"]

GENERIC_STEP = "Repeat the test and interpret it in the clinical context."


@dataclass(slots=True)
class IncidentalFinding:
    hpo_id: str
    label: str
    source: str
    text: str
    next_step: str
    reference: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"hpo_id": self.hpo_id, "label": self.label, "source": self.source,
                "text": self.text, "next_step": self.next_step, "reference": self.reference}


@cache
def _rules() -> dict[str, Any]:
    path = resources.files("osteodx.knowledge") / "incidental.yaml"
    return load_yaml(path.read_text(encoding="utf-8"))


def _observed_at_or_below(case: Case, onto: Ontology, terms: list[str]) -> list[Finding]:
    return [f for f in case.observed if any(onto.is_a(f.hpo_id, t) for t in terms)]


def _excluded_at_or_above(case: Case, onto: Ontology, term: str) -> bool:
    return any(onto.is_a(term, f.hpo_id) for f in case.excluded)


def _is_lab(f: Finding) -> bool:
    return f.source.startswith("measurements")


def incidental_findings(case: Case, diff: Differential, onto: Ontology) -> list[IncidentalFinding]:
    """Findings that the top-ranked disease does not explain, with the usual next step."""
    if not diff.entries:
        return []
    leader = diff.entries[0]
    explained = {c.hpo_id for c in leader.contributions if c.status == "observed"
                 and c.log10_lr > 0}
    out: list[IncidentalFinding] = []
    used: set[str] = set()
    data = _rules()
    for rule in data["rules"]:
        hits = [f for f in _observed_at_or_below(case, onto, rule["observed_any"])
                if f.hpo_id not in explained and f.hpo_id not in used]
        if not hits:
            continue
        if not all(_excluded_at_or_above(case, onto, t) for t in rule.get("excluded_all", [])):
            continue
        if rule.get("also_observed") and not _observed_at_or_below(case, onto,
                                                                    rule["also_observed"]):
            continue
        f = hits[0]
        used.add(f.hpo_id)
        out.append(IncidentalFinding(f.hpo_id, rule["label"], f.source, _text(f),
                                     " ".join(rule["next_step"].split()),
                                     _cite(data["sources"], rule["source"])))
    for f in case.observed:
        if _is_lab(f) and f.hpo_id not in explained and f.hpo_id not in used:
            used.add(f.hpo_id)
            out.append(IncidentalFinding(f.hpo_id, f.label, f.source, _text(f), GENERIC_STEP))
    return out


def _cite(sources: dict[str, str], keys: str | list[str]) -> str:
    """The full references of a rule's source key or keys."""
    return " ".join(sources.get(k, k) for k in ([keys] if isinstance(keys, str) else keys))


def _text(f: Finding) -> str:
    """The quoted origin of a finding ("25-OH vitamin D 7.2 ng/mL (...): low")."""
    head, sep, tail = f.source.partition(": ")
    return tail if sep else f.label

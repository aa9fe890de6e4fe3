"""The Case: what osteodx knows about one patient, each fact with its origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Finding", "Case", "Status"]

Status = Literal["observed", "excluded"]


@dataclass(slots=True)
class Finding:
    """One phenotypic finding (an HPO term), observed or excluded.

    ``source`` says where it came from: a phenopacket field path
    (``phenotypicFeatures[3]``), a lab (``measurements[0]: 25-OH vitamin D ...``)
    or a text span.
    """

    hpo_id: str
    label: str
    status: Status
    source: str
    onset_years: tuple[float, float] | None = None
    original_id: str | None = None  # when an alt or obsolete id was mapped
    note: str = ""

    @property
    def excluded(self) -> bool:
        return self.status == "excluded"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"hpo_id": self.hpo_id, "label": self.label,
                               "status": self.status, "source": self.source}
        if self.original_id:
            out["original_id"] = self.original_id
        if self.onset_years is not None:
            out["onset_years"] = list(self.onset_years)
        if self.note:
            out["note"] = self.note
        return out


@dataclass(slots=True)
class Case:
    """A patient work-up ready for the engine.

    Diagnoses, interpretations, genes and variants are deliberately absent:
    nothing here can leak the answer into the ranking.
    """

    case_id: str
    source: str
    findings: list[Finding] = field(default_factory=list)
    sex: str = "UNKNOWN_SEX"
    age_years: float | None = None
    #: when the age at last encounter is a range, its upper end (``age_years`` the lower)
    age_upper_years: float | None = None
    measurements: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: family history: [{"relation", "affected": True|False|None, "finding", "source"}]
    family: list[dict[str, Any]] = field(default_factory=list)
    #: interpreted lab results (filled by :func:`osteodx.api.prepare_case`)
    labs: list[dict[str, Any]] | None = None

    @property
    def observed(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "observed"]

    @property
    def excluded(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "excluded"]

    @property
    def onset_years(self) -> float | None:
        """Latest age at which the first finding can have started."""
        ends = [f.onset_years[1] for f in self.findings
                if f.onset_years is not None and f.status == "observed"]
        if ends:
            return min(ends)
        return None

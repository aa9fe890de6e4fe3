"""Interpreted lab results and the texts that explain them.

A :class:`LabResult` keeps everything a report needs to show *why* a lab became
a finding - value and unit as given, the range used and where it came from,
the verdict and how far off it is - so that an HPO term in the differential
can always be traced back to ``measurements[0]: 25-OH vitamin D 7.2 ng/mL
(reference 30.1-100): low``.

>>> fmt(100.0), fmt(0.265), fmt(30.1)
('100', '0.265', '30.1')
>>> range_text(0, 14), range_text(None, 20), range_text(60, None)
('0-14', '<=20', '>=60')
>>> degree("H", 250, 100), degree("L", 7.2, 30.1)
('2.5 x ULN', '0.24 x LLN')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

from osteodx.case.model import Finding

__all__ = ["Interpretation", "LabResult", "LabWorkup", "OUTCOME_WORDS", "degree", "fmt",
           "range_text"]

#: L/N/H as in HL7 interpretation codes; A = abnormal with no direction
#: (a qualitative "Abnormal" or "Positive" without a high term).
Interpretation = Literal["L", "N", "H", "A"]
OUTCOME_WORDS: dict[str, str] = {"L": "low", "N": "normal", "H": "high", "A": "abnormal"}


def fmt(x: float) -> str:
    """A number as a person would write it: no trailing zeros, 6 significant digits."""
    return f"{x:.6g}"


def range_text(low: float | None, high: float | None) -> str:
    """``30.1-100``, ``<=20`` (no lower limit) or ``>=60`` (no upper limit).

    Shown to 4 significant digits: a catalogue range converted into the case's unit
    (8.6-10 mg/dL as 2.14582-2.49513 mmol/L) would otherwise look more precise than any
    laboratory prints it. Results are judged on the unrounded limits."""
    if low is not None and high is not None:
        return f"{_limit(low)}-{_limit(high)}"
    if high is not None:
        return f"<={_limit(high)}"
    return "none" if low is None else f">={_limit(low)}"


def _limit(x: float) -> str:
    """4 significant digits, never in exponent form (a platelet limit of 450000 stays so)."""
    if x == 0 or not math.isfinite(x):
        return fmt(x)
    digits = max(0, 3 - math.floor(math.log10(abs(x))))
    return f"{round(x, digits):.12g}"


def degree(outcome: str | None, value: float, limit: float | None) -> str | None:
    """How far off a result is: value/ULN for high, value/LLN for low."""
    if outcome not in ("H", "L") or not limit:
        return None
    ratio = value / limit
    number = f"{ratio:.0f}" if ratio >= 10 else f"{ratio:.2g}"
    return f"{number} x {'ULN' if outcome == 'H' else 'LLN'}"


@dataclass(slots=True)
class LabResult:
    """One measurement, interpreted (or with warnings saying why it was not)."""

    index: int
    assay: str
    analyte: str | None
    label: str
    value: float | str | None
    unit: str | None
    value_canonical: float | None = None
    unit_canonical: str | None = None
    reference_low: float | None = None
    reference_high: float | None = None
    reference_source: str | None = None
    interpretation: Interpretation | None = None
    degree: str | None = None
    hpo_id: str | None = None
    hpo_label: str | None = None
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        """'low', 'normal', 'high', 'abnormal' or 'not interpreted'."""
        return OUTCOME_WORDS.get(self.interpretation or "", "not interpreted")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "index": self.index, "assay": self.assay, "analyte": self.analyte,
            "label": self.label, "value": self.value, "unit": self.unit,
            "value_canonical": self.value_canonical, "unit_canonical": self.unit_canonical,
            "reference_low": self.reference_low, "reference_high": self.reference_high,
            "reference_source": self.reference_source, "interpretation": self.interpretation,
            "degree": self.degree, "hpo_id": self.hpo_id, "hpo_label": self.hpo_label,
            "text": self.text, "findings": [f.to_dict() for f in self.findings],
            "warnings": list(self.warnings),
        }
        if self.notes:
            out["notes"] = list(self.notes)
        return out


@dataclass(slots=True)
class LabWorkup:
    """All results of one case, the HPO findings they give, and every warning
    (each prefixed with the measurement it concerns)."""

    results: list[LabResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"results": [r.to_dict() for r in self.results],
                "findings": [f.to_dict() for f in self.findings],
                "warnings": list(self.warnings)}

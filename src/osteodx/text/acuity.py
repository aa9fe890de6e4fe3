"""Visual acuity readings as findings: "VA 6/36 right and 6/60 left" or "Visus OD 0,05" ->
Reduced visual acuity; "Visual acuity 6/6 in both eyes" or "OD 10/10" excludes it.

The threshold is WHO's (ICD-11, World report on vision 2019), kept with its source in
``knowledge/vitals.yaml``: a Snellen acuity worse than 6/12 (20/40, a decimal acuity below
0.5) in either eye is impaired; 6/12 or better in every eye read is not. Fractions are read
only after a visual-acuity cue, and only in statements about this patient.

>>> [(a.hpo_id, a.excluded, a.note) for a in find_visual_acuity(
...     "Visual acuity 6/36 right and 6/60 left.")]
[('HP:0007663', False, 'visual acuity 6/60 worse than 6/12 (WHO)')]
>>> [(a.excluded, a.note) for a in find_visual_acuity("VA 6/6 both eyes.")]
[(True, 'visual acuity 6/6 in every eye read, 6/12 or better (WHO)')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from osteodx.text.context import ContextAnalyser, context_of
from osteodx.text.vitals import vitals_data

__all__ = ["VisualAcuity", "find_visual_acuity"]

_CUE = re.compile(r"\b(?:visual acuit(?:y|ies)|(?-i:B?C?VA)|acuity|vision|visus)\b",
                  re.IGNORECASE)
#: "6/36", "6 / 60", "20/200", "6/7.5" (not a date "6/12/2019" nor a ratio inside a number);
#: decimal acuity after an eye ("OD 0,05; OS 0,1", "right eye 0.5") and tenths ("OD 2/10")
_SNELLEN = re.compile(r"(?<![\d/.])(?P<n>6|20|\d{1,2})\s?/\s?(?P<d>\d{1,3}(?:\.\d)?)(?![\d/])"
                      r"|(?:(?<=\bOD )|(?<=\bOS )|(?<=\bOU )|(?<=\bRE )|(?<=\bLE )|(?<=OD: )"
                      r"|(?<=OS: )|(?<=right eye )|(?<=left eye ))"
                      r"(?P<dec>0[.,]\d{1,2}|1[.,]0)(?![\d])")
_STOP = re.compile(r"[.;\n]\s|[.;]$")


class VisualAcuity(NamedTuple):
    hpo_id: str
    excluded: bool
    start: int
    end: int
    note: str


def find_visual_acuity(text: str, ctx: ContextAnalyser | None = None) -> list[VisualAcuity]:
    """One reading per visual-acuity statement: impaired when any eye is worse than 6/12."""
    v = vitals_data()["visual_acuity"]
    ctx = ctx or context_of(text)
    out: list[VisualAcuity] = []
    for cue in _CUE.finditer(text):
        stop = _STOP.search(text, cue.end())
        end = min(stop.start() if stop else len(text), cue.end() + 80)
        reads = [r for r in map(_decimal, _SNELLEN.finditer(text, cue.end(), end)) if r]
        if not reads or any(o.start <= cue.start() < o.end for o in out):
            continue
        if not ctx.assess(cue.start(), reads[-1][0].end()).about_patient:
            continue
        worst_m, worst = min(reads, key=lambda t: t[1])
        span = (cue.start(), reads[-1][0].end())
        if worst < v["worse_than_decimal"]:
            out.append(VisualAcuity(v["term"], False, *span,
                                    f"visual acuity {worst_m.group()} worse than 6/12 (WHO)"))
        else:
            out.append(VisualAcuity(v["term"], True, *span,
                                    f"visual acuity {worst_m.group()} in every eye read, 6/12 "
                                    "or better (WHO)"))
    return out


def _decimal(m: re.Match[str]) -> tuple[re.Match[str], float] | None:
    """The reading as a decimal acuity: 6/36 -> 0.17, "0,05" -> 0.05, tenths "2/10" -> 0.2."""
    dec = m.group("dec")
    if dec is not None:
        return m, float(dec.replace(",", "."))
    n, d = float(m.group("n")), float(m.group("d"))
    if d <= 0 or (n not in (6.0, 20.0) and d != 10.0) or n > d * 2:
        return None  # "3/4", "12/18": not an acuity unless Snellen (6/ or 20/) or tenths
    return m, n / d

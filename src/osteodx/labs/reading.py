"""One measurement's :class:`LabResult`, filled in: verdict, text, findings, warnings.

:class:`Reading` holds what every kind of measurement shares - the warnings and notes
that stay with the result, and :meth:`Reading.finish`, which turns a verdict into
observed or excluded HPO findings whose source names the measurement - and reads the
two kinds judged against no lab range: body height, weight and head circumference on the
CDC 2000 growth charts, and vital signs against guideline thresholds. The catalogue's
analytes and panels are read by its subclass in :mod:`osteodx.labs.interpret`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from osteodx.case.model import Finding
from osteodx.labs.catalogue import Catalogue, HpoMap, HpoTerm
from osteodx.labs.growth import GrowthMeasure, growth_z
from osteodx.labs.result import OUTCOME_WORDS, Interpretation, LabResult, fmt
from osteodx.labs.units import UnitError, convert, parse_unit
from osteodx.labs.vitals import in_canonical_unit, judge_vital

__all__ = ["Reading", "hpo_findings", "unit_text"]


def unit_text(raw: Any) -> str | None:
    """A phenopacket unit as people read it: its label, else its UCUM code."""
    if isinstance(raw, Mapping):
        uid = str(raw.get("id", "") or "")
        return str(raw.get("label") or (uid[5:] if uid.startswith("UCUM:") else uid) or "") or None
    return str(raw) if raw else None


def hpo_findings(hpo: HpoMap, outcome: str, source: str, note: str = "") -> list[Finding]:
    """Findings for an outcome: H/L/A observed, N excludes the low and high terms."""
    if outcome == "N":
        return [Finding(t.hpo_id, t.label, "excluded", source, note=note)
                for t in (hpo.low, hpo.high) if t is not None]
    term = {"H": hpo.high, "L": hpo.low, "A": hpo.abnormal}.get(outcome)
    return [] if term is None else [Finding(term.hpo_id, term.label, "observed", source,
                                            note=note)]


class Reading:
    """Fills in one :class:`LabResult`: verdict, text, findings, warnings."""

    def __init__(self, result: LabResult, where: str, cat: Catalogue, age: float | None,
                 sex: str | None) -> None:
        self.result, self.where, self.cat, self.age, self.sex = result, where, cat, age, sex
        self.code = result.assay
        self.flag: re.Match[str] | None = None  # a laboratory flag quoted from a report

    def warn(self, msg: str) -> None:
        self.result.warnings.append(msg)

    def note(self, msg: str) -> None:
        self.result.notes.append(msg)

    def finish(self, hpo: HpoMap, outcome: Interpretation | None, text: str,
                note: str = "") -> None:
        r = self.result
        r.text = text
        if outcome is None:
            return
        r.interpretation = outcome
        r.findings = hpo_findings(hpo, outcome, f"{self.where}: {text}", note)
        if outcome != "N" and r.findings:
            r.hpo_id, r.hpo_label = r.findings[0].hpo_id, r.findings[0].label
        elif outcome != "N":
            self.warn(f"{r.label}: no HPO term for a {r.outcome} result; no finding")

    def growth(self, measure: GrowthMeasure, q: Mapping[str, Any]) -> None:
        """A body height, weight or head circumference placed on the CDC 2000 reference for
        the patient's age and sex: below -2 SD low, above +2 SD high, else normal."""
        r = self.result
        x = float(q.get("value", 0.0) or 0.0)
        r.value, r.unit = x, unit_text(q.get("unit"))
        head = f"{measure.label} {fmt(x)} {r.unit or ''}".rstrip()
        try:
            v = convert(x, parse_unit(q.get("unit") or ""), measure.unit)
        except UnitError as exc:
            self.warn(f"{measure.label}: {exc}; not interpreted")
            r.text = f"{head}: not interpreted"
            return
        r.value_canonical, r.unit_canonical = v, measure.unit
        lo, hi = measure.plausible
        if not lo <= v <= hi:
            self.warn(f"{measure.label}: value {fmt(x)} {r.unit or ''} is implausible "
                      f"(plausible {fmt(lo)}-{fmt(hi)} {measure.unit}); not interpreted")
            r.text = f"{head}: not interpreted (implausible value)"
            return
        why = "age unknown" if self.age is None else None
        gz = growth_z(measure, v, self.age, self.sex or "") if why is None else why
        if isinstance(gz, str):
            self.warn(f"{measure.label}: {gz}; not interpreted")
            r.text = f"{head}: not interpreted ({gz})"
            return
        if abs(gz.z) > measure.max_abs_z:  # 3 kg at 10 years: a slip, not a finding
            self.warn(f"{measure.label}: value {fmt(x)} {r.unit or ''} is {gz.z:+.1f} SD for "
                      f"age {years_text(self.age or 0)} and sex, beyond the plausible "
                      f"{measure.max_abs_z:g} SD (a unit, age or typing slip?); not interpreted")
            r.text = f"{head}: not interpreted (implausible for age, {gz.z:+.1f} SD)"
            return
        r.reference_low, r.reference_high = round(gz.low_value, 1), round(gz.high_value, 1)
        r.reference_source = "CDC 2000 growth charts"
        outcome: Interpretation = ("L" if gz.z <= measure.low_z else
                                   "H" if gz.z >= measure.high_z else "N")
        r.degree = f"{gz.z:+.1f} SD" if outcome != "N" else None
        who = {"male": "boys", "female": "girls"}[self.sex or ""]
        at = "adult, 20-year reference" if gz.adult else f"age {years_text(self.age or 0)}"
        hpo = HpoMap(low=HpoTerm(hpo_id=measure.low, label=measure.low_label),
                     high=HpoTerm(hpo_id=measure.high, label=measure.high_label))
        bounds = f"{fmt(r.reference_low)}-{fmt(r.reference_high)} {measure.unit}"
        self.finish(hpo, outcome, f"{head} ({at}; CDC 2000 {who}, -2 to +2 SD {bounds}): "
                                   f"{gz.text}, {OUTCOME_WORDS[outcome]}")


    def vital(self, kind: str, unit: str, q: Mapping[str, Any] | None) -> None:
        """A vital sign against its guideline threshold (:mod:`osteodx.labs.vitals`): an
        abnormal reading is an observed finding; a normal one excludes nothing."""
        r = self.result
        if q is None:
            self.warn(f"{r.label}: value is not a quantity; not interpreted")
            r.text = f"{r.label}: not interpreted"
            return
        x = float(q.get("value", 0.0) or 0.0)
        r.value, r.unit = x, unit_text(q.get("unit"))
        head = f"{r.label} {fmt(x)} {r.unit or ''}".rstrip()
        try:
            v = in_canonical_unit(kind, x, q.get("unit"))
        except UnitError as exc:
            self.warn(f"{r.label}: {exc}; not interpreted")
            r.text = f"{head}: not interpreted"
            return
        r.value_canonical, r.unit_canonical = v, unit
        verdict = judge_vital(kind, v, self.age, self.sex)
        if verdict.outcome is None:
            self.warn(f"{r.label}: {verdict.why}; not interpreted")
            r.text = f"{head}: not interpreted ({verdict.why})"
            return
        r.interpretation = verdict.outcome  # type: ignore[assignment]
        r.reference_source = verdict.source
        r.text = f"{head}: {verdict.why}, {OUTCOME_WORDS[verdict.outcome]}"
        if verdict.hpo_id:
            r.hpo_id, r.hpo_label = verdict.hpo_id, verdict.label
            r.findings = [Finding(verdict.hpo_id, verdict.label, "observed",
                                  f"{self.where}: {r.text}", note=verdict.source)]


def years_text(age: float) -> str:
    """'9 y', '18 mo' or '3 wk': the age a growth reading was judged at."""
    if age >= 2:
        return f"{age:.3g} y"
    if age >= 1 / 12:
        return f"{age * 12:.2g} mo"
    return f"{age * 365.25 / 7:.2g} wk"

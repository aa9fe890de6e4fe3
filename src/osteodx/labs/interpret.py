"""Phenopacket ``measurements`` -> interpreted lab results and HPO findings.

A high result becomes the analyte's observed "high" HPO term, a low one its
"low" term; a normal result *excludes* both, because for the engine a normal
calcium is evidence against hyper- and hypocalcaemia. Nothing is dropped
silently: a measurement that cannot be interpreted (unknown assay, unreadable
unit, implausible value, no usable range) yields a warning naming it.

A value outside the analyte's plausible bounds in its stated unit is a unit or typing
slip, not a finding: the warning names the catalogue unit it would fit and what it would
mean there, and nothing is converted to that unit (:mod:`osteodx.labs.plausibility`). A
``complexValue`` (a blood-pressure panel) is read typed quantity by typed quantity
(:mod:`osteodx.labs.complex_value`), each judged as the separate measurement it stands for.

Qualitative values (``value.ontologyClass`` "Normal", "High", "Low",
"Abnormal", "Positive", "Negative", by label or known code) are interpreted
too. A panel reported as a whole (LOINC hepatic or renal function panel
"Normal") counts as normal for the member analytes that the catalogue's
``panels`` section lists; any other panel result gives a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from osteodx.case.age import time_element_years
from osteodx.case.model import Finding
from osteodx.labs.assay_units import read_assay_unit, refused_assay_unit
from osteodx.labs.bp_pairs import swapped_pressures
from osteodx.labs.catalogue import Analyte, Catalogue, HpoMap, Panel, load_catalogue, name_key
from osteodx.labs.censored import censor_direction, judge_censored
from osteodx.labs.codes import QUALITATIVE_CODES, QUALITATIVE_LABELS, read_back
from osteodx.labs.complex_value import complex_value, split_complex
from osteodx.labs.finite import non_finite
from osteodx.labs.growth import growth_measure_for_loinc
from osteodx.labs.plausibility import implausible_warning
from osteodx.labs.ranges import (
    Range,
    assumed_unit,
    assumption_reason,
    case_range,
    catalogue_range,
    plausible,
)
from osteodx.labs.reading import Reading, hpo_findings, unit_text
from osteodx.labs.result import OUTCOME_WORDS, LabResult, LabWorkup, degree, fmt, range_text
from osteodx.labs.unit_checks import (
    equivalents_refused,
    foreign_ratio,
    in_equivalents,
    label_clash,
)
from osteodx.labs.units import Unit, UnitError, convert, convertible, parse_ucum, parse_unit
from osteodx.labs.vitals import VITAL_LOINC

__all__ = ["QUALITATIVE_CODES", "QUALITATIVE_LABELS", "hpo_findings", "interpret_measurements"]

#: a catalogue unit that is an amount or mass per volume ("umol/L", "mg/dL")
_AMOUNT_PER_VOLUME = re.compile(r"^[munpf]?(?:mol|g)/(?:[dmu]?L|l)$")


def _sex(sex: str | None) -> str | None:
    s = (sex or "").strip().casefold()
    return {"female": "female", "f": "female", "male": "male", "m": "male"}.get(s)


def _age(m: Mapping[str, Any], default: float | None, warn: Any) -> float | None:
    when = m.get("timeObserved") or m.get("time_observed")
    if not when:
        return default
    try:
        span = time_element_years(when)
    except ValueError as exc:
        warn(f"timeObserved: {exc}; patient age used")
        return default
    if span and span[0] == span[1]:
        return span[0]
    if span:  # the middle of the range, not the patient's age today (a child's height)
        mid = (span[0] + min(span[1], 120.0)) / 2
        warn(f"timeObserved is a range ({span[0]:g}-{span[1]:g} y): judged at its middle, "
             f"{mid:g} y")
        return mid
    warn("timeObserved is not an age (a timestamp or an interval): judged at the patient's "
         "age" + (f" ({default:g} y)" if default is not None else " (unknown)")
         + ", which may not be the age of the measurement")
    return default


#: a laboratory's flag quoted from a report ("Flagged "normal" (normal) in the text.")
_TEXT_FLAG = re.compile(r'Flagged "([^"]+)" \((low|high|normal)\) in the text')
_FLAG_OUTCOME = {"low": "L", "high": "H", "normal": "N"}


def _interpret_one(m: Mapping[str, Any], index: int, where: str, cat: Catalogue,
                   age: float | None, sex: str | None) -> tuple[LabResult | None, list[str]]:
    """One measurement -> its result (None for an assay not in the catalogue) and
    the warnings that belong to no result."""
    loose: list[str] = []
    age = _age(m, age, loose.append)
    assay = m.get("assay") or {}
    code, assay_label = str(assay.get("id", "")), str(assay.get("label", ""))
    analyte = cat.find_by_loinc(code) if code else _analyte_by_label(cat, assay_label)
    panel = (cat.find_panel_by_loinc(code) if code else _panel_by_label(cat, assay_label)) \
        if analyte is None else None
    value = m.get("value") or {}
    oc = value.get("ontologyClass") or value.get("ontology_class")
    def start(key: str, label: str) -> tuple[LabResult, _One]:
        result = LabResult(index=index, assay=code, analyte=key, label=label, value=None,
                           unit=None)
        return result, _One(result, where, cat, age, sex)

    if analyte is not None:
        result, one = start(analyte.key, analyte.display)
        if "quantity" in value:
            one.flag = _TEXT_FLAG.search(str(m.get("description", "")))
            one.quantity(analyte, value["quantity"])
        elif oc:
            one.qualitative(analyte, oc)
        else:
            one.warn(f"{analyte.display}: value is neither a quantity nor an ontology class; "
                     f"not interpreted")
            result.text = f"{analyte.display}: not interpreted"
        return result, loose
    if panel is not None:
        result, one = start(panel.key, panel.label)
        one.panel(panel, oc)
        return result, loose
    vital = VITAL_LOINC.get(code)
    if vital is not None:
        result, one = start(vital[0], vital[1])
        one.vital(vital[0], vital[2], value.get("quantity"))
        return result, loose
    measure = growth_measure_for_loinc(code) if code else None
    if measure is not None:
        result, one = start(measure.key, measure.label)
        if "quantity" in value:
            one.growth(measure, value["quantity"])
        else:
            one.warn(f"{measure.label}: value is not a quantity; not interpreted")
            result.text = f"{measure.label}: not interpreted"
        return result, loose
    name = f"{code} ({assay_label})" if code and assay_label else \
        code or assay_label or "(no assay id)"
    loose.append(f"assay {name} is not in the lab catalogue; not interpreted")
    return None, loose


def _analyte_by_label(cat: Catalogue, label: str) -> Analyte | None:
    """An assay given by label only: an analyte the catalogue has no LOINC code
    for (TmP/GFR) can be named no other way. An analyte with a code must be
    given by its code, so a free-text label never stands in for one."""
    found = cat.find_by_name(label) if label else None
    return found if found is not None and not found.loinc else None


def _panel_by_label(cat: Catalogue, label: str) -> Panel | None:
    """A panel without a LOINC code, given by its label (as :func:`_analyte_by_label`)."""
    found = cat.find_panel_by_name(label) if label else None
    return found if found is not None and not found.loinc else None


class _One(Reading):
    """A catalogue analyte or panel: quantity, qualitative value or panel verdict."""

    def _outcome(self, analyte_hpo: HpoMap, oc: Mapping[str, Any]) -> tuple[str | None, str]:
        oid, olabel = str(oc.get("id", "")), str(oc.get("label", ""))
        outcome = QUALITATIVE_CODES.get(oid) or QUALITATIVE_LABELS.get(name_key(olabel))
        if outcome == "P":  # "positive" means high where only a high term exists (RF)
            outcome = "H" if analyte_hpo.high and not analyte_hpo.low else "A"
        return outcome, olabel or oid

    def qualitative(self, analyte: Analyte, oc: Mapping[str, Any]) -> None:
        r = self.result
        outcome, shown = self._outcome(analyte.hpo, oc)
        r.value, r.reference_source = shown, "case"
        if outcome is None:
            self.warn(f"{r.label}: qualitative value {shown!r} not understood; not interpreted")
        word = OUTCOME_WORDS.get(outcome or "", "not interpreted")
        self.finish(analyte.hpo, outcome, f'{r.label} reported "{shown}": {word}')

    def panel(self, panel: Panel, oc: Mapping[str, Any] | None) -> None:
        r = self.result
        outcome, shown = self._outcome(HpoMap(), oc) if oc else (None, "a quantity")
        r.value, r.reference_source = (shown if oc else None), "case"
        r.text = f'{panel.label} reported "{shown}"'
        if outcome != "N":
            self.warn(f"{panel.label}: a panel reported as {shown!r} does not say which member "
                      f"is affected; no finding")
            r.text += ": not interpreted"
            return
        r.interpretation, r.text = "N", r.text + ": normal"
        for key in panel.members:
            member = self.cat.analyte(key)
            r.findings += hpo_findings(member.hpo, "N", f"{self.where}: {r.text}",
                                       note=f"panel member: {member.display}")

    def _fit_unit(self, analyte: Analyte, unit: Unit) -> tuple[Analyte, Unit]:
        """Read the value's unit against the analyte: a sibling analyte that fits the
        unit (bone ALP in U/L), or 'U' and '[IU]' exchanged (RF in 'U/mL'). A ratio of
        another kind (HbA1c in mmol/mol under the % assay's code) is only ever fitted
        to a sibling, never converted."""
        foreign = foreign_ratio(_units(analyte), unit)
        if not foreign and convertible(unit, analyte.unit,
                                       molar_mass=analyte.molar_mass_g_per_mol):
            return analyte, unit
        for sib in self.cat.siblings(analyte):
            if not foreign_ratio(_units(sib), unit) and \
                    convertible(unit, sib.unit, molar_mass=sib.molar_mass_g_per_mol):
                self.warn(f"{self.code} is {analyte.display} but the unit {unit.text} fits "
                          f"{sib.display}; read as {sib.display}")
                return sib, unit
        swapped = unit.swapped_enzyme_iu()
        if swapped and convertible(swapped, analyte.unit, molar_mass=analyte.molar_mass_g_per_mol):
            self.note(f"{analyte.display}: unit {unit.text} read as {swapped.code}")
            return analyte, swapped
        return analyte, unit

    def _judge(self, analyte: Analyte) -> Callable[[Unit, float], str | None]:
        """What a value would be in another unit, by the catalogue's range for the patient
        (None when there is none, or the sex is unknown and it depends on it)."""
        def judge(unit: Unit, x: float) -> str | None:
            rng = catalogue_range(analyte, unit, self.age, self.sex, lambda _: None)
            return rng.classify(x) if rng is not None else None
        return judge

    def unitless(self, analyte: Analyte, x: float, rr: Mapping[str, Any],
                 exc: UnitError) -> None:
        """A value and its printed range, both without a unit ("CRP 3 (<5)"): the
        two are in the same unwritten unit, so the one is judged against the other.
        The unit stays unknown and plausibility cannot be checked, which the warning
        says; a unitless value without a range is not interpreted (:meth:`quantity`)."""
        r = self.result
        name = analyte.display
        rng, why = _printed_range(rr)
        if rng is None:
            self.warn(f"{name}: {exc} and {why}; not interpreted")
            r.text = f"{name} {fmt(x)}: not interpreted"
            return
        self.warn(f"{name}: {exc}; judged against the printed range, which has no unit "
                  f"either (plausibility not checked)")
        r.reference_low, r.reference_high, r.reference_source = rng.low, rng.high, rng.source
        outcome = rng.classify(x)
        r.degree = degree(outcome, x, rng.high if outcome == "H" else rng.low)
        word = OUTCOME_WORDS.get(outcome or "", "not interpreted")
        bounds = range_text(rng.low, rng.high)
        self.finish(analyte.hpo, outcome, f"{name} {fmt(x)} (reference {bounds}, no unit "
                                           f"written): {word}")

    def quantity(self, analyte: Analyte, q: Mapping[str, Any]) -> None:
        r = self.result
        x = float(q.get("value", 0.0) or 0.0)  # protobuf drops a value of 0
        r.value, r.unit = x, unit_text(q.get("unit"))
        rr = q.get("referenceRange") or q.get("reference_range")
        try:
            given = parse_unit(q.get("unit") or "")
        except UnitError as exc:
            if not q.get("unit") and rr and not rr.get("unit"):
                self.unitless(analyte, x, rr, exc)
                return
            assumed = None if q.get("unit") else assumed_unit(analyte, x)
            if assumed is None and not q.get("unit") and self.flag is not None:
                self.warn(f"{analyte.display}: {exc}")  # "Neut 0.38 L": the flag judges it
                self.by_flag(analyte, f"{analyte.display} {fmt(x)}, no unit written,")
                return
            if assumed is None:
                self.warn(f"{analyte.display}: {exc}; not interpreted")
                r.text = f"{analyte.display} {fmt(x)} {r.unit or ''}".rstrip() + \
                    ": not interpreted"
                return
            # "Calcium 3.1" as extract writes it: assumed again, as the text reader does
            self.warn(f"{analyte.display}: no unit written for {fmt(x)}; unit assumed "
                      f"{assumed}, {assumption_reason(analyte, x)}")
            given = parse_ucum(assumed)
            r.unit = assumed
        clash = label_clash(q.get("unit"), given)
        if clash:
            self.warn(clash)
            r.unit = given.code
            given = replace(given, label=given.code)  # shown as the unit the value is read in
        refused = refused_assay_unit(self.cat, analyte, given)  # "calcium 10 KA units"
        if refused:
            self.warn(refused)
            r.text = f"{analyte.display} {fmt(x)} {given.text}: not interpreted"
            return
        written, as_written = f"{fmt(x)} {given.text}", (x, given)
        assay = read_assay_unit(analyte, x, given, rr)
        if assay is not None:  # "ALP 45 KA units": judged as 319.5 U/L, both named
            self.note(assay.note)
            x, given, rr, written = assay.value, assay.unit, assay.range, assay.written
            r.value, r.unit = x, given.code
        analyte, unit = self._fit_unit(analyte, given)
        r.analyte, r.label = analyte.key, analyte.display
        if foreign_ratio(_units(analyte), unit):
            self.warn(f"{analyte.display}: {unit.text} and {analyte.unit} are ratios of "
                      f"different kinds, not related by a unit factor (an HbA1c in % is the "
                      f"NGSP scale, in mmol/mol the IFCC one); not converted, not interpreted")
            r.text = f"{analyte.display} {fmt(x)} {given.text}: not interpreted"
            return
        if in_equivalents(given) and analyte.charge != 1:
            self.warn(equivalents_refused(analyte.display, given.text))
            r.text = f"{analyte.display} {fmt(x)} {given.text}: not interpreted"
            return
        head = f"{analyte.display} {written}"
        ok = plausible(analyte, x, unit)
        if ok is None and given.code == "%" and _AMOUNT_PER_VOLUME.match(analyte.unit):
            # "fractional excretion ... of lysine 38 % (<2)": a per cent is no plasma lysine
            self.warn(f"{analyte.display}: a per cent cannot be a concentration in "
                      f"{analyte.unit} (a fraction of something else, such as a fractional "
                      f"excretion); not interpreted")
            r.text = f"{analyte.display} {fmt(x)} {given.text}: not interpreted"
            return
        if ok is None:
            self.warn(f"{analyte.display}: unit {given.text} cannot be converted to "
                      f"{analyte.unit}; plausibility not checked")
        else:
            r.value_canonical = _to_canonical(analyte, x, unit)
            r.unit_canonical = analyte.unit
        if ok is False:  # a unit slip, most often: named, never converted to the likely unit
            why = implausible_warning(analyte, *as_written, as_written[1].text,
                                      judge=self._judge(analyte))
            self.warn(f"{why}; not interpreted")
            r.text = f"{head}: not interpreted (implausible value)"
            return
        rng: Range | None = None
        if rr:
            rng = case_range(rr, analyte, unit, given, self.warn, self.note)
        if rng is None:  # no range, but a flag: the flag judges it, no warning (by_flag)
            rng = catalogue_range(analyte, unit, self.age, self.sex,
                                  self.warn if self.flag is None else lambda _: None)
        if rng is None and self.flag is not None:
            self.by_flag(analyte, head)
            return
        if rng is None:
            r.text = f"{head}: not interpreted (no reference range)"
            return
        r.reference_low, r.reference_high, r.reference_source = rng.low, rng.high, rng.source
        ref = "reference" if rng.source == "case" else "catalogue reference"
        if censor_direction(q.get("comparator")):
            self.censored(analyte, str(q["comparator"]), x, rng, given.text, ref)
            return
        outcome = rng.classify(x)
        r.degree = degree(outcome, x, rng.high if outcome == "H" else rng.low)
        word = OUTCOME_WORDS.get(outcome or "", "not interpreted")
        bounds = range_text(rng.low, rng.high)
        said: Any = _FLAG_OUTCOME.get(self.flag.group(2)) if self.flag is not None else None
        if rng.source != "case" and said is not None and said != outcome:
            # "free T4 11.9 pmol/L (normal)": the laboratory judged it against its own range
            self.note(f"{analyte.display}: the report's laboratory flagged {fmt(x)} "
                      f"{given.text} \"{self.flag.group(1)}\"; its word is followed, not the "
                      f"catalogue's default range {bounds}")
            outcome, r.degree = said, None
            word = f"{OUTCOME_WORDS.get(said or '', 'not interpreted')} (as flagged in the report)"
        self.finish(analyte.hpo, outcome, f"{head} ({ref} {bounds}): {word}")

    def by_flag(self, analyte: Analyte, head: str) -> None:
        """A value with no range to judge it but the report's flag ("ammonia 180 umol/L
        (H)", "Neut 0.38 L"): the laboratory's word is the result, the number is kept."""
        assert self.flag is not None
        said: Any = _FLAG_OUTCOME.get(self.flag.group(2))
        word = OUTCOME_WORDS.get(said or "", "not interpreted")
        self.finish(analyte.hpo, said, f'{head} (no reference range; flagged '
                                       f'"{self.flag.group(1)}" in the report): {word}')

    def censored(self, analyte: Analyte, cmp: str, x: float, rng: Range, unit: str,
                 ref: str) -> None:
        """A value printed as "<x" or ">x": judged only where the bound decides
        (:mod:`osteodx.labs.censored`), never as if the bound were the value."""
        r, name = self.result, analyte.display
        bounds = range_text(rng.low, rng.high)
        head = f"{name} {cmp}{fmt(x)} {unit} ({ref} {bounds})"
        verdict = judge_censored(cmp, x, rng.low, rng.high)
        if verdict.outcome is not None:
            self.finish(analyte.hpo, verdict.outcome,
                        f"{head}: {OUTCOME_WORDS.get(verdict.outcome, 'not interpreted')}")
            return
        term = analyte.hpo.high if verdict.not_side == "high" else analyte.hpo.low
        if verdict.not_side is not None and term is not None:
            other = "low" if verdict.not_side == "high" else "high"
            r.text = f"{head}: not {verdict.not_side}"
            r.findings = [Finding(term.hpo_id, term.label, "excluded", f"{self.where}: {r.text}")]
            self.note(f"{name}: {cmp}{fmt(x)} {unit} is not {verdict.not_side}, but the "
                      f"bound does not say whether it is {other}")
            return
        open_side = "low" if censor_direction(cmp) == ">" and x < (rng.low or 0.0) else "high"
        self.warn(f"{name}: value written as {cmp}{fmt(x)} {unit}; the reference limit "
                  f"({bounds}) does not decide whether it is {open_side}; no finding")
        r.text = f"{head}: not interpreted (censored value, the limit does not decide)"


def _printed_range(rr: Mapping[str, Any]) -> tuple[Range | None, str]:
    """A case range read as printed, without units: (range, why not) - a missing
    ``high`` is no upper limit, as in :func:`osteodx.labs.ranges.case_range`."""
    low = float(rr.get("low", 0.0) or 0.0)
    high = float(rr.get("high", 0.0) or 0.0)
    if high <= 0 and low <= 0:
        return None, "reference range has neither a lower nor an upper limit"
    if 0 < high < low:
        return None, f"reference range low {fmt(low)} > high {fmt(high)}"
    return Range(low, high if high > 0 else None, "case"), ""


def _units(analyte: Analyte) -> tuple[str, ...]:
    return (analyte.unit, *analyte.alt_units)


def _to_canonical(analyte: Analyte, x: float, unit: Unit) -> float:
    return convert(x, unit, parse_ucum(analyte.unit), molar_mass=analyte.molar_mass_g_per_mol)


def _merge(findings: list[Finding], warnings: list[str]) -> list[Finding]:
    """One finding per (term, status); an observed term beats an exclusion of it."""
    observed = {f.hpo_id: f for f in findings if f.status == "observed"}
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for f in findings:
        if (f.hpo_id, f.status) in seen:
            continue
        if f.status == "excluded" and f.hpo_id in observed:
            warnings.append(f"{f.hpo_id} ({f.label}) is observed in "
                            f"{observed[f.hpo_id].source.split(':')[0]} but excluded by "
                            f"{f.source.split(':')[0]}; the exclusion is dropped")
            seen.add((f.hpo_id, f.status))
            continue
        seen.add((f.hpo_id, f.status))
        out.append(f)
    return out


def interpret_measurements(measurements: list[dict[str, Any]], *, age_years: float | None,
                           sex: str, source_prefix: str = "measurements",
                           catalogue: Catalogue | None = None) -> LabWorkup:
    """Interpret phenopacket measurements (dicts as from ``MessageToDict``).

    *age_years* and *sex* ("FEMALE", "MALE", anything else = unknown) choose
    the catalogue's range when the case gives none; a measurement's own
    ``timeObserved`` age wins over *age_years*.
    """
    cat = catalogue or load_catalogue()
    workup = LabWorkup()
    all_findings: list[Finding] = []
    items: list[tuple[int, str, Mapping[str, Any]]] = []  # every reading, panels split
    for i, m in enumerate(measurements):
        where = f"{source_prefix}[{i}]"
        if complex_value(m) is None:
            items.append((i, where, m))
            continue
        if m.get("value"):  # protobuf refuses both (a oneof); a hand-built dict may not
            workup.warnings.append(f"{where}: has both a value and a complexValue; the "
                                   "complexValue is not read")
            items.append((i, where, m))
            continue
        parts, warnings = split_complex(m)  # a blood-pressure panel: one reading per quantity
        workup.warnings += [f"{where}.{w}" for w in warnings]
        items += [(i, f"{where}.{field}", part) for field, part in parts]
    swapped, warnings = swapped_pressures(items)  # "80/150": neither is a finding
    workup.warnings += warnings
    for i, where, m in items:
        if where not in swapped:
            all_findings += _add(workup, m, i, where, cat, age_years, _sex(sex))
    workup.findings = _merge(all_findings, workup.warnings)
    return workup


def _add(workup: LabWorkup, m: Mapping[str, Any], index: int, where: str, cat: Catalogue,
         age: float | None, sex: str | None) -> list[Finding]:
    """Interpret one measurement into *workup* (its result and warnings, prefixed with
    *where*); returns its findings, merged across measurements by the caller."""
    bad = non_finite(m)
    if bad is not None:  # NaN would judge as "normal" and make the JSON output invalid
        assay = m.get("assay") or {}
        name = " ".join(str(x) for x in (assay.get("id"), assay.get("label")) if x)
        workup.warnings.append(f"{where} ({name or 'no assay'}): {bad[0]} = {bad[1]!r} is "
                               "not a finite number; measurement not used")
        return []
    # osteodx's own codes (one-sided limits, units not written) as the text gave them
    result, loose = _interpret_one(read_back(m), index, where, cat, age, sex)
    workup.warnings += [f"{where}: {w}" for w in loose]
    if result is None:
        return []
    workup.results.append(result)
    workup.warnings += [f"{where}: {w}" for w in result.warnings]
    return result.findings

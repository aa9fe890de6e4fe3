"""Lab results in free case-report text -> :class:`TextLab` -> phenopacket measurements.

:func:`extract_labs` finds catalogue analytes (and panels such as "liver
function") by name (:mod:`~osteodx.text.labnames`), reads numbers, units and
reference ranges (:mod:`~osteodx.text.labvalues`, :mod:`~osteodx.text.labunits`,
:mod:`~osteodx.text.labcells`), binds them to names
(:mod:`~osteodx.text.labstatements`), and checks each result against the
catalogue. It judges nothing as low or high - that is
:func:`osteodx.labs.interpret_measurements`' job - but it says what it could
not trust: a reference range printed in a unit that contradicts the value's
("7.2 ng/mL (normal range 30.1 to 100.0 mg/mL)") is kept as printed, marked
``range_unit_suspect`` and warned about, so the slip stays visible in the
measurement that :func:`to_measurement` writes and is flagged again there.

Every result keeps the exact span of the original text it came from:
``text[lab.start:lab.end] == lab.text``. Lab tables ("Calcium | 1.62 mmol/L |
2.10-2.55", tab-separated columns) are read row by row, decimal commas where
the text writes them consistently. A value that looks like a lab result but
has no catalogue name ("Lactate 1.4 mmol/L (0.5-2.2)" before lactate was
catalogued) is not dropped silently: the list returned has a warning naming
it (:attr:`LabList.warnings`). A laboratory's flag ("(L)", "(low for age)")
is kept in :attr:`TextLab.flag` and quoted in the measurement's
description: a phenopacket ``Measurement`` has no interpretation field. What the
schema requires and a report does not print (a second limit, a unit) is written as
:mod:`osteodx.labs.codes` says.

>>> lab, = extract_labs("Serum calcium was 10.1 mg/dL (normal range 9.0 to 11.0 mg/dL).")
>>> lab.analyte, lab.value, lab.unit, lab.reference_low, lab.reference_high
('calcium_total', 10.1, 'mg/dL', 9.0, 11.0)
>>> lab.text
'Serum calcium was 10.1 mg/dL (normal range 9.0 to 11.0 mg/dL)'
>>> [(x.label, x.qualitative) for x in extract_labs("Liver and renal function were normal.")]
[('Hepatic function panel', 'normal'), ('Renal function panel', 'normal')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from osteodx.labs.assay_units import read_assay_unit, refused_assay_unit, to_canonical
from osteodx.labs.catalogue import Analyte, Catalogue, Panel, load_catalogue
from osteodx.labs.codes import (
    NO_UNIT,
    QUALITATIVE_CLASSES,
    assay_class,
    censored_value,
    one_sided_limit,
    unit_class,
)
from osteodx.labs.plausibility import implausible_warning
from osteodx.labs.ranges import assumed_unit, assumption_reason
from osteodx.labs.result import fmt, range_text
from osteodx.labs.ucum import UnitError, parse_ucum
from osteodx.labs.unit_checks import equivalents_refused, foreign_ratio, in_equivalents
from osteodx.labs.units import convert, convertible
from osteodx.text.labcells import TableRow, find_table_rows
from osteodx.text.labdeclared import declared_ranges, with_declared
from osteodx.text.labnames import Mention, find_mentions
from osteodx.text.labstatements import Statement, qualitative_outcome, read_statements
from osteodx.text.labtext import Normalised
from osteodx.text.labthousands import read_thousands_points
from osteodx.text.labvalues import Quantity, find_quantities

__all__ = ["LabList", "Qualitative", "TextLab", "extract_labs", "to_measurement"]

Qualitative = Literal["normal", "high", "low", "abnormal"]



@dataclass(slots=True)
class TextLab:
    """One lab result stated in the text.

    ``value`` (a quantity) or ``qualitative`` is set, never both. ``unit`` and
    ``reference_unit`` are as written; ``ucum``/``reference_ucum`` their UCUM
    codes (None if unreadable). ``start``/``end`` index the original text and
    ``text`` is exactly that substring; ``quote`` is the same words with line
    breaks and line-break hyphens closed, for people to read. ``named`` is the
    analyte the name denotes when the unit made another one fit better
    ("bone specific ALP ... U/L" is the activity assay). ``flag`` is the
    laboratory's own verdict printed with the value ("high", "low",
    "normal", "abnormal"), ``flag_text`` the flag as written ("L").
    """

    analyte: str
    label: str
    loinc: str | None
    start: int
    end: int
    text: str
    quote: str
    value: float | None = None
    qualitative: Qualitative | None = None
    comparator: str | None = None
    unit: str | None = None
    ucum: str | None = None
    reference_low: float | None = None
    reference_high: float | None = None
    reference_unit: str | None = None
    reference_ucum: str | None = None
    range_unit_suspect: bool = False
    unit_assumed: bool = False  # "Calcium 3.1": no unit written, the one plausible one used
    panel: bool = False
    name: str = ""
    named: str = ""
    flag: str | None = None
    flag_text: str | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class LabList(list[TextLab]):
    """The results of :func:`extract_labs`, and ``warnings`` about lab-like
    values in the text that became no result (unknown analyte, a value no
    name could take), each quoting the text."""

    warnings: list[str]

    def __init__(self, labs: list[TextLab], warnings: list[str]) -> None:
        super().__init__(labs)
        self.warnings = warnings


def extract_labs(text: str, *, keep_duplicates: bool = False) -> LabList:
    """Every lab result stated in *text*, in text order.

    A qualitative mention of an analyte that also has a value in the text
    ("osteocalcin ... were normal" in an abstract, "osteocalcin was 15.76
    ng/mL" later) is dropped, as is a repeated one with the same word, unless
    *keep_duplicates*: the value says more and one result per statement is
    what a phenopacket should hold.
    """
    cat = load_catalogue()
    norm = Normalised(text, decimal_commas=True)
    quantities = find_quantities(norm.text)
    mentions = _outside_units(find_mentions(norm), quantities)
    ranges_only, declared = declared_ranges(norm, mentions)
    mentions = [m for m in mentions if not any(a <= m.start < e for a, e in ranges_only)]
    quantities = [q for q in quantities
                  if not any(a <= q.number.start < e for a, e in ranges_only)]
    reading = read_statements(norm.text, mentions, quantities,
                              rows=_table_rows(norm), breaks=_line_breaks(norm))
    labs = []
    for st in reading.statements:
        given = with_declared(st, declared)
        labs.append(lab := _lab(norm, given, cat))
        if given is not st and given.range is not None:  # traceable: where the range was printed
            lab.warnings.append(f"{lab.label}: reference range "
                                f"'{norm.quote(given.range.start, given.range.end)}' taken "
                                f"from where the report prints it, apart from the result")
    warnings = [_unread_warning(norm, mentions, *u) for u in reading.unread]
    return LabList(labs if keep_duplicates else _dedupe(labs), warnings)


def _outside_units(mentions: list[Mention], quantities: list[Quantity]) -> list[Mention]:
    """Names that are not part of a unit: the "creatinine" of "98 umol/mmol
    creatinine" says what the ratio is per, it is not a creatinine result."""
    spans = [(q.unit_start, q.end) for q in quantities if q.unit_start is not None]
    return [m for m in mentions if not any(a <= m.start < e for a, e in spans)]


def _table_rows(norm: Normalised) -> list[TableRow]:
    """Rows of lab tables, with cells as offsets of the normalised text."""
    rows = []
    for row in find_table_rows(norm.original):
        cells = tuple((norm.at(a), norm.at(b - 1) + 1) if b > a else (norm.at(a), norm.at(a))
                      for a, b in row.cells)
        rows.append(TableRow(row.kind, cells, row.line))
    return rows


_NEWLINE = re.compile(r"\r?\n")


def _line_breaks(norm: Normalised) -> list[int]:
    """Offsets in the normalised text of the original line breaks: a name read
    backwards from a value stops there (unpunctuated lab lists)."""
    out = []
    for m in _NEWLINE.finditer(norm.original):
        i = norm.at(m.start())
        if norm.text.startswith(" ", i):
            out.append(i)
        elif i > 0 and norm.text[i - 1] == " ":
            out.append(i - 1)  # trailing spaces and the break collapsed into one space
        # else a closed line-break hyphen ("vi-\ntamin"): no break
    return out


def _unread_warning(norm: Normalised, mentions: list[Mention], start: int, end: int,
                    why: str) -> str:
    """'lab "..." not in the lab catalogue; not read', or 'not read' when a
    catalogue name is there but could not take the value."""
    quote = norm.quote(start, end)
    if why:
        return f"lab '{quote}' not read: {why}"
    named = any(start <= m.start and m.end <= end for m in mentions)
    return f"lab '{quote}' not read" if named else \
        f"lab '{quote}' not in the lab catalogue; not read"


def _dedupe(labs: list[TextLab]) -> list[TextLab]:
    """Drop qualitative results that a value or an earlier word already gives."""
    with_value = {lab.named for lab in labs if lab.value is not None}
    seen: set[tuple[str, str | None]] = set()
    out: list[TextLab] = []
    for lab in labs:
        if lab.value is None:
            if lab.named in with_value or (lab.named, lab.qualitative) in seen:
                continue
            seen.add((lab.named, lab.qualitative))
        out.append(lab)
    return out


def _lab(norm: Normalised, st: Statement, cat: Catalogue) -> TextLab:
    m = st.mention
    start, end = norm.span(st.start, st.end)
    target = m.target
    lab = TextLab(analyte=target.key, label=_display(target), loinc=_loinc(target),
                  start=start, end=end, text=norm.original[start:end],
                  quote=norm.quote(st.start, st.end), panel=m.is_panel,
                  name=norm.quote(m.start, m.end), named=target.key)
    if st.flag is not None:
        lab.flag_text, lab.flag = st.flag
    if st.time is not None:
        if st.time.startswith("dated "):  # "Ca 1.52 mmol/L (02/08/2027), 1.79 (03/08)"
            lab.notes.append(f"{lab.label}: the result of {st.time[6:]}, one of serial "
                             "results written in a line")
        elif "trend" in st.time:  # "NH3 212 -> 148 -> 71 umol/L"
            lab.notes.append(f"{lab.label}: {st.time}")
        else:
            lab.notes.append(f"{lab.label}: the result of {st.time} in a table of results "
                             "over time")
    if lab.loinc is None:
        lab.notes.append(f"{lab.label}: no LOINC code in the catalogue; the measurement names "
                         f"the assay by its label")
    if st.qualitative is not None:
        outcome = qualitative_outcome(st.qualitative)
        hpo = target.hpo if isinstance(target, Analyte) else None
        if outcome == "positive":  # RF "positive" means high where only a high term exists
            outcome = "high" if hpo and hpo.high and not hpo.low else "abnormal"
        elif outcome == "undetectable":  # leptin undetectable is low, troponin's is normal
            outcome = "low" if hpo and hpo.low else "normal"
        lab.qualitative = cast(Qualitative, outcome)
        return lab
    q = st.quantity
    assert q is not None and isinstance(target, Analyte)
    lab.value, lab.comparator, lab.unit, lab.ucum = q.value, q.comparator, q.unit, q.ucum
    if st.range is not None:
        r = st.range
        lab.reference_low, lab.reference_high = r.low, r.high
        lab.reference_unit, lab.reference_ucum = r.unit, r.ucum
    _check(lab, target, cat, written=_written(norm.text, st))
    if st.range is None and lab.flag in ("low", "high", "normal") and \
            not target.reference_ranges:
        # nothing but the report's word can judge it: "leptin 0.4 ng/mL (low)"; the value
        # is kept and the flag, quoted in the description, is read back (labs.interpret)
        lab.notes.append(f"{lab.label}: no reference range printed; the report's own word "
                         f"{lab.flag_text!r} is the result")
    return lab


def _written(t: str, st: Statement) -> tuple[str, list[str | None]]:
    """The value and the range limits (low, high) as the normalised text writes them."""
    q = st.quantity
    assert q is not None
    limits: list[str | None] = [None, None]
    r = st.range
    if r is not None:
        texts = [t[a:b] for a, b in r.numbers]
        if len(texts) == 2:
            limits = [texts[0], texts[1]]
        elif texts:
            limits = [texts[0], None] if r.low is not None else [None, texts[0]]
    return t[q.number.start:q.number.end], limits


def _display(target: Analyte | Panel) -> str:
    return target.display if isinstance(target, Analyte) else target.label


def _loinc(target: Analyte | Panel) -> str | None:
    return target.loinc[0] if target.loinc else None


def _to(x: float, src: str, dst: str, mm: float | None) -> float | None:
    try:
        return convert(x, parse_ucum(src), parse_ucum(dst), molar_mass=mm)
    except UnitError:
        return None


def _plausible(a: Analyte, x: float | None, code: str, *, limit: bool = False) -> bool | None:
    """Is *x* in *code* within the analyte's plausible bounds (a lower range
    limit may be 0)? None if the unit does not convert."""
    if x is None:
        return True
    xc = to_canonical(a, x, parse_ucum(code))  # through the analyte's assay units too
    if xc is None:
        return None
    return a.within_plausible(xc, limit=limit)


def _fit_unit(lab: TextLab, a: Analyte, cat: Catalogue) -> Analyte:
    """The analyte and UCUM code that fit the written unit: a sibling analyte
    (bone ALP in U/L is the activity assay) or 'U' read as '[IU]' (RF 'U/mL')."""
    code = lab.ucum
    assert code is not None
    exact = [sib for sib in cat.siblings(a) if code in (sib.unit, *sib.alt_units)]
    if code not in (a.unit, *a.alt_units) and exact:
        return _read_as(lab, a, exact[0])  # "HbA1c 52 mmol/mol": not 5.2 %, the IFCC assay
    foreign = foreign_ratio((a.unit, *a.alt_units), parse_ucum(code))  # % is not mmol/mol
    if not foreign and convertible(parse_ucum(code), parse_ucum(a.unit),
                                   molar_mass=a.molar_mass_g_per_mol):
        return a
    for sib in cat.siblings(a):
        if not foreign_ratio((sib.unit, *sib.alt_units), parse_ucum(code)) and \
                convertible(parse_ucum(code), parse_ucum(sib.unit),
                       molar_mass=sib.molar_mass_g_per_mol):
            return _read_as(lab, a, sib)
    swapped = parse_ucum(code).swapped_enzyme_iu()
    if swapped and convertible(swapped, parse_ucum(a.unit), molar_mass=a.molar_mass_g_per_mol):
        lab.notes.append(f"{a.display}: unit {lab.unit} read as {swapped.code}")
        lab.ucum = swapped.code
        if lab.reference_unit == lab.unit:
            lab.reference_ucum = swapped.code
        return a
    lab.warnings.append(f"{a.display}: unit {lab.unit} cannot be converted to {a.unit}")
    return a


def _read_as(lab: TextLab, a: Analyte, sib: Analyte) -> Analyte:
    lab.notes.append(f"{a.display}: unit {lab.unit} fits {sib.display}; read as {sib.display}")
    lab.analyte, lab.label, lab.loinc = sib.key, sib.display, _loinc(sib)
    return sib


def _check(lab: TextLab, a: Analyte, cat: Catalogue, *,
           written: tuple[str, list[str | None]] | None = None) -> None:
    """Unit, plausibility and reference-range checks, as warnings and notes; *written*
    (the value and range limits as printed) lets a thousands point be read."""
    if lab.comparator:
        shown = f"{lab.comparator}{fmt(lab.value or 0)} {lab.unit or ''}".rstrip()
        lab.warnings.append(f"{a.display}: value written as {shown}; only its bound is known, "
                            f"judged only where the bound decides")  # said again on reading
    if lab.unit is None and lab.reference_unit is not None:
        lab.unit, lab.ucum = lab.reference_unit, lab.reference_ucum
        lab.notes.append(f"{a.display}: no unit after the value; the range's {lab.unit} is used")
    if lab.unit is None and not _assume_unit(lab, a):
        lab.warnings.append(f"{a.display}: no unit written for {fmt(lab.value or 0)}")
        return
    if lab.ucum is None:
        lab.warnings.append(f"{a.display}: unit {lab.unit} is not a readable UCUM unit")
        return
    unit = parse_ucum(lab.ucum, label=lab.unit or "")
    refused = refused_assay_unit(cat, a, unit)  # "calcium 10 KA units": ALP's unit only
    if refused:
        lab.warnings.append(refused)
        return
    assay = None if lab.value is None else read_assay_unit(a, lab.value, unit, None)
    if assay is not None:  # "ALP 45 KA units": kept as written, converted on reading
        lab.notes.append(assay.note)
    else:
        a = _fit_unit(lab, a, cat)
    if in_equivalents(parse_ucum(lab.ucum)) and a.charge != 1:  # 8 mEq/L calcium: 4 mmol/L
        lab.warnings.append(equivalents_refused(a.display, lab.unit or lab.ucum))
        return
    if written is not None and lab.value is not None:
        _thousands(lab, a, written)
    slip = None if lab.value is None else \
        implausible_warning(a, lab.value, parse_ucum(lab.ucum), lab.unit or lab.ucum)
    if slip:  # kept as written: the interpreter leaves it out and names the unit it would fit
        lab.warnings.append(slip)
    _check_range(lab, a)


def _thousands(lab: TextLab, a: Analyte, written: tuple[str, list[str | None]]) -> None:
    """"platelets 118.000/mm3 (150.000-400.000)": 118000, read as such with a warning
    (:mod:`osteodx.text.labthousands`) when 118 is implausible and 118000 plausible."""
    assert lab.value is not None and lab.ucum is not None
    code = lab.ucum
    same_unit = lab.reference_unit is None or lab.reference_ucum == code
    limits = [(lab.reference_low, written[1][0] if same_unit else None),
              (lab.reference_high, written[1][1] if same_unit else None)]
    read = read_thousands_points(lab.value, written[0], limits,
                                 lambda x: _plausible(a, x, code), a.display)
    if read is not None:
        lab.value, (lab.reference_low, lab.reference_high), why = read[0], read[1], read[2]
        lab.warnings.append(why)


def _assume_unit(lab: TextLab, a: Analyte) -> bool:
    """Read a value written without a unit ("Hb 138", "WCC 6.2", "eGFR 43", as
    British reports do) in the one catalogue unit that makes it plausible; a
    range printed without a unit is read in it too. Never a guess between
    two plausible units ("creatinine 98" could be umol/L or mg/L): False, unless
    only one puts it near a reference range ("CK 412": U/L, not ukat/L)."""
    if lab.value is None:
        return False
    printed = lab.reference_low is not None or lab.reference_high is not None
    code = assumed_unit(a, lab.value, near_reference=not printed,  # "CRP 12 (<5)": the range
                        said_normal=lab.flag == "normal")
    if code is None:
        return False
    lab.unit, lab.ucum = code, code
    if lab.reference_unit is None and (lab.reference_low is not None or
                                       lab.reference_high is not None):
        lab.reference_unit, lab.reference_ucum = code, code
    if code.startswith("{") or code == "1":  # the INR has no unit to write
        lab.notes.append(f"{a.display}: a ratio without a unit, read as {code}")
    else:
        lab.unit_assumed = True
        lab.warnings.append(f"{a.display}: no unit written for {fmt(lab.value)}; unit assumed "
                            f"{code}, {assumption_reason(a, lab.value)}")
    return True


def _check_range(lab: TextLab, a: Analyte) -> None:
    low, high = lab.reference_low, lab.reference_high
    if low is None and high is None:
        return
    name, bounds = a.display, range_text(low, high)
    if low is not None and high is not None and low > high:
        lab.warnings.append(f"{name}: reference range {bounds} has low > high")
        return
    assert lab.ucum is not None
    if lab.reference_unit is None or lab.reference_unit == lab.unit or \
            lab.reference_ucum == lab.ucum:
        if not (_plausible(a, low, lab.ucum, limit=True) and
                _plausible(a, high, lab.ucum, limit=True)):
            lab.warnings.append(f"{name}: reference range {bounds} {lab.unit} is implausible")
        return
    ru = lab.reference_unit
    if lab.reference_ucum is None:
        lab.warnings.append(f"{name}: range unit {ru} is not a readable UCUM unit")
        return
    conv = [None if x is None else _to(x, lab.reference_ucum, lab.ucum, a.molar_mass_g_per_mol)
            for x in (low, high)]
    if all(c is not None for c, x in zip(conv, (low, high), strict=True) if x is not None) and \
            all(_plausible(a, c, lab.ucum, limit=True) for c in conv):
        lab.notes.append(f"{name}: range printed in {ru}, value in {lab.unit}")
        return
    lab.range_unit_suspect = True
    lab.warnings.append(f"{name}: range unit {ru} contradicts value unit {lab.unit}")


def to_measurement(lab: TextLab, *, time_observed: str | None = None) -> dict[str, Any]:
    """A phenopacket v2 ``Measurement`` with every field the schema requires: an id and
    a label for the assay, the unit and an ordinal value, and a reference range only
    with both its limits (a printed 0 written too); a one-sided limit, a unit not
    written and an assay without a LOINC code are written as :mod:`osteodx.labs.codes`
    says, which :func:`osteodx.labs.interpret_measurements` reads back.

    The reference range keeps the unit as printed, so a suspect range unit is
    flagged again by :func:`osteodx.labs.interpret_measurements`; the
    description quotes the text and repeats the warnings. *time_observed* is an
    ISO 8601 age ("P16Y").
    """
    desc = f'Quote: "{lab.quote}"'
    if lab.flag is not None:
        desc += f' Flagged "{lab.flag_text}" ({lab.flag}) in the text.'
    out: dict[str, Any] = {"assay": assay_class(lab.loinc, lab.analyte, lab.label)}
    if lab.value is not None:
        # an assumed unit was not printed: written as such, and assumed again on reading
        unit = dict(NO_UNIT) if lab.unit_assumed else unit_class(lab.ucum, lab.unit)
        quantity: dict[str, Any] = {"unit": unit, "value": float(lab.value)}
        if lab.comparator:  # a Quantity has no comparator: said, and read back
            desc += " " + censored_value(lab.comparator, lab.value)
        low, high = lab.reference_low, lab.reference_high
        runit = unit_class(lab.reference_ucum, lab.reference_unit) \
            if lab.reference_unit is not None and not (
                lab.unit_assumed and lab.reference_unit == lab.unit) else unit
        if low is not None and high is not None:
            quantity["referenceRange"] = {"unit": runit, "low": float(low), "high": float(high)}
        elif low is not None or high is not None:  # not a range: its other limit is unknown
            desc += " " + one_sided_limit(low, high, runit)
        out["value"] = {"quantity": quantity}
    else:
        out["value"] = {"ontologyClass": dict(QUALITATIVE_CLASSES[lab.qualitative or "abnormal"])}
    if lab.warnings:
        desc += " Warnings: " + "; ".join(lab.warnings) + "."
    out = {"description": desc, **out}
    if time_observed:
        out["timeObserved"] = {"age": {"iso8601duration": time_observed}}
    return out

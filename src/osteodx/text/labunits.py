"""Units as case reports print them after a value, read as written and as UCUM.

:func:`read_unit` reads a unit right after a number ("ng/mL", "µIU/mL", "x 10^9/L",
"mL/min/1.73 m2", "KA units"); only units with a ``/`` or ``%`` (or a ``10^n`` count, or one
of a few known words) are taken: bare words such as "a", "h" or "as" parse as UCUM (year,
hour, attosecond) but are prose. :func:`is_lab_unit` and :func:`is_dose_unit` tell a lab
result's unit from a dose's. Split from :mod:`osteodx.text.labvalues`, which re-exports them.

>>> read_unit(" µIU/mL (normal", 0)
('µIU/mL', 'u[IU]/mL', 1, 7)
>>> read_unit(" KA units (3-13)", 0)
('KA units', "[ka'U]/dL", 1, 9)
"""

from __future__ import annotations

import re

from osteodx.labs.ucum import ucum_code
from osteodx.text.wordunits import word_unit

__all__ = ["is_dose_unit", "is_lab_unit", "read_unit"]

_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_COUNT_UNIT = re.compile(
    rf"(?:[x×*]\s?)?10\s?(?:\^|\*|E)?\s?(?:\d{{1,2}}|[{_SUPER}]+)\s?/\s?(?:[µμu]?L|l|mm3|mm³)"
    r"|E\d{1,2}\s?/\s?(?:[µμu]?L|l)\b"  # a Nordic count: "3.6 E9/l"
    r"|/\s?(?:[µμu]L|mm3|mm³|HPF|hpf)\b"
    # per cubic millimetre as Indian and older reports write it: "8,200/cumm", "/cu mm"
    r"|/\s?cu\.?\s?mm\b")
#: King-Armstrong units as reports write them: "KA units", "KAU", "K.A. units",
#: "King-Armstrong units/100 mL" (read as UCUM [ka'U]/dL by :mod:`osteodx.labs.ucum`)
_KING_ARMSTRONG = re.compile(
    r"(?:K\.?\s?A\.?\s?(?:U\b|[Uu]nits?\b)|(?i:king[- ]armstrong)(?:\s?(?:[Uu]nits?\b|U\b))?)"
    r"(?:\s?(?:/|per)\s?(?:100\s?m[lL]|d[lL]|m[lL]|[lL])\b)?")
_PER = re.compile(r"\s?per\s?")
_EGFR_UNIT = re.compile(r"mL/min(?:/|\s?per\s?)1[.,]73\s?m(?:2|²|\^2)", re.IGNORECASE)
_TOKEN_UNIT = re.compile(r"[A-Za-zµμ%\[][A-Za-zµμ0-9%\[\]{}/.·^*²³]*")
_PLAIN_RATIO = re.compile(r"[A-Za-zµμ]+/[A-Za-zµμ0-9.]+")  # "mEq/L": a unit, not UCUM
#: Units that case reports print without a "/" ("88 fL", "13.8 s"), as UCUM.
_BARE_UNITS = {"fL": "fL", "fl": "fL", "s": "s", "sec": "s", "secs": "s", "seconds": "s",
               # a blood gas's pressures ("pCO2 6.9 kPa"), a red cell's haemoglobin ("MCH 24 pg")
               "kPa": "kPa", "mmHg": "mm[Hg]", "pg": "pg",
               # molar shorthand of research reports: "PPi 0.8 µM", "lactate 3 mM"
               "mM": "mmol/L", "µM": "umol/L", "μM": "umol/L", "uM": "umol/L", "nM": "nmol/L",
               "pM": "pmol/L"}
_BARE_END = re.compile(r"(?=[\s,;.)\]]|$)")
_HOURS = re.compile(r"\s?(?:h|hr|hrs|hours?)\b")
#: "umol per mmol creatinine": a molar or mass ratio written out.
_PER_UNIT = re.compile(r"(?P<num>[mµu]?(?:mol|g))\s?per\s?(?P<den>[mµu]?(?:mol|g))"
                       r"(?:\s(?:of\s)?(?:creatinine|creat|Cr|Cre)\b)")
#: A UCUM ratio whose denominator is an amount or mass (of creatinine, in a urine ratio).
_RATIO_DENOMINATOR = re.compile(r"/[munpu]?(?:mol|g)$")
_CREATININE = re.compile(r"\s?(?:of\s)?(?:creatinine|creat|Cre|Cr)\b", re.IGNORECASE)
#: A cell assay per mass of cell protein ("nmol/hr/mg protein"): the word belongs to the unit.
_PROTEIN = re.compile(r"\s?(?:of\s)?(?:cell\s)?protein\b", re.IGNORECASE)
#: A red cell enzyme per gram of haemoglobin ("G6PD 2.1 U/g Hb"): the word belongs to the unit.
_HAEMOGLOBIN = re.compile(r"\s?(?:of\s)?(?:Hb|Hgb|haemoglobin|hemoglobin)\b", re.IGNORECASE)
#: The cystinosis assay's unit, "nmol half-cystine/mg protein" ("1/2 cystine", "½-cystine"):
#: amount of half-cystine per mass of cell protein, read as nmol/mg.
_HALF_CYSTINE = re.compile(r"(?P<num>[munpµ]?mol)\s?(?:1/2|½|half)[-\s]?cystine\s?/\s?"
                           r"(?P<den>[mµu]?g)(?:\s?(?:of\s)?(?:cell\s)?protein\b)?", re.IGNORECASE)


def read_unit(t: str, at: int) -> tuple[str, str | None, int, int] | None:
    """The unit starting at ``t[at:]`` after at most one space: (as written,
    UCUM code or None, start, end), or None if no unit is there."""
    start = at + 1 if t.startswith(" ", at) else at
    for rx in (_EGFR_UNIT, _COUNT_UNIT):
        m = rx.match(t, start)
        if m:
            label = m.group()
            return label, ucum_code(label), start, m.end()
    ka = _KING_ARMSTRONG.match(t, start)
    if ka:  # "KA units", "K.A. units/100 mL": alkaline phosphatase's old assay unit
        return ka.group(), ucum_code(_PER.sub("/", ka.group())), start, ka.end()
    worded = word_unit(t, start)
    if worded is not None:
        return worded
    half = _HALF_CYSTINE.match(t, start)
    if half:
        return half.group(), f"{half.group('num')}/{half.group('den')}".replace("µ", "u"), \
            start, half.end()
    per = _PER_UNIT.match(t, start)
    if per:
        return per.group(), f"{per.group('num')}/{per.group('den')}".replace("µ", "u"), start, \
            per.end()
    m = _TOKEN_UNIT.match(t, start)
    if not m:
        return None
    label = m.group().rstrip(".,·")
    if label.endswith("/24") and (hours := _HOURS.match(t, start + len(label))):
        label = t[start:hours.end()]  # "nmol/24 h"
    bare = _BARE_UNITS.get(label)
    if bare is not None and _BARE_END.match(t, start + len(label)):
        return label, bare, start, start + len(label)
    if not label or ("/" not in label and "%" not in label):
        return None
    code = ucum_code(label)
    if code is None and not _PLAIN_RATIO.fullmatch(label):
        return None
    return _d_dimer_units(t, *_per_creatinine(t, label, code, start))


#: The scale a D-dimer is given in, written after its unit ("0.8 ug/mL FEU").
_D_DIMER_SCALE = re.compile(r"\s?(?P<w>FEU|DDU)\b")


def _d_dimer_units(t: str, label: str, code: str | None, start: int,
                   end: int) -> tuple[str, str | None, int, int]:
    """A unit with the D-dimer scale after it: the word belongs to the unit (else it
    would stand between the value and its range). Fibrinogen equivalent units are
    the catalogue's scale ({FEU}); D-dimer units (DDU) are about half the number and
    no UCUM unit converts them, so the unit is left unread (code None)."""
    m = _D_DIMER_SCALE.match(t, end)
    if m is None or code is None:
        return label, code, start, end
    scaled = f"{code}{{FEU}}" if m.group("w") == "FEU" else None
    return t[start:m.end()], scaled, start, m.end()


def _per_creatinine(t: str, label: str, code: str | None,
                    start: int) -> tuple[str, str | None, int, int]:
    """A ratio unit with the creatinine or cell protein it is per ("98 umol/mmol
    creatinine", "mg/g Cr", "nmol/hr/mg protein"): the word belongs to the unit, not to
    the next analyte, and the range after it is the result's."""
    end = start + len(label)
    if code is not None and _RATIO_DENOMINATOR.search(code):
        cr = _CREATININE.match(t, end) or _PROTEIN.match(t, end) or (
            _HAEMOGLOBIN.match(t, end) if code.endswith("/g") else None)
        if cr:
            return t[start:cr.end()], code, start, cr.end()
    return label, code, start, end


#: Units of a concentration, activity or count per volume, or a molar ratio:
#: what a lab result is written in (not "kg/m2", "mg/kg", "cm/year").
_LAB_UNIT = re.compile(r"(?:[munpfkµ]?(?:g|mol|eq|Eq|U|\[IU\]|IU|kat)|\[ka'U\]|10\*\d+)?"
                       r"/[mudcµ]?[Ll]"
                       r"|[munpµ]?mol/[munpµ]?mol")
#: Doses and rates ("1000 IU/day", "2 mg/kg"): never a serum concentration.
#: (an osmolality, "285 mOsm/kg", is a result)
_DOSE_UNIT = re.compile(r"(?<!osm)(?<!osmol)/\s?(?:kg|d|day|days|wk|week|weeks|month|months)\b",
                        re.IGNORECASE)


def is_lab_unit(unit: str | None, code: str | None) -> bool:
    """Is this a unit a lab result is written in (UCUM *code*, else the label)?"""
    text = code or unit
    return bool(text and _LAB_UNIT.fullmatch(text))


def is_dose_unit(unit: str | None) -> bool:
    """Is *unit* a dose or a rate per day ("IU/day", "mg/kg")?

    >>> is_dose_unit("mg/kg"), is_dose_unit("IU/day"), is_dose_unit("mOsm/kg")
    (True, True, False)
    """
    return bool(unit and _DOSE_UNIT.search(unit))

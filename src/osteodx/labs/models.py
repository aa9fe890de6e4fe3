"""Models of the lab catalogue's entries (frozen dataclasses), and the code helpers they use.

Each model checks what one entry can check by itself (id syntax, LOINC check
digits, readable UCUM units, low <= high); cross-entry checks live in
:class:`osteodx.labs.catalogue.Catalogue`. Models are frozen: the catalogue is
loaded once and shared. They are plain dataclasses so that reading the validated
catalogue back from the cache needs no pydantic; pydantic validates a file against
their field types and ``annotated_types`` bounds (:mod:`osteodx.knowledge.validation`),
and ``__post_init__`` runs the checks a type cannot state.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any, ClassVar, Literal

import annotated_types as at

from osteodx.knowledge.validation import FORBID, FieldCheck, Pattern, check_fields
from osteodx.labs.ucum import Unit, UnitError, parse_ucum

__all__ = ["Analyte", "AssayUnit", "HpoMap", "HpoTerm", "Panel", "PlausibleBasis",
           "ReferenceRange", "Sex", "loinc_check_digit", "name_key", "normalise_loinc"]

Sex = Literal["any", "female", "male"]
_HPO = Pattern(r"HP:\d{7}")
_KEY = Pattern(r"[a-z0-9_]+")
_LOINC = re.compile(r"^LOINC:(\d{1,7})-(\d)$")
_GREEK = {"β": "beta", "α": "alpha", "γ": "gamma", "µ": "u", "μ": "u"}


@cache
def name_key(text: str) -> str:
    """Matching key of a lab name: casefolded, Greek spelt out, only letters,
    digits and ``+`` kept.

    >>> name_key("β-CrossLaps"), name_key("1,25-(OH)2 vitamin D"), name_key("Ca++")
    ('betacrosslaps', '125oh2vitamind', 'ca++')
    """
    if text.isascii():  # most names: the same key, without a pass per character
        return text.lower().translate(_ASCII_DROPPED)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_GREEK.get(c, c) for c in text).casefold()
    return "".join(c for c in text if c.isalnum() or c == "+")


#: the ASCII characters a name key drops: all but letters, digits and "+"
_ASCII_DROPPED = {i: None for i in range(128) if not (chr(i).isalnum() or chr(i) == "+")}


def loinc_check_digit(number: str) -> int:
    """LOINC's mod-10 check digit of the part before the hyphen.

    >>> loinc_check_digit("1989"), loinc_check_digit("718")
    (3, 7)
    """
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def normalise_loinc(code: str) -> str:
    """``'1989-3'``, ``'loinc:1989-3'`` -> ``'LOINC:1989-3'``."""
    code = code.strip()
    if code[:6].upper() == "LOINC:":
        code = code[6:].strip()
    return f"LOINC:{code}"


class FrozenModel:
    """Base of every catalogue model: unknown fields are errors (when pydantic validates a
    file), instances immutable (each subclass is a ``frozen`` dataclass)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID


@dataclass(frozen=True, kw_only=True)
class HpoTerm(FrozenModel):
    hpo_id: Annotated[str, _HPO]
    label: Annotated[str, at.MinLen(1)]

    def __post_init__(self) -> None:
        check_fields(self, hpo_id=_HPO)


@dataclass(frozen=True, kw_only=True)
class HpoMap(FrozenModel):
    """HPO terms for a low, a high and an abnormal (direction unknown) result."""

    low: HpoTerm | None = None
    high: HpoTerm | None = None
    abnormal: HpoTerm | None = None

    def terms(self) -> list[HpoTerm]:
        return [t for t in (self.low, self.high, self.abnormal) if t is not None]


@dataclass(frozen=True, kw_only=True)
class ReferenceRange(FrozenModel):
    """One age/sex band; ages in years, min inclusive, max exclusive, None open."""

    sex: Sex
    age_min_years: float | None = None
    age_max_years: float | None = None
    low: float | None = None
    high: float | None = None
    source: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} > high {self.high}")
        lo, hi = self.age_min_years, self.age_max_years
        if lo is not None and hi is not None and lo >= hi:
            raise ValueError(f"age_min_years {lo} >= age_max_years {hi}")
        if self.low is None and self.high is None:
            raise ValueError("a range needs low or high")

    def covers_age(self, age: float | None) -> bool:
        """Does the band include *age*? An unknown age fits only an all-ages band."""
        lo, hi = self.age_min_years, self.age_max_years
        if age is None:
            return (lo is None or lo <= 0) and hi is None
        return (lo is None or age >= lo) and (hi is None or age < hi)


@dataclass(frozen=True, kw_only=True)
class PlausibleBasis(FrozenModel):
    """Why each ``plausible`` bound sits where it does.

    Outside these bounds a value is read as a unit or typing slip and is not used for a
    finding (``calcium 2.4 mg/dL`` is 2.4 mmol/L written with the wrong unit), so a bound
    set too tight would discard a real extreme result. Each bound therefore states its
    reason - the extreme values seen in disease, an assay's measuring range, the value a
    common slip produces - and ``source`` lists the catalogue sources it rests on, if any.
    """

    low: Annotated[str, at.MinLen(8)]
    high: Annotated[str, at.MinLen(8)]
    source: str = ""

    def sources(self) -> set[str]:
        """The source keys cited (``; `` separated, as an analyte's ``source``)."""
        return {s.strip() for s in self.source.split(";") if s.strip()}


def _units_problem(codes: list[str], *, assay: bool = False) -> str | None:
    """What is wrong with the first of *codes* that is no UCUM unit (with *assay*: no unit
    of one assay), or None."""
    for code in codes:
        try:
            unit = parse_ucum(code)
        except UnitError as exc:
            return str(exc)
        if assay and not unit.assay_atoms:
            return (f"{code!r} has no unit of one assay ({code} converts by unit arithmetic; "
                    "list it in alt_units)")
    return None


def _loinc_problem(codes: list[str]) -> str | None:
    """What is wrong with the first of *codes* that is not ``LOINC:<digits>-<check digit>``
    with the right check digit, or None."""
    for code in codes:
        m = _LOINC.match(code)
        if not m:
            return f"{code!r} is not LOINC:<digits>-<check digit>"
        if int(m.group(2)) != loinc_check_digit(m.group(1)):
            return f"{code}: check digit should be {loinc_check_digit(m.group(1))}"
    return None


def _plausible_problem(bounds: tuple[float, float]) -> str | None:
    return f"plausible {list(bounds)} is empty" if bounds[0] >= bounds[1] else None


#: the checks of single fields (pydantic runs them as field validators; __post_init__ too)
_LOINCS = FieldCheck(_loinc_problem)
_UNIT = FieldCheck(lambda code: _units_problem([code]))
_UNITS = FieldCheck(_units_problem)
_ASSAY_UNITS = FieldCheck(lambda codes: _units_problem(codes, assay=True))
_PLAUSIBLE = FieldCheck(_plausible_problem)


@dataclass(frozen=True, kw_only=True)
class AssayUnit(FrozenModel):
    """A unit of one analyte's assay and of nothing else: "KA units" (King-Armstrong) are
    alkaline phosphatase activity measured by phenol release. No unit arithmetic relates such
    a unit to U/L; the factor is the assay's definition, so it lives here, with its source,
    and is used for this analyte only (a KA value for any other analyte is refused).
    """

    #: UCUM codes read alike (the unit is defined per 100 mL, so "[ka'U]" means "[ka'U]/dL")
    codes: Annotated[list[str], at.MinLen(1), _ASSAY_UNITS]
    name: Annotated[str, at.MinLen(1)]
    #: the value of one such unit in the analyte's ``unit``
    factor: Annotated[float, at.Gt(0)]
    basis: Annotated[str, at.MinLen(8)]
    source: Annotated[str, at.MinLen(1)]

    def __post_init__(self) -> None:
        check_fields(self, codes=_ASSAY_UNITS)

    def sources(self) -> set[str]:
        """The source keys cited (``; `` separated)."""
        return {s.strip() for s in self.source.split(";") if s.strip()}


@dataclass(frozen=True, kw_only=True)
class Analyte(FrozenModel):
    key: Annotated[str, _KEY]
    label: str
    short_label: str | None = None
    loinc: Annotated[list[str], _LOINCS]
    names: list[str]
    specimen: str
    #: blood analytes whose plain name means this one in its specimen ("protein" in CSF)
    fluid_of: list[str] = field(default_factory=list)
    unit: Annotated[str, _UNIT]
    alt_units: Annotated[list[str], _UNITS] = field(default_factory=list)
    molar_mass_g_per_mol: Annotated[float, at.Gt(0)] | None = None
    #: the ion's charge: with 1, mEq/L is mmol/L; other analytes refuse equivalents
    charge: int | None = None
    #: physiological extremes in ``unit``: outside, a value is a unit or typing slip
    plausible: Annotated[tuple[float, float], _PLAUSIBLE]
    plausible_basis: PlausibleBasis
    #: units of this analyte's assay alone, with their factor to ``unit`` ("KA units" of ALP)
    assay_units: list[AssayUnit] = field(default_factory=list)
    reference_ranges: list[ReferenceRange] = field(default_factory=list)
    hpo: HpoMap
    source: str
    note: str = ""
    #: the catalogue's ``plausible_tolerance``, set by the catalogue that holds the analyte
    #: (not an input, not compared: the analyte is the same entry in any catalogue)
    _tolerance: float | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_fields(self, key=_KEY, loinc=_LOINCS, unit=_UNIT, alt_units=_UNITS,
                     plausible=_PLAUSIBLE)

    def within_plausible(self, xc: float, *, limit: bool = False) -> bool:
        """Is *xc* (in ``unit``) within the plausible bounds, give or take the catalogue's
        ``plausible_tolerance``? A bound is stated in one unit and again, rounded, in
        another ("20 mg/dL (5.0 mmol/L)"); 5.0 mmol/L is 20.04 mg/dL, and without the
        tolerance the rounding would reject a value the bound states as plausible.
        A reference limit (*limit*) may be 0 ("0 to 14")."""
        tol = self._tolerance
        if tol is None:  # only a catalogue knows it: an analyte on its own cannot judge
            raise RuntimeError(f"{self.key}: plausible_tolerance not set (load the analyte "
                               "through its catalogue)")
        lo, hi = self.plausible
        lo = 0.0 if limit else lo
        return lo * (1 - tol) <= xc <= hi * (1 + tol)

    def assay_unit(self, unit: Unit) -> AssayUnit | None:
        """The entry of ``assay_units`` that *unit* is written in, or None."""
        return next((au for au in self.assay_units if unit.code in au.codes), None)

    @property
    def display(self) -> str:
        """Short name used in result texts ("25-OH vitamin D")."""
        return self.short_label or self.label

    def reference_range(self, age: float | None, sex: str | None) -> ReferenceRange | None:
        """The first band matching *age* and *sex* ('female'/'male'; None = unknown,
        which matches only 'any' bands)."""
        for rr in self.reference_ranges:
            if (rr.sex == "any" or rr.sex == sex) and rr.covers_age(age):
                return rr
        return None


@dataclass(frozen=True, kw_only=True)
class Panel(FrozenModel):
    """A LOINC panel reported as a whole ("liver function was normal").

    ``members`` are the analytes whose normality such a report vouches for.
    """

    key: Annotated[str, _KEY]
    label: str
    loinc: Annotated[list[str], _LOINCS]
    names: list[str] = field(default_factory=list)
    members: Annotated[list[str], at.MinLen(1)]
    note: str = ""

    def __post_init__(self) -> None:
        check_fields(self, key=_KEY, loinc=_LOINCS)

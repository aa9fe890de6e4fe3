"""UCUM unit codes and printed unit labels, read without pint.

Lab values arrive as ``{"id": "UCUM:ng/mL", "label": "ng/mL"}`` or as printed
labels ("µIU/mL", "IU/L", "10^9/L"). This module reads the part of UCUM that
clinical chemistry uses - prefixes, atoms, ``.`` and ``/``, parentheses,
exponents, ``10*9``-style factors, ``{annotations}`` - with a small
hand-written parser. It has no dependency beyond the standard library, so the
catalogue can check its units on load cheaply; :mod:`osteodx.labs.units` does
the arithmetic with pint.

A unit that cannot be read raises :class:`UnitError` naming it; nothing is
guessed. ``mEq/L`` is read as UCUM's ``meq/L`` (an equivalent is 1 mol in UCUM); as
that holds only for a monovalent ion, the lab interpreter uses it only for analytes whose
catalogue entry has charge 1 and refuses it for the others.

>>> parse_unit({"id": "UCUM:u[IU]/mL", "label": "µIU/mL"}).code
'u[IU]/mL'
>>> parse_unit("mEq/L").code
'meq/L'
>>> parse_unit("furlongs")
Traceback (most recent call last):
...
osteodx.labs.ucum.UnitError: unknown unit 'furlongs'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from osteodx.errors import OsteodxError

__all__ = ["ASSAY_ATOMS", "ATOMS", "PREFIXES", "Unit", "UnitError", "parse_ucum", "parse_unit",
           "ucum_code", "ucum_from_label"]


class UnitError(OsteodxError, ValueError):
    """A unit that cannot be read, or two units that cannot be converted."""


#: UCUM atoms used in clinical labs -> pint unit names.
ATOMS: dict[str, str] = {
    "g": "gram", "L": "liter", "l": "liter", "mol": "mole",
    "U": "enzyme_unit", "kat": "katal", "[IU]": "international_unit",
    "[iU]": "international_unit", "m": "meter", "s": "second", "min": "minute",
    "h": "hour", "d": "day", "wk": "week", "a": "year", "%": "percent",
    "m[Hg]": "meter_Hg", "m[H2O]": "meter_H2O", "Pa": "pascal",
    # UCUM's osmole is 1 mol of osmotically active particles ("mOsm/kg" of an osmolality)
    "osm": "mole",
    "[in_i]": "inch", "[ft_i]": "foot", "[lb_av]": "pound", "[oz_av]": "ounce",
    # UCUM defines the equivalent as 1 mol: true for a monovalent ion only, so the lab
    # interpreter accepts it only for analytes whose catalogue entry says charge 1
    "eq": "mole",
    # UCUM's King-Armstrong unit, an arbitrary unit of one assay (alkaline phosphatase by
    # phenol release): a dimension of its own, so it converts to nothing by unit arithmetic;
    # the catalogue's ``assay_units`` give its factor for the one analyte it measures
    "[ka'U]": "king_armstrong_unit",
}
#: Arbitrary units that belong to one analyte's assay ("KA units" of alkaline phosphatase).
ASSAY_ATOMS = frozenset({"[ka'U]"})
#: UCUM prefixes -> powers of ten.
PREFIXES: dict[str, int] = {
    "G": 9, "M": 6, "k": 3, "h": 2, "da": 1, "d": -1, "c": -2, "m": -3, "u": -6,
    "n": -9, "p": -12, "f": -15, "a": -18,
}
_ARBITRARY = frozenset({"[IU]", "[iU]"})
_TOKEN = re.compile(r"(?P<sym>[A-Za-z%]*(?:\[[^\]]*\])?)(?P<exp>[+-]?\d+)?")
_FACTOR = re.compile(r"(?P<base>\d+)(?:[*^](?P<exp>[+-]?\d+))?")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_ANNOTATION = re.compile(r"\{[^}]*\}")
_SWAP = re.compile(r"\[[Ii]U\]|(?<![A-Za-z\[])((?:da|[GMkhdcmunpfa])?)U(?![A-Za-z\]])")

#: "KAunits", "KAU", "K.A.units", "King-Armstrongunits" (spaces are removed first)
_KING_ARMSTRONG = r"^(?:K\.?A\.?(?:U\.?|[Uu]nits?)|(?i:king-?armstrong)(?:[Uu]nits?|U)?)"

# Printed labels -> UCUM, applied in order (only to labels, never to UCUM ids).
_LABEL_FIXES: tuple[tuple[str, Any], ...] = (
    (r"[µμ]", "u"), (r"\s+", ""), (r"mcg", "ug"), (r"^(?:x|×|\*)", ""), (r"×|x(?=10)", "."),
    (r"^[Kk](?=/uL$|/mm3$)", "10*3"),  # "K/uL": thousands per microlitre
    (r"10\^", "10*"), (r"10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda m: "10*" + m.group(1).translate(_SUPER)),
    (r"(?<![\[A-Za-z])IU|(?<=[a-z])IU", "[IU]"), (r"(?<=[a-z])iU|^iU", "[iU]"),
    (r"(?i)m[e]q(?=/)", "meq"),  # "mEq/L", "MEQ/L": milliequivalents
    (r"mmHg", "mm[Hg]"), (r"(?<![A-Za-z])(m?)[Oo]sm(?=/)", r"\1osm"),  # "mOsm/kg"
    # King-Armstrong units ("KA units", "KAU", "K.A. units", "King-Armstrong units/100 mL"):
    # the unit is defined per 100 mL of serum, so a bare "KA units" is per 100 mL too
    (_KING_ARMSTRONG + r"$", "[ka'U]/dL"), (_KING_ARMSTRONG + r"(?=/)", "[ka'U]"),
    # "mg%" and "mg/100 mL" are the old writings of mg/dL (per 100 mL)
    (r"(?<=g)%$", "/dL"), (r"/100m[lL]$", "/dL"),
    (r"/1\.73m(?:2|²)", "/{1.73_m2}"), (r"(?i)^percent$", "%"),
    (r"/(?:day|d)$", "/(24.h)"),  # "7.9 mmol/day": a 24-hour collection
    (r"/cu\.?mm$", "/mm3"),  # "8,200/cumm": per cubic millimetre
    (r"/(\d+)\.?h(?:rs?)?$", r"/(\1.h)"), (r"/hrs?(?=/|$)", "/h"), (r"^cells(?=/)", "{cells}"),
    (r"(?i)^(?:in|inch|inches)$", "[in_i]"), (r"(?i)^(?:lbs?|pounds?)$", "[lb_av]"),
    # French and Belgian counts: "0,2 G/l" (giga per litre), "4,5 T/l" (tera per litre)
    (r"^G/[lL]$", "10*9/L"), (r"^T/[lL]$", "10*12/L"),
    # a Nordic count: "3.6 E9/l", "10E9/l" (10 to the 9th per litre)
    (r"^(?:10)?E(\d{1,2})(?=/)", r"10*\1"),
    # French units: "UI/l" is IU per litre; "RU/mL", an assay's relative units (C-terminal FGF23)
    (r"(?<![A-Za-z\[])([munk]?)UI(?=/)", r"\1[IU]"), (r"^RU(?=/)", "{RU}"),
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A parsed UCUM unit.

    ``terms`` are ``(prefix, atom, exponent)`` triples; ``factor`` a plain
    number (``10*9`` gives 1e9); ``annotations`` the ``{...}`` parts.
    ``label`` is the text to show (the label given, else the code).
    """

    code: str
    factor: float
    terms: tuple[tuple[str, str, int], ...]
    annotations: tuple[str, ...] = ()
    label: str = ""

    @property
    def text(self) -> str:
        return self.label or self.code

    @property
    def quantity_annotations(self) -> tuple[str, ...]:
        """Annotations that change meaning: those with a number (``{1.73_m2}``).

        Word annotations (``{cells}``, ``{beats}``) are ignored, as UCUM says.
        """
        return tuple(a for a in self.annotations if any(c.isdigit() for c in a))

    @property
    def assay_atoms(self) -> frozenset[str]:
        """The arbitrary units of one assay in this unit ("[ka'U]"): such a unit converts
        only through the catalogue entry of the analyte it measures."""
        return frozenset(atom for _, atom, _ in self.terms if atom in ASSAY_ATOMS)

    @property
    def arbitrary(self) -> bool:
        """True for units built on WHO international units ([IU])."""
        return any(atom in _ARBITRARY for _, atom, _ in self.terms)

    def swapped_enzyme_iu(self) -> Unit | None:
        """This unit with ``U`` and ``[IU]`` exchanged, for labels that write
        'IU/L' for an enzyme or 'U/mL' for an IU-calibrated assay.

        >>> parse_ucum("U/mL").swapped_enzyme_iu().code
        '[IU]/mL'
        """
        if not any(atom in ("U", "[IU]", "[iU]") for _, atom, _ in self.terms):
            return None
        code = _SWAP.sub(lambda m: "U" if m.group(0).startswith("[") else f"{m.group(1)}[IU]",
                         self.code)
        return parse_ucum(code, label=self.label)


def _split_symbol(sym: str, code: str) -> tuple[str, str]:
    if sym in ATOMS:
        return "", sym
    for plen in (2, 1):
        prefix, atom = sym[:plen], sym[plen:]
        if prefix in PREFIXES and atom in ATOMS:
            return prefix, atom
    raise UnitError(f"unknown unit {code!r}: cannot read {sym!r}")


class _Parser:
    """Recursive-descent reader for ``term := ['/'] comp (('.'|'/') comp)*``."""

    def __init__(self, code: str) -> None:
        self.code, self.i = code, 0
        self.factor = 1.0
        self.terms: list[tuple[str, str, int]] = []
        self.notes: list[str] = []

    def parse(self) -> None:
        self.term(1)
        if self.i != len(self.code):
            raise UnitError(f"unknown unit {self.code!r}: unexpected {self.code[self.i]!r}")

    def term(self, sign: int) -> None:
        if self.peek() == "/":
            self.i += 1
            self.component(-sign)
        else:
            self.component(sign)
        while self.peek() in (".", "/"):
            op = self.code[self.i]
            self.i += 1
            self.component(sign if op == "." else -sign)

    def peek(self) -> str:
        return self.code[self.i] if self.i < len(self.code) else ""

    def component(self, sign: int) -> None:
        if self.peek() == "(":
            self.i += 1
            self.term(sign)
            if self.peek() != ")":
                raise UnitError(f"unknown unit {self.code!r}: unbalanced parenthesis")
            self.i += 1
            return
        start = self.i
        m = _FACTOR.match(self.code, self.i)
        if m and m.group(0):
            base, exp = float(m.group("base")), int(m.group("exp") or 1)
            self.factor *= (base**exp) ** sign
            self.i = m.end()
        else:
            m = _TOKEN.match(self.code, self.i)
            if m and m.group("sym"):
                prefix, atom = _split_symbol(m.group("sym"), self.code)
                self.terms.append((prefix, atom, sign * int(m.group("exp") or 1)))
                self.i = m.end()
        a = _ANNOTATION.match(self.code, self.i)
        if a:
            self.notes.append(a.group(0)[1:-1])
            self.i = a.end()
        if self.i == start:
            raise UnitError(f"unknown unit {self.code!r}: cannot read {self.code[start:]!r}")


@cache
def parse_ucum(code: str, label: str = "") -> Unit:
    """Parse a UCUM code (case-sensitive, as UCUM is).

    >>> parse_ucum("10*9/L").factor
    1000000000.0
    >>> parse_ucum("mL/min/{1.73_m2}").annotations
    ('1.73_m2',)
    >>> parse_ucum("mg/furlong")
    Traceback (most recent call last):
    ...
    osteodx.labs.ucum.UnitError: unknown unit 'mg/furlong': cannot read 'furlong'
    """
    code = code.strip()
    if not code:
        raise UnitError("empty unit")
    p = _Parser(code)
    p.parse()
    return Unit(code=code, factor=p.factor, terms=tuple(p.terms),
                annotations=tuple(sorted(p.notes)), label=label)


def ucum_from_label(label: str) -> str:
    """Rewrite a printed unit label as UCUM ('µIU/mL' -> 'u[IU]/mL').

    >>> [ucum_from_label(s) for s in ("µIU/mL", "IU/L", "x10^9/L", "mmHg", "mcg/L", "K/µL")]
    ['u[IU]/mL', '[IU]/L', '10*9/L', 'mm[Hg]', 'ug/L', '10*3/uL']
    """
    text = label.strip()
    for pattern, repl in _LABEL_FIXES:
        text = re.sub(pattern, repl, text)
    return text


def parse_unit(unit: str | Mapping[str, Any]) -> Unit:
    """Read a phenopacket unit (``{"id": "UCUM:...", "label": ...}``) or a string.

    A ``UCUM:`` id is read as UCUM; otherwise, or if that fails, the label is
    read as printed text. Raises :class:`UnitError` naming the unit.

    >>> parse_unit({"label": "uIU/mL"}).code
    'u[IU]/mL'
    """
    if isinstance(unit, str):
        uid, label = (unit, "") if unit.startswith("UCUM:") else ("", unit)
    else:
        uid, label = str(unit.get("id", "") or ""), str(unit.get("label", "") or "")
    errors: list[str] = []
    if uid.startswith("UCUM:"):
        try:
            return parse_ucum(uid[5:], label=label)
        except UnitError as exc:
            errors.append(str(exc))
    if label:
        for code in dict.fromkeys((label, ucum_from_label(label))):
            try:
                return parse_ucum(code, label=label)
            except UnitError:
                pass
    shown = " / ".join(repr(x) for x in (uid, label) if x) or "(none)"
    detail = f" ({errors[0]})" if errors else ""
    raise UnitError(f"unknown unit {shown}{detail}")


@cache
def ucum_code(label: str) -> str | None:
    """UCUM code of a printed unit, or None if it cannot be read.

    >>> ucum_code("mmol/L"), ucum_code("pmol/L"), ucum_code("furlongs")
    ('mmol/L', 'pmol/L', None)
    """
    try:
        return parse_unit(label).code
    except UnitError:
        return None

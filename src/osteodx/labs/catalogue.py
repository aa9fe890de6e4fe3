"""The lab catalogue (``osteodx/knowledge/labs.yaml``) as validated frozen dataclasses.

The catalogue is hand-curated data, so it is checked hard on load - HPO and
LOINC id syntax and LOINC check digits, units readable as UCUM, ranges with
low <= high, sources that exist, no LOINC code or name claimed by two
analytes - and any problem is reported as one :class:`KnowledgeBaseError`
naming the analyte and field, rather than surfacing later as a wrong finding.

Names are matched case- and punctuation-insensitively (:func:`name_key`), so
"25(OH)D", "25-OH-D" and "25 ohd" meet; ``+`` is kept because "Ca2+" and "Ca"
are different analytes.

>>> find_by_loinc("1989-3").key
'vitamin_d_25oh'
>>> find_by_name("25(OH) Vitamin D").key
'vitamin_d_25oh'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import annotated_types as at

from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge import load_yaml, memo_validated, yaml_errors
from osteodx.knowledge.validation import Problem, SchemaError, validate
from osteodx.labs.models import (
    Analyte,
    AssayUnit,
    FrozenModel,
    HpoMap,
    HpoTerm,
    Panel,
    PlausibleBasis,
    ReferenceRange,
    Sex,
    loinc_check_digit,
    name_key,
    normalise_loinc,
)
from osteodx.labs.ucum import Unit, parse_ucum

__all__ = [
    "Analyte", "AssayUnit", "Catalogue", "HpoMap", "HpoTerm", "Panel", "PlausibleBasis",
    "ReferenceRange", "Sex",
    "all_names", "find_by_loinc", "find_by_name", "load_catalogue", "loinc_check_digit",
    "name_key", "normalise_loinc", "validate_catalogue",
]


@dataclass(frozen=True, kw_only=True)
class Catalogue(FrozenModel):
    schema_version: Literal[1]
    version: str
    note: str = ""
    sources: dict[str, str]
    #: relative slack on every plausible bound (why: see ``plausible_tolerance_basis``); a
    #: tolerance of 10 % or more could let a unit slip (a factor of 4 or more) pass
    plausible_tolerance: Annotated[float, at.Ge(0), at.Lt(0.1)]
    plausible_tolerance_basis: Annotated[str, at.MinLen(8)]
    analytes: Annotated[list[Analyte], at.MinLen(1)]
    panels: list[Panel] = field(default_factory=list)

    def __post_init__(self) -> None:
        """The checks across entries (pydantic runs this once every entry is valid)."""
        problems: list[str] = []
        keys = [a.key for a in self.analytes] + [p.key for p in self.panels]
        problems += [f"key {k!r} used twice" for k in sorted({k for k in keys
                                                              if keys.count(k) > 1})]
        codes: dict[str, str] = {}
        names: dict[str, str] = {}
        for item in [*self.analytes, *self.panels]:
            for code in item.loinc:
                if codes.setdefault(code, item.key) != item.key:
                    problems.append(f"{code} is claimed by {codes[code]} and {item.key}")
        for a in self.analytes:
            for n in {name_key(x) for x in (a.label, a.display, *a.names)}:
                if names.setdefault(n, a.key) != a.key:
                    problems.append(f"{a.key}: name {n!r} is also a name of {names[n]}")
            cited = {s.strip() for s in a.source.split(";")} | {r.source for r in
                                                                a.reference_ranges}
            cited |= a.plausible_basis.sources()
            cited |= {s for au in a.assay_units for s in au.sources()}
            problems += [f"{a.key}: source {s!r} is not in sources" for s in sorted(cited)
                         if s not in self.sources]
        analyte_keys = {a.key for a in self.analytes}
        for p in self.panels:
            problems += [f"panel {p.key}: name {n!r} is also a name of {names[name_key(n)]}"
                         for n in (p.label, *p.names) if name_key(n) in names]
            problems += [f"panel {p.key}: member {m!r} is not an analyte" for m in p.members
                         if m not in analyte_keys]
        problems += [f"{a.key}: fluid_of {k!r} is not an analyte" for a in self.analytes
                     for k in a.fluid_of if k not in analyte_keys]
        owners: dict[str, str] = {}
        for a in self.analytes:  # a unit of one assay is the unit of one analyte only
            for atom in {atom for au in a.assay_units for code in au.codes
                         for atom in parse_ucum(code).assay_atoms}:
                if owners.setdefault(atom, a.key) != a.key:
                    problems.append(f"{a.key}: assay unit {atom} is also a unit of "
                                    f"{owners[atom]}")
        if problems:
            raise ValueError("; ".join(problems))
        for a in self.analytes:  # the one tolerance of this catalogue, for within_plausible
            object.__setattr__(a, "_tolerance", self.plausible_tolerance)  # a frozen analyte

    def assay_unit_owners(self, unit: Unit) -> list[Analyte]:
        """The analytes whose assay *unit*'s arbitrary units belong to ("KA units":
        alkaline phosphatase); empty for a unit of no one assay."""
        atoms = unit.assay_atoms
        return [a for a in self.analytes if atoms and any(
            atoms & parse_ucum(code).assay_atoms for au in a.assay_units for code in au.codes)]

    @cached_property
    def _by_loinc(self) -> dict[str, Analyte]:
        return {code: a for a in self.analytes for code in a.loinc}

    @cached_property
    def _by_name(self) -> dict[str, Analyte]:
        return {name_key(n): a for a in self.analytes for n in (a.label, a.display, *a.names)}

    @cached_property
    def _panels_by_loinc(self) -> dict[str, Panel]:
        return {code: p for p in self.panels for code in p.loinc}

    def analyte(self, key: str) -> Analyte:
        """The analyte with this key (KeyError if none)."""
        for a in self.analytes:
            if a.key == key:
                return a
        raise KeyError(key)

    def in_fluid(self, analyte: Analyte, specimen: str) -> Analyte | None:
        """The analyte that *analyte*'s name means when measured in *specimen*
        ("protein" in a CSF sample is CSF protein), or None."""
        for a in self.analytes:
            if a.specimen == specimen and analyte.key in a.fluid_of:
                return a
        return None

    def find_by_loinc(self, code: str) -> Analyte | None:
        return self._by_loinc.get(normalise_loinc(code))

    def find_panel_by_loinc(self, code: str) -> Panel | None:
        return self._panels_by_loinc.get(normalise_loinc(code))

    def find_by_name(self, text: str) -> Analyte | None:
        return self._by_name.get(name_key(text))

    def find_panel_by_name(self, text: str) -> Panel | None:
        key = name_key(text)
        return next((p for p in self.panels
                     if key in {name_key(n) for n in (p.label, *p.names)}), None)

    def all_names(self) -> list[str]:
        """Every label, short label and name of every analyte, as written."""
        seen = dict.fromkeys(n for a in self.analytes for n in (a.label, a.display, *a.names))
        return list(seen)

    def siblings(self, analyte: Analyte) -> list[Analyte]:
        """Analytes mapping to the same low/high HPO terms (bone ALP by mass and by
        activity): a unit that fits the sibling but not the assay picks the sibling."""
        sig = (analyte.hpo.low, analyte.hpo.high)
        return [a for a in self.analytes if a.key != analyte.key and (a.hpo.low, a.hpo.high) == sig
                and (sig[0] or sig[1]) is not None]


def validate_catalogue(data: object) -> Catalogue:
    """*data* (the parsed ``labs.yaml``) as a checked :class:`Catalogue`: each entry's
    fields and checks, then the checks across entries.

    Raises :class:`~osteodx.knowledge.validation.SchemaError` with every problem found.
    """
    return validate(Catalogue, data)


def _describe(problems: list[Problem], data: dict) -> str:
    lines = []
    for loc, msg in problems:
        where = ""
        for i, part in enumerate(loc):
            if isinstance(part, int):
                where += f"[{part}]"
                if i == 1 and loc[0] in ("analytes", "panels"):
                    try:
                        where += f" ({data[loc[0]][part]['key']})"
                    except (KeyError, IndexError, TypeError):
                        pass
            else:
                where += f".{part}" if where else str(part)
        lines.append(f"{where or 'catalogue'}: {msg}")
    return "; ".join(lines)


@cache
def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Load and validate the catalogue (the packaged one by default); cached.

    Raises :class:`KnowledgeBaseError` with every problem found.
    """
    if path is None:
        resource = resources.files("osteodx.knowledge") / "labs.yaml"
        text, where = resource.read_text(encoding="utf-8"), "labs.yaml"
    else:
        text, where = Path(path).read_text(encoding="utf-8"), str(path)
    return memo_validated(text, lambda: _validate(text, where), *_CODE)


#: the modules whose code decides what a validated catalogue holds
_CODE = (__name__, "osteodx.labs.models", "osteodx.labs.ucum", "osteodx.knowledge.validation")


def _validate(text: str, where: str) -> Catalogue:
    try:
        data = load_yaml(text)
    except yaml_errors() as exc:
        raise KnowledgeBaseError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{where}: expected a mapping at the top")
    try:
        catalogue = validate_catalogue(data)
    except SchemaError as exc:
        raise KnowledgeBaseError(f"{where}: {_describe(exc.problems, data)}") from None
    for index in ("_by_loinc", "_by_name", "_panels_by_loinc"):
        getattr(catalogue, index)  # worked out once, and kept with the validated catalogue
    return catalogue


def find_by_loinc(code: str) -> Analyte | None:
    """The analyte of a LOINC code, with or without the ``LOINC:`` prefix."""
    return load_catalogue().find_by_loinc(code)


def find_by_name(text: str) -> Analyte | None:
    """The analyte named *text* (label or any name; case/punctuation-insensitive)."""
    return load_catalogue().find_by_name(text)


def all_names() -> list[str]:
    """Every name of every catalogued analyte, for text matchers."""
    return load_catalogue().all_names()

"""How common each disease is: sourced prevalence figures, the base rate of the differential.

An expert who sees café-au-lait spots and axillary freckling says neurofibromatosis type 1
(about 1 in 3,000) before Watson syndrome (a few families), even though both explain the
spots: the pre-test probability differs by orders of magnitude. ``knowledge/prevalence.yaml``
lists sourced figures ("1 in N", with the page or paper each comes from); a disease it does
not list is taken to be as rare as a typical rare disease (the file's ``reference``).
The engine turns a figure into a pre-test log10 odds against that reference
(:func:`prevalence_log10_odds`), tempered and capped by :class:`ModelParameters`.

The figures are frozen dataclasses, validated by pydantic only when the file is read for the
first time or edited (:func:`validate_prevalence`); a warm start reads them back from the
cache without importing pydantic.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Annotated, Any, ClassVar, Literal

import annotated_types as at

from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge import load_yaml, memo_validated
from osteodx.knowledge.validation import FORBID, SchemaError, validate

__all__ = ["Prevalence", "PrevalenceTable", "load_prevalence", "prevalence_digest",
           "validate_prevalence"]

_FILE = "prevalence.yaml"


@dataclass(frozen=True, kw_only=True)
class Prevalence:
    """One sourced figure: ``one_in`` people (or births, or males) have the condition."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    condition: str
    ids: Annotated[list[str], at.MinLen(1)]
    one_in: Annotated[float, at.Gt(1)]
    measure: Literal["point", "birth", "males", "females"] = "point"
    population: str = ""
    source: Annotated[str, at.MinLen(3)]
    url: str = ""
    quote: str = ""
    note: str = ""
    group_members: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # a float whatever was written ("1 in 6000" read from a file or given in code), as
        # the figures it is multiplied into are
        object.__setattr__(self, "one_in", float(self.one_in))

    @property
    def population_one_in(self) -> float:
        """1 in N of everyone: a figure for one sex is diluted by the other half."""
        return self.one_in * 2 if self.measure in ("males", "females") else self.one_in

    def per_entry(self) -> list[tuple[str, float, str]]:
        """(id, population "1 in N", description) for each entry the figure reaches.

        A figure for a group of OMIM entries (``group_members``: other genes or types of
        the same condition, the source giving no share) is shared equally by the group's
        OMIM entries, so that the entry listed first is not favoured over its siblings;
        an Orphanet id listed with it names the whole group and keeps the whole figure.

        >>> p = Prevalence(condition="TSC", ids=["ORPHA:805", "OMIM:191100"], one_in=6000,
        ...                source="A review", group_members=["OMIM:613254"])
        >>> [(d, n) for d, n, _ in p.per_entry()]
        [('ORPHA:805', 6000.0), ('OMIM:191100', 12000.0), ('OMIM:613254', 12000.0)]
        """
        text = self.describe()
        omim = [d for d in (*self.ids, *self.group_members) if d.startswith("OMIM:")]
        n = self.population_one_in
        if not self.group_members or len(omim) < 2:
            return [(d, n, text) for d in self.ids]
        shared = f"{text}, shared by the {len(omim)} OMIM entries of the group"
        return ([(d, n, text) for d in self.ids if not d.startswith("OMIM:")]
                + [(d, n * len(omim), shared) for d in omim])

    def describe(self) -> str:
        """The figure in brief: "1 in 5,000 males, worldwide" (the source is :attr:`cite`)."""
        what = {"point": "", "birth": "births", "males": "males",
                "females": "females"}[self.measure]
        place = self.population.split("(")[0].strip(" ,;")
        if re.match(r"(not stated|unspecified|general)\b", place, re.IGNORECASE):
            place = ""
        where = ", ".join(x for x in (what, place) if x)
        return f"1 in {self.one_in:,.0f}{f' {where}' if where else ''}"

    @property
    def cite(self) -> str:
        return f"{self.source} {self.url}".strip()


@dataclass(frozen=True, kw_only=True)
class PrevalenceTable:
    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    schema_version: int
    version: str
    reference_one_in: Annotated[float, at.Gt(1)]
    reference_source: str
    diseases: list[Prevalence]

    def __post_init__(self) -> None:
        """One figure per id: two would leave the base rate to the order of the file."""
        seen: dict[str, str] = {}
        for p in self.diseases:
            for d in p.ids:
                if d in seen:
                    raise ValueError(f"{d} has two figures ({seen[d]!r} and {p.condition!r})")
                seen[d] = p.condition

    def by_id(self) -> dict[str, Prevalence]:
        return {d: p for p in self.diseases for d in p.ids}


def _text() -> str:
    return resources.files("osteodx.knowledge").joinpath(_FILE).read_text(encoding="utf-8")


@cache
def load_prevalence() -> PrevalenceTable:
    """The shipped prevalence table, validated (a malformed file is a clear error)."""
    text = _text()
    return memo_validated(text, lambda: _validate(text), __name__,
                          "osteodx.knowledge.validation")


def validate_prevalence(data: object) -> PrevalenceTable:
    """*data* (the parsed ``prevalence.yaml``) as a checked :class:`PrevalenceTable`.

    Raises :class:`~osteodx.knowledge.validation.SchemaError` with every problem found.
    """
    return validate(PrevalenceTable, data)


def _validate(text: str) -> PrevalenceTable:
    try:
        return validate_prevalence(load_yaml(text))
    except SchemaError as err:
        loc, msg = err.problems[0]
        raise KnowledgeBaseError(f"knowledge/{_FILE}: {'.'.join(map(str, loc))}: {msg}") from None


def prevalence_digest() -> str:
    """SHA-256 of the shipped table: part of the knowledge-base cache key."""
    return hashlib.sha256(_text().encode()).hexdigest()

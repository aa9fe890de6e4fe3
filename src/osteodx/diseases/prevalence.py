"""How common each disease is: sourced prevalence figures, the base rate of the differential.

An expert who sees café-au-lait spots and axillary freckling says neurofibromatosis type 1
(about 1 in 3,000) before Watson syndrome (a few families), even though both explain the
spots: the pre-test probability differs by orders of magnitude. ``knowledge/prevalence.yaml``
lists sourced figures ("1 in N", with the page or paper each comes from); a disease it does
not list is taken to be as rare as a typical rare disease (the file's ``reference``).
The engine turns a figure into a pre-test log10 odds against that reference
(:func:`prevalence_log10_odds`), tempered and capped by :class:`ModelParameters`.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge import load_yaml, memo_validated

__all__ = ["Prevalence", "PrevalenceTable", "load_prevalence", "prevalence_digest"]

_FILE = "prevalence.yaml"


class Prevalence(BaseModel):
    """One sourced figure: ``one_in`` people (or births, or males) have the condition."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    condition: str
    ids: list[str] = Field(min_length=1)
    one_in: float = Field(gt=1)
    measure: Literal["point", "birth", "males", "females"] = "point"
    population: str = ""
    source: str = Field(min_length=3)
    url: str = ""
    quote: str = ""
    note: str = ""
    group_members: list[str] = Field(default_factory=list)

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


class PrevalenceTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int
    version: str
    reference_one_in: float = Field(gt=1)
    reference_source: str
    diseases: list[Prevalence]

    @model_validator(mode="after")
    def _one_figure_per_id(self) -> PrevalenceTable:
        seen: dict[str, str] = {}
        for p in self.diseases:
            for d in p.ids:
                if d in seen:
                    raise ValueError(f"{d} has two figures ({seen[d]!r} and {p.condition!r})")
                seen[d] = p.condition
        return self

    def by_id(self) -> dict[str, Prevalence]:
        return {d: p for p in self.diseases for d in p.ids}


def _text() -> str:
    return resources.files("osteodx.knowledge").joinpath(_FILE).read_text(encoding="utf-8")


@cache
def load_prevalence() -> PrevalenceTable:
    """The shipped prevalence table, validated (a malformed file is a clear error)."""
    text = _text()
    return memo_validated(text, lambda: _validate(text), __name__)


def _validate(text: str) -> PrevalenceTable:
    try:
        return PrevalenceTable.model_validate(load_yaml(text))
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise KnowledgeBaseError(f"knowledge/{_FILE}: {loc}: {first['msg']}") from None


def prevalence_digest() -> str:
    """SHA-256 of the shipped table: part of the knowledge-base cache key."""
    return hashlib.sha256(_text().encode()).hexdigest()

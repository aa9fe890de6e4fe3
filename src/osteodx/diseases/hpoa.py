"""Read ``phenotype.hpoa``: one row per disease-term annotation.

Aspects: ``P`` phenotype, ``I`` mode of inheritance, ``C`` clinical course
(onset), ``M`` modifier. ``qualifier`` ``NOT`` marks a curated absence.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from osteodx.diseases.frequency import EXCLUDED_FREQUENCY, parse_frequency
from osteodx.errors import KnowledgeBaseError

__all__ = ["HpoaRow", "read_hpoa", "hpoa_version"]


@dataclass(frozen=True, slots=True)
class HpoaRow:
    """One annotation line."""

    disease_id: str
    disease_name: str
    negated: bool
    hpo_id: str
    reference: str
    onset: str
    frequency: float | None
    frequency_text: str
    sex: str
    aspect: str


def hpoa_version(path: Path) -> str:
    """The ``#version:`` header of a ``phenotype.hpoa`` file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            if line.startswith("#version:"):
                return line.split(":", 1)[1].strip()
    return ""


def read_hpoa(path: Path) -> Iterator[HpoaRow]:
    """Yield every annotation row of *path*.

    A row whose frequency cannot be parsed raises :class:`KnowledgeBaseError`
    naming the file and line: a silently wrong frequency would skew every score.
    """
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t")
        header = next(reader, None)
        if not header or header[0] != "database_id":
            raise KnowledgeBaseError(f"{path}: not a phenotype.hpoa file (header {header!r})")
        col = {name: i for i, name in enumerate(header)}
        for lineno, row in enumerate(reader, start=2):
            if len(row) < len(header):
                continue
            freq_text = row[col["frequency"]]
            try:
                freq = parse_frequency(freq_text)
            except ValueError as exc:
                raise KnowledgeBaseError(f"{path}: line {lineno}: {exc}") from exc
            negated = row[col["qualifier"]] == "NOT" or freq_text == EXCLUDED_FREQUENCY
            yield HpoaRow(
                disease_id=row[col["database_id"]],
                disease_name=row[col["disease_name"]],
                negated=negated,
                hpo_id=row[col["hpo_id"]],
                reference=row[col["reference"]],
                onset=row[col["onset"]],
                frequency=freq,
                frequency_text=freq_text,
                sex=row[col["sex"]].upper(),
                aspect=row[col["aspect"]],
            )

"""Read ``phenotype.hpoa``: one row per disease-term annotation.

Aspects: ``P`` phenotype, ``I`` mode of inheritance, ``C`` clinical course
(onset), ``M`` modifier. ``qualifier`` ``NOT`` marks a curated absence.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from osteodx.datafiles import FileReport, read_lines
from osteodx.diseases.frequency import EXCLUDED_FREQUENCY, parse_frequency
from osteodx.errors import KnowledgeBaseError

__all__ = ["HpoaRow", "read_hpoa", "hpoa_version", "COLUMNS"]

#: the columns osteodx reads (a release has twelve; ``evidence``, ``modifier`` and
#: ``biocuration`` are not used)
COLUMNS = ("database_id", "disease_name", "qualifier", "hpo_id", "reference", "onset",
           "frequency", "sex", "aspect")


class HpoaRow(NamedTuple):
    """One annotation line (a named tuple: a release has 270,000 of them, and a tuple is
    built several times faster than a frozen dataclass)."""

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
    for _, line in read_lines(path):
        if not line.startswith("#"):
            break
        if line.startswith("#version:"):
            return line.split(":", 1)[1].strip()
    return ""


_DISEASE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*:\S+")
_TERM_ID = re.compile(r"HP:\d{7}")
_ASPECTS = frozenset("PICMH")  # phenotype, inheritance, clinical course, modifier, history


def _well_formed(row: list[str], col: dict[str, int], seen: set[str]) -> bool:
    """A row the format allows: a prefixed disease id, an HPO id, an empty or NOT
    qualifier and a known aspect (anything else is a damaged or foreign line). *seen*
    holds the ids already matched: a release repeats each disease and term many times."""
    disease, term = row[col["database_id"]], row[col["hpo_id"]]
    for text, pattern in ((disease, _DISEASE_ID), (term, _TERM_ID)):
        if text not in seen:
            if pattern.fullmatch(text) is None:
                return False
            seen.add(text)
    return row[col["qualifier"]] in ("", "NOT") and row[col["aspect"]] in _ASPECTS


def read_hpoa(path: Path, report: FileReport | None = None) -> Iterator[HpoaRow]:
    """Yield every annotation row of *path*.

    A row whose frequency cannot be parsed raises :class:`KnowledgeBaseError`
    naming the file and line: a silently wrong frequency would skew every score.
    A row with too few fields (a junk line, a file cut short) is skipped and counted
    in *report*, so that the caller can say how many and where; blank lines are not rows.
    """
    report = report if report is not None else FileReport(path)
    where = [0]  # the file line of the row csv returned last

    def data_lines() -> Iterator[str]:
        for lineno, line in read_lines(path, report):
            if not line.startswith("#"):
                where[0] = lineno
                yield line

    reader = csv.reader(data_lines(), delimiter="\t")
    header = next(reader, None)
    if not header or header[0] != "database_id":
        raise KnowledgeBaseError(f"{path}: line {where[0]}: not a phenotype.hpoa file "
                                 f"(header {header!r})")
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise KnowledgeBaseError(f"{path}: line {where[0]}: header lacks the column "
                                 f"{missing[0]!r}")
    col = {name: i for i, name in enumerate(header)}
    report.why = (f"fewer than {len(header)} tab-separated fields, or a malformed disease "
                  "id, HPO id, qualifier or aspect")
    seen: set[str] = set()
    frequencies: dict[str, float | None] = {}  # a few thousand distinct texts
    for row in reader:
        lineno = where[0]
        if len(row) < len(header) or not _well_formed(row, col, seen):
            if row:  # a blank line holds nothing to drop
                report.skip(lineno)
            continue
        freq_text = row[col["frequency"]]
        try:
            freq = frequencies[freq_text]
        except KeyError:
            try:
                freq = frequencies[freq_text] = parse_frequency(freq_text)
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

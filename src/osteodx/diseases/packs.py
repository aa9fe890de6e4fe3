"""Curated knowledge packs: YAML files of sourced disease facts, merged into the knowledge base.

A pack enriches diseases that ``phenotype.hpoa`` already has (``status: enrich``)
and adds disease models it lacks (``status: new``); both are scored by the same
engine as every other disease. Packs also name *patterns* (a finding that opens a
classic differential) and the diagnostic tests that separate their diseases.
Every statement carries a ``source`` that must be listed in the pack's ``sources``.

The models are frozen dataclasses, validated by pydantic only when a pack file is read for
the first time or edited (:mod:`osteodx.knowledge.validation`); a warm start reads them
back from the cache without importing pydantic.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Literal

from osteodx.diseases.frequency import parse_frequency
from osteodx.diseases.model import AnnotationSpec, DiseaseSpec
from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge import load_yaml, memo_validated, yaml_errors
from osteodx.knowledge.validation import ALLOW, SchemaError, validate

__all__ = ["Pack", "PackDisease", "PackPattern", "DiagnosticTest", "load_pack", "default_packs",
           "packs_digest", "merge_pack", "validate_pack"]


class _Model:
    """Base of the pack models: unknown fields (an entry's ``note``) are kept as attributes
    when pydantic validates a file; instances are immutable (``frozen`` dataclasses)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = ALLOW


@dataclass(frozen=True, kw_only=True)
class TermRef(_Model):
    hpo_id: str
    label: str = ""
    source: str = ""


@dataclass(frozen=True, kw_only=True)
class PackAnnotation(_Model):
    hpo_id: str
    label: str = ""
    frequency: str | float | None = None
    excluded: bool = False
    source: str

    def __post_init__(self) -> None:
        parse_frequency(self.frequency)  # raises ValueError, reported with the entry


@dataclass(frozen=True, kw_only=True)
class PackDisease(_Model):
    id: str
    label: str
    equivalent_ids: list[str] = field(default_factory=list)
    status: Literal["enrich", "new"]
    category: Literal["genetic", "acquired"] = "genetic"
    inheritance: list[TermRef] = field(default_factory=list)
    onset: list[TermRef] = field(default_factory=list)
    annotations: list[PackAnnotation] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class PackPattern(_Model):
    hpo_id: str
    label: str
    trigger_descendants: bool = True
    members: list[str]


@dataclass(frozen=True, kw_only=True)
class DiagnosticTest(_Model):
    id: str
    label: str
    kind: str
    reveals: list[TermRef] = field(default_factory=list)
    loinc: str | None = None
    genes: list[str] = field(default_factory=list)  # for genetic tests: the genes covered
    source: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Pack(_Model):
    schema_version: int
    pack: str
    title: str
    version: str
    sources: dict[str, str]
    patterns: list[PackPattern] = field(default_factory=list)
    diseases: list[PackDisease]
    tests: list[DiagnosticTest] = field(default_factory=list)
    path: str = ""

    def __post_init__(self) -> None:
        """Every source cited is listed; every pattern member has a disease entry."""

        def check(where: str, source: str) -> None:
            for key in (s.strip() for s in source.split(";")):
                if key and key not in self.sources:
                    raise ValueError(f"{where}: source {key!r} is not listed under 'sources'")

        for d in self.diseases:
            for a in d.annotations:
                check(f"{d.id} {a.hpo_id}", a.source)
            for t in [*d.inheritance, *d.onset]:
                check(f"{d.id} {t.hpo_id}", t.source)
        ids = {d.id for d in self.diseases}
        for p in self.patterns:
            missing = [m for m in p.members if m not in ids]
            if missing:
                raise ValueError(f"pattern {p.hpo_id}: members without a disease entry: {missing}")


def _read_yaml(path: Path) -> dict:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml_errors()) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read knowledge pack: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path}: a knowledge pack must be a mapping")
    return data


def load_pack(path: Path, tests_path: Path | None = None) -> Pack:
    """Read and validate a pack (and its optional tests file)."""
    data = _read_yaml(path)
    if tests_path is not None and tests_path.is_file():
        data["tests"] = _read_yaml(tests_path).get("tests", [])
    try:
        return validate_pack({**data, "path": str(path)})
    except SchemaError as exc:
        loc, msg = exc.problems[0]
        raise KnowledgeBaseError(f"{path}: {'.'.join(map(str, loc))}: {msg}") from None


def validate_pack(data: object) -> Pack:
    """*data* (a parsed pack file, its ``tests`` included) as a checked :class:`Pack`.

    Raises :class:`~osteodx.knowledge.validation.SchemaError` with every problem found.
    """
    return validate(Pack, data)


def _pack_dir() -> Path:
    return Path(str(resources.files("osteodx.knowledge") / "packs"))


@cache
def default_packs() -> tuple[Pack, ...]:
    """The packs shipped with osteodx (``knowledge/packs/*.yaml``), validated once per
    content (:func:`~osteodx.knowledge.memo_validated`)."""
    folder = _pack_dir()
    content = "".join(f"{path}\n{path.read_text(encoding='utf-8')}\n"
                      for path in sorted(folder.glob("*.yaml")))
    return memo_validated(content, lambda: _read_packs(folder), __name__,
                          "osteodx.knowledge.validation")


def _read_packs(folder: Path) -> tuple[Pack, ...]:
    packs = []
    for path in sorted(folder.glob("*.yaml")):
        if path.stem.endswith("_tests"):
            continue
        packs.append(load_pack(path, folder / f"{path.stem}_tests.yaml"))
    return tuple(packs)


def packs_digest() -> str:
    """SHA-256 over the shipped pack files: part of the knowledge-base cache key."""
    h = hashlib.sha256()
    for path in sorted(_pack_dir().glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def merge_pack(specs: dict[str, DiseaseSpec], pack: Pack) -> int:
    """Add *pack*'s diseases and annotations to *specs*; returns annotations added."""
    origin = f"pack:{pack.pack}"
    added = 0
    for d in pack.diseases:
        spec = specs.get(d.id)
        if spec is None:
            spec = specs[d.id] = DiseaseSpec(d.id, d.label, origins=[origin])
        elif origin not in spec.origins:
            spec.origins.append(origin)
        if spec.label.isupper():  # old OMIM titles are in capitals; the pack names it properly
            spec.label = d.label
        spec.equivalent_ids = sorted(set(spec.equivalent_ids) | set(d.equivalent_ids))
        spec.inheritance |= {t.hpo_id for t in d.inheritance}
        spec.onsets |= {t.hpo_id for t in d.onset}
        for a in d.annotations:
            freq = parse_frequency(a.frequency)
            text = "" if a.frequency is None else str(a.frequency)
            spec.annotations.append(AnnotationSpec(
                a.hpo_id, None if a.excluded else freq, text, negated=a.excluded,
                reference=a.source, origin=origin))
            added += 1
    return added

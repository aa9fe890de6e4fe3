"""Benchmark corpora: phenopackets in a folder or a ``.tar.gz``, with their gold answer.

The gold diagnosis is read from ``interpretations`` (else ``diseases``) and
those keys are removed from the document before it becomes a Case, so the
ranking can never see them.
"""

from __future__ import annotations

import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from osteodx.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from osteodx.case.model import Case
    from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["CorpusCase", "iter_corpus", "gold_diagnoses", "LEAKY_KEYS", "parsed_cases"]

#: top-level phenopacket keys that hold the answer
LEAKY_KEYS = ("interpretations", "diseases", "biosamples", "files")


@dataclass(slots=True)
class CorpusCase:
    name: str
    document: dict[str, Any]  # with LEAKY_KEYS removed
    gold: list[str]
    cohort: str


def gold_diagnoses(doc: dict[str, Any]) -> list[str]:
    """Disease ids of the diagnosis, in document order, without duplicates."""
    out: list[str] = []
    for interp in doc.get("interpretations", []):
        did = interp.get("diagnosis", {}).get("disease", {}).get("id")
        if did and did not in out:
            out.append(did)
    if not out:
        for dis in doc.get("diseases", []):
            did = dis.get("term", {}).get("id")
            if did and did not in out and not dis.get("excluded"):
                out.append(did)
    return out


def _cohort(name: str) -> str:
    parts = Path(name).parts
    if "phenopackets" in parts:
        i = parts.index("phenopackets")
        if i + 1 < len(parts) - 1:
            return parts[i + 1]
    return Path(name).parent.name


def _case(name: str, raw: bytes) -> CorpusCase:
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid JSON: {exc}", source=name) from None
    if not isinstance(doc, dict):
        raise InputError("expected one phenopacket object", source=name)
    gold = gold_diagnoses(doc)
    clean = {k: v for k, v in doc.items() if k not in LEAKY_KEYS}
    return CorpusCase(name, clean, gold, _cohort(name))


def iter_corpus(path: str | Path) -> Iterator[CorpusCase]:
    """Yield every ``.json`` phenopacket of a folder (recursively) or ``.tar.gz``, sorted."""
    p = Path(path)
    if p.is_dir():
        for f in sorted(p.rglob("*.json")):
            yield _case(str(f), f.read_bytes())
        return
    if p.is_file() and p.name.endswith((".tar.gz", ".tgz", ".tar")):
        with tarfile.open(p) as tar:
            members = sorted((m for m in tar.getmembers()
                              if m.isfile() and m.name.endswith(".json")), key=lambda m: m.name)
            for m in members:
                fh = tar.extractfile(m)
                if fh is not None:
                    yield _case(m.name, fh.read())
        return
    raise InputError("corpus must be a folder or a .tar.gz of phenopackets", source=str(p))


def parsed_cases(path: str | Path, kb: KnowledgeBase, *, every: int = 1, offset: int = 0
                 ) -> Iterator[tuple[Case, int | None, str]]:
    """(case, gold disease index or None, cohort) for every ``every``-th phenopacket with a
    gold answer and usable findings, read leniently (unknown ids skipped): what the tuning
    scripts under ``benchmarks/`` score again and again."""
    from osteodx.case.phenopacket import case_from_phenopacket

    for k, cc in enumerate(iter_corpus(path)):
        if k % every != offset or not cc.gold:
            continue
        try:
            case = case_from_phenopacket(cc.document, kb.ontology, cc.name, strict=False)
        except InputError:
            continue
        if case.findings:
            yield case, kb.disease_index.get(cc.gold[0]), cc.cohort

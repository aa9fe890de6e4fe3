"""Benchmark corpora: phenopackets in a folder or a ``.tar.gz``, with their gold answer.

The gold diagnosis is read from ``interpretations`` (else ``diseases``) and
those keys are removed from the document before it becomes a Case, so the
ranking can never see them.
"""

from __future__ import annotations

import gzip
import tarfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from osteodx.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from osteodx.case.model import Case
    from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["CorpusCase", "iter_corpus", "gold_diagnoses", "LEAKY_KEYS", "CORPUS_SUFFIXES",
           "parsed_cases"]

#: top-level phenopacket keys that hold the answer
LEAKY_KEYS = ("interpretations", "diseases", "biosamples", "files")


@dataclass(slots=True)
class CorpusCase:
    name: str
    document: dict[str, Any]  # with LEAKY_KEYS removed
    gold: list[str]
    cohort: str


def gold_diagnoses(doc: dict[str, Any], name: str = "") -> list[str]:
    """Disease ids of the diagnosis, in document order, without duplicates.

    A malformed ``interpretations`` or ``diseases`` (not a list of objects) is an
    :class:`InputError` naming the field: a gold answer must never be half-read.
    """
    out: list[str] = []
    for i, interp in enumerate(_objects(doc, "interpretations", name)):
        did = _path(interp, ("diagnosis", "disease", "id"), f"interpretations[{i}]", name)
        if did and did not in out:
            out.append(did)
    if not out:
        for i, dis in enumerate(_objects(doc, "diseases", name)):
            did = _path(dis, ("term", "id"), f"diseases[{i}]", name)
            if did and did not in out and not dis.get("excluded"):
                out.append(did)
    return out


def _objects(doc: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    items = doc.get(key, [])
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise InputError("expected a list of objects", source=name, field=key,
                         value=str(items)[:60])
    return items


def _path(obj: dict[str, Any], keys: tuple[str, ...], where: str, name: str) -> str | None:
    for k in keys:
        obj = obj.get(k) if isinstance(obj, dict) else None
        if obj is None:
            return None
    if not isinstance(obj, str):
        raise InputError("expected an id string", source=name,
                         field=f"{where}.{'.'.join(keys)}", value=str(obj)[:60])
    return obj


def _cohort(name: str) -> str:
    parts = Path(name).parts
    if "phenopackets" in parts:
        i = parts.index("phenopackets")
        if i + 1 < len(parts) - 1:
            return parts[i + 1]
    return Path(name).parent.name


def _case(name: str, raw: bytes) -> CorpusCase:
    """One member, parsed as ``osteodx diagnose`` parses a file (the same checks and
    messages: not UTF-8, syntax with its line, a repeated key, several documents)."""
    from osteodx.case.documents import load_document

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("not a text file (UTF-8 expected)", source=name) from None
    doc = load_document(text, name, as_yaml=name.lower().endswith((".yaml", ".yml")))
    if not isinstance(doc, dict):
        raise InputError("expected one phenopacket object", source=name)
    gold = gold_diagnoses(doc, name)
    clean = {k: v for k, v in doc.items() if k not in LEAKY_KEYS}
    return CorpusCase(name, clean, gold, _cohort(name))


#: the files of a corpus folder or archive that are phenopackets
CORPUS_SUFFIXES = (".json", ".yaml", ".yml")


def iter_corpus(path: str | Path, errors: list[str] | None = None) -> Iterator[CorpusCase]:
    """Yield every phenopacket (``.json``, ``.yaml``, ``.yml``) of a folder (recursively) or
    ``.tar.gz``, sorted by name.

    A member that cannot be read or parsed raises :class:`InputError`, or, when *errors*
    is given, is recorded there (one line naming it) and skipped, so that one bad case
    does not end a benchmark. A damaged archive always raises, naming the archive.
    """
    p = Path(path)
    if p.is_dir():
        from osteodx.case.inputs import walk_files

        found = sorted((f, ok) for f, ok in walk_files(p)
                       if not ok or f.suffix.lower() in CORPUS_SUFFIXES)
        for f, ok in found:  # an unreadable folder, link or file: an error naming it
            yield from _guarded(str(f), f.read_bytes if ok else _unreadable(f), errors)
        return
    if p.is_file() and p.name.endswith((".tar.gz", ".tgz", ".tar")):
        try:
            with tarfile.open(p) as tar:
                members = sorted((m for m in tar.getmembers() if m.isfile()
                                  and m.name.lower().endswith(CORPUS_SUFFIXES)),
                                 key=lambda m: m.name)
                for m in members:
                    fh = tar.extractfile(m)
                    if fh is not None:
                        yield from _guarded(m.name, fh.read, errors)
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            why = (str(exc).splitlines() or [type(exc).__name__])[0].rstrip(":")
            raise InputError(f"not a readable tar archive ({why})", source=str(p)) from None
        return
    if not p.exists():
        raise InputError("no such file or folder", source=str(p))
    raise InputError("corpus must be a folder or a .tar.gz of phenopackets", source=str(p))


def _unreadable(path: Path) -> Callable[[], bytes]:
    def fail() -> bytes:
        raise OSError("permission denied, a dangling link or not a regular file; its "
                      "cases were not read")
    return fail


def _guarded(name: str, read: Callable[[], bytes], errors: list[str] | None
             ) -> Iterator[CorpusCase]:
    try:
        try:
            raw = read()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", source=name) from None
        got = _case(name, raw)
    except InputError as exc:
        if errors is None:
            raise
        errors.append(str(exc))
        return
    yield got


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
            case = case_from_phenopacket(cc.document, kb.ontology, cc.name, strict=False,
                                         check_labels=False)
        except InputError:
            continue
        if case.findings:
            yield case, kb.disease_index.get(cc.gold[0]), cc.cohort

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
    from osteodx.case.phenopacket import validated_phenopacket

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("not a text file (UTF-8 expected)", source=name) from None
    doc = load_document(text, name, as_yaml=name.lower().endswith((".yaml", ".yml")))
    if not isinstance(doc, dict):
        raise InputError("expected one phenopacket object", source=name)
    gold = gold_diagnoses(doc, name)
    clean = {k: v for k, v in doc.items() if k not in LEAKY_KEYS}
    # checked and normalised as `osteodx diagnose` reads a file: a malformed case fails
    # alone, and no wrongly typed field ("excluded": "false") is read differently here
    return CorpusCase(name, validated_phenopacket(clean, name), gold, _cohort(name))


#: the files of a corpus folder or archive that are phenopackets
CORPUS_SUFFIXES = (".json", ".yaml", ".yml")


def iter_corpus(path: str | Path, errors: list[str] | None = None, *,
                workers: int = 0) -> Iterator[CorpusCase]:
    """Yield every phenopacket (``.json``, ``.yaml``, ``.yml``) of a folder (recursively) or
    ``.tar.gz``, sorted by name.

    A member that cannot be read or parsed raises :class:`InputError`, or, when *errors*
    is given, is recorded there (one line naming it) and skipped, so that one bad case
    does not end a benchmark. A damaged archive always raises, naming the archive.

    Each member is checked against the schema as ``osteodx diagnose`` checks a file,
    which costs about as much as ranking it; ``workers`` > 0 checks members in that many
    forked processes while the caller works on the ones already read (same cases, same
    order).
    """
    members = _members(Path(path))
    if workers > 0 and _can_fork():
        yield from _parallel(members, errors, workers)
        return
    for name, raw in members:
        yield from _guarded(name, raw, errors)


def _members(p: Path) -> Iterator[tuple[str, bytes | OSError]]:
    """(name, bytes or the error reading them) for every corpus member, in name order."""
    if p.is_dir():
        from osteodx.case.inputs import walk_files

        found = sorted((f, ok) for f, ok in walk_files(p)
                       if not ok or f.suffix.lower() in CORPUS_SUFFIXES)
        for f, ok in found:  # an unreadable folder, link or file: an error naming it
            yield str(f), _read(f.read_bytes if ok else _unreadable(f))
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
                        yield m.name, _read(fh.read)
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            why = (str(exc).splitlines() or [type(exc).__name__])[0].rstrip(":")
            raise InputError(f"not a readable tar archive ({why})", source=str(p)) from None
        return
    if not p.exists():
        raise InputError("no such file or folder", source=str(p))
    raise InputError("corpus must be a folder or a .tar.gz of phenopackets", source=str(p))


def _read(read: Callable[[], bytes]) -> bytes | OSError:
    try:
        return read()
    except OSError as exc:
        return exc


def _unreadable(path: Path) -> Callable[[], bytes]:
    def fail() -> bytes:
        raise OSError("permission denied, a dangling link or not a regular file; its "
                      "cases were not read")
    return fail


def _parsed(name: str, raw: bytes | OSError) -> CorpusCase:
    if isinstance(raw, OSError):
        raise InputError(f"cannot read: {raw.strerror or raw}", source=name)
    return _case(name, raw)


def _guarded(name: str, raw: bytes | OSError, errors: list[str] | None
             ) -> Iterator[CorpusCase]:
    try:
        got = _parsed(name, raw)
    except InputError as exc:
        if errors is None:
            raise
        errors.append(str(exc))
        return
    yield got


#: members a worker checks per batch; three batches are in memory at most
_BATCH = 256


def _parse_one(member: tuple[str, bytes | OSError]) -> CorpusCase | InputError:
    try:
        return _parsed(*member)
    except InputError as exc:
        return exc


def _parallel(members: Iterator[tuple[str, bytes | OSError]], errors: list[str] | None,
              workers: int) -> Iterator[CorpusCase]:
    """Batch *k* + 1 is checked by the workers while the caller takes batch *k*."""
    import multiprocessing

    def emit(done: list[CorpusCase | InputError]) -> Iterator[CorpusCase]:
        for got in done:
            if isinstance(got, InputError):
                if errors is None:
                    raise got
                errors.append(str(got))
            else:
                yield got

    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    except (OSError, NotImplementedError, ImportError):  # no semaphores here (a sandbox)
        for name, raw in members:
            yield from _guarded(name, raw, errors)
        return
    with pool:
        pending = None
        batch: list[tuple[str, bytes | OSError]] = []
        for member in members:
            batch.append(member)
            if len(batch) == _BATCH:
                job = pool.map_async(_parse_one, batch, chunksize=16)
                if pending is not None:
                    yield from emit(pending.get())
                pending, batch = job, []
        if pending is not None:
            yield from emit(pending.get())
        yield from emit(pool.map(_parse_one, batch, chunksize=16) if batch else [])


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


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

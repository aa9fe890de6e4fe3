"""Rank the cases of a batch, in this process or in worker processes (``--jobs``).

Each case is read, ranked and turned into its report dict by :func:`rank_one`, which
never raises for a bad case: it returns the one-line error instead, so that a batch goes
on. With several jobs the cases are shared out to worker processes that hold the
knowledge base (inherited on fork, loaded once per worker elsewhere) and come back in
input order: the output is the same, byte for byte, whatever the number of jobs. What
needs the whole batch (a case id seen before, the JSON array's commas) stays with the
caller.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from osteodx.errors import OsteodxError

if TYPE_CHECKING:
    from osteodx.case.stream import StreamDocument
    from osteodx.engine.differential import Differential
    from osteodx.engine.params import ModelParameters
    from osteodx.kb.knowledge_base import KnowledgeBase

__all__ = ["BatchSettings", "Outcome", "rank_all", "rank_one", "usable_cpus"]

#: cases handed to a worker at a time: large enough to keep the pipe quiet, small enough
#: that the progress bar moves and the first lines come out early
CHUNK = 8

Job = tuple[str, "StreamDocument | str | None"]


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """What every case of a batch is ranked with (the knowledge base aside)."""

    namespace: str
    top: int
    params: ModelParameters
    lenient: bool
    keep_differential: bool  # the table format prints from the Differential itself
    hpo_dir: str | None = None
    supplement: str | None = None


@dataclass(slots=True)
class Outcome:
    """One case's result: its report (or, for the table, its Differential), its source,
    how many warnings came from reading it (a batch-level warning goes after them), or
    the one-line error that failed it (what follows ``osteodx: error:``)."""

    name: str
    report: dict[str, Any] | None = None
    differential: Differential | None = None
    source: str = ""
    read_warnings: int = 0
    error: str | None = None
    #: how many cases the error fails (more than one when a worker process died)
    lost: int = 1


def rank_one(kb: KnowledgeBase, settings: BatchSettings, job: Job) -> Outcome:
    """Read, rank and report one case; a bad case gives its error, never an exception
    (``OSTEODX_DEBUG=1`` lets an internal error raise, with its traceback)."""
    from osteodx.api import diagnose, read_any, read_document
    from osteodx.case.stream import StreamDocument
    from osteodx.cli.application import one_line
    from osteodx.report import to_dict

    name, content = job
    try:
        if isinstance(content, StreamDocument):
            case = read_document(content, kb, strict=not settings.lenient)
        else:
            case = read_any(name, kb, text=content, strict=not settings.lenient)
        read_warnings = len(case.warnings)
        diff = diagnose(case, kb, namespace=settings.namespace, top=settings.top,
                        params=settings.params)
        keep = settings.keep_differential
        return Outcome(name, None if keep else to_dict(diff), diff if keep else None,
                       case.source, read_warnings)
    except OsteodxError as exc:  # its message names the input
        return Outcome(name, error=one_line(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch
        if os.environ.get("OSTEODX_DEBUG"):
            raise
        return Outcome(name, error=f"{name}: internal error ({type(exc).__name__}: "
                                   f"{one_line(exc)}); please report it with the input "
                                   "(OSTEODX_DEBUG=1 shows the traceback)")


def usable_cpus() -> int:
    """The CPUs this process may run on (``--jobs 0``): a container or ``taskset`` may
    allow fewer than the machine has."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def rank_all(kb: KnowledgeBase, settings: BatchSettings, jobs: Sequence[Job],
             workers: int, notice: Callable[[str], None] | None = None) -> Iterator[Outcome]:
    """Every case's :class:`Outcome`, in input order, ranked by *workers* processes.

    Where worker processes cannot be started (no shared memory, a sandbox), the batch
    runs in this process and *notice* is told why. A worker that dies (killed, out of
    memory) raises :class:`~concurrent.futures.process.BrokenProcessPool` from the
    iteration, after the cases already yielded.
    """
    workers = min(workers, len(jobs))
    if workers > 1 and not settings.keep_differential:
        try:
            yield from _pooled(kb, settings, jobs, workers)
            return
        except _CannotStart as exc:
            if notice is not None:
                notice(f"--jobs {workers}: worker processes cannot be started here "
                       f"({exc}); ranking in this process")
    for job in jobs:
        yield rank_one(kb, settings, job)


class _CannotStart(Exception):
    """Worker processes could not be started: the batch runs in this process instead."""


def _pooled(kb: KnowledgeBase, settings: BatchSettings, jobs: Sequence[Job],
            workers: int) -> Iterator[Outcome]:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:  # the workers share the loaded knowledge base's pages
        context = multiprocessing.get_context("fork")
        initargs: tuple = (kb, settings)
    else:  # each worker loads the knowledge base from the cache once
        context = multiprocessing.get_context("spawn")
        initargs = (None, settings)
    # a worker that dies (killed, out of memory) raises BrokenProcessPool here instead of
    # leaving the batch waiting for ever
    try:
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                   initargs=initargs)
        results = pool.map(_rank_in_worker, jobs, chunksize=CHUNK)  # starts the workers
    except (OSError, NotImplementedError, ImportError) as exc:
        raise _CannotStart(f"{type(exc).__name__}: {exc}") from None
    try:
        yield from results
    finally:  # the reader went away (`| head`): the cases not yet started are dropped
        pool.shutdown(wait=True, cancel_futures=True)


_WORKER: dict[str, Any] = {}


def _start_worker(kb: KnowledgeBase | None, settings: BatchSettings) -> None:
    # a worker outlives a main process killed outright (SIGTERM, SIGKILL, a closed
    # terminal): nothing tells the pool's workers, which would wait for work for ever,
    # each holding a knowledge base
    threading.Thread(target=_orphan_watch, args=(os.getppid(),), daemon=True,
                     name="osteodx-orphan-watch").start()
    if kb is None:
        import logging

        from osteodx.kb.load import load_knowledge_base

        # what loading says about the data (a missing file, dropped annotations) the main
        # process has said once already: not again by every worker, between the cases
        logging.getLogger("osteodx.kb").setLevel(logging.ERROR)
        kb = load_knowledge_base(settings.hpo_dir, supplement=settings.supplement)
    _WORKER["kb"], _WORKER["settings"] = kb, settings


def _orphan_watch(parent: int, interval: float = 1.0) -> None:
    """End this worker once its parent process is gone (it is then another's child)."""
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)


def _rank_in_worker(job: Job) -> Outcome:
    return rank_one(_WORKER["kb"], _WORKER["settings"], job)

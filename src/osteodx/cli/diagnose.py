"""``osteodx diagnose``: rank every annotated disease for each case."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from osteodx.cli.application import (
    Format,
    HpoDir,
    Namespace,
    Prior,
    PriorOption,
    SupplementOption,
    app,
    err,
    fail,
    model_parameters,
    report_error,
    supplement_value,
)
from osteodx.errors import InputError, OsteodxError

if TYPE_CHECKING:
    from collections.abc import Generator, Iterator

    from osteodx.case.stream import StreamDocument
    from osteodx.cli.batch import Outcome


@app.command()
def diagnose(
    inputs: Annotated[list[str] | None, typer.Argument(
        metavar="INPUT...",
        help="phenopackets (.json/.yaml), case reports (.txt/.md), folders, or -")] = None,
    text: Annotated[str | None, typer.Option("--text", help="a case report given inline")] = None,
    top: Annotated[int, typer.Option(min=1, help="candidates to show")] = 10,
    fmt: Annotated[Format | None, typer.Option("--format", "-f",
                                                help="default: table for one case, "
                                                     "jsonl for several")] = None,
    namespace: Annotated[Namespace, typer.Option(help="which diseases to rank")] = Namespace.all,
    hpo_dir: HpoDir = None,
    lenient: Annotated[bool, typer.Option(help="skip unknown HPO ids with a warning "
                                               "instead of failing the case")] = False,
    prior: PriorOption = Prior.prevalence,
    supplement: SupplementOption = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="processes ranking a batch at once (0: one per CPU; "
                                    "the table format uses one); the output is the same "
                                    "whatever the number")] = 1,
) -> None:
    """Rank every annotated disease for each case."""
    from osteodx.case.inputs import expand_inputs
    from osteodx.cli.batch import BatchSettings, rank_all, usable_cpus
    from osteodx.kb.load import load_knowledge_base

    if not inputs and text is None:
        raise fail(ValueError("give INPUT files or --text"), 2)
    bad_inputs: list[InputError] = []  # missing paths, empty folders: failed cases
    try:
        paths = list(expand_inputs(inputs or [], notice=lambda m: err.print(
            f"warning: {m}", markup=False, style="yellow"), on_error=bad_inputs.append))
        if text is not None:
            paths.append("--text")
        if bad_inputs and not paths:  # nothing to rank: say so before loading anything
            for exc in bad_inputs[:-1]:
                report_error(exc)
            raise bad_inputs[-1]
        cases = _cases(paths, text)
        kb = load_knowledge_base(hpo_dir, supplement=supplement_value(supplement))
    except OsteodxError as exc:
        raise fail(exc) from None
    for exc in bad_inputs:  # the others still run; the exit code says some failed
        report_error(exc)
    fmt = fmt or (Format.table if len(cases) == 1 else Format.jsonl)
    if fmt == Format.html and len(cases) > 1:
        raise fail(ValueError(f"--format html renders one case per page and {len(cases)} "
                               "cases were given: give one, or use jsonl or markdown"), 2)
    settings = BatchSettings(namespace.value, top, model_parameters(prior), lenient,
                             keep_differential=fmt == Format.table,
                             hpo_dir=str(hpo_dir) if hpo_dir else None,
                             supplement=supplement_value(supplement))
    outcomes = rank_all(kb, settings, cases, jobs or usable_cpus(),
                        notice=lambda m: err.print(f"warning: {m}", markup=False,
                                                   style="yellow"))
    failed = _write_all(outcomes, fmt, len(cases)) + len(bad_inputs)
    if failed:
        err.print(f"osteodx: {failed} of {len(cases) + len(bad_inputs)} case(s) failed")
        raise typer.Exit(1)


def _write_all(outcomes: Generator[Outcome, None, None], fmt: Format, n: int) -> int:
    """Write each case as it comes, in input order; the number of cases that failed."""
    from osteodx.report import print_table

    out = Console(soft_wrap=True) if fmt == Format.table else None
    as_array = fmt == Format.json and n > 1  # several objects: one JSON array
    failed = written = 0
    seen_ids: dict[str, str] = {}
    progress = None
    # a bar only where it helps: on a terminal, and not on the terminal the cases print to
    if n > 1 and err.is_terminal and not sys.stdout.isatty():
        from rich.progress import Progress

        # the bar on stderr; stdout stays the cases' own stream even on a terminal
        progress = Progress(console=err, transient=True, redirect_stdout=False,
                            redirect_stderr=False)
        progress.start()
        task = progress.add_task("cases", total=n)
    if as_array:
        sys.stdout.write("[")
    try:
        for got in _until_broken(outcomes, n):
            try:
                if got.error is not None:
                    failed += got.lost
                    err.print(f"osteodx: error: {got.error}", markup=False, style="red")
                    continue
                warnings = got.differential.warnings if got.differential is not None \
                    else got.report["warnings"]
                case_id = got.differential.case.case_id if got.differential is not None \
                    else got.report["case_id"]
                if case_id in seen_ids:  # two outputs one name: say which inputs
                    warnings.insert(got.read_warnings, f"case id {case_id!r} is also the id "
                                                       f"of {seen_ids[case_id]}")
                seen_ids.setdefault(case_id, got.name)
                if got.differential is not None:
                    print_table(got.differential, out)  # type: ignore[arg-type]
                else:
                    for w in warnings:
                        err.print(f"warning: {got.source}: {w}", markup=False,
                                  style="yellow")
                    page = _render(got.report, fmt)
                    sys.stdout.write(("," if written else "") + "\n" + page.rstrip("\n")
                                     if as_array else page)
                written += 1
            except BrokenPipeError:  # the reader went away (`| head`): stop, quietly
                _silence_stdout()
                raise typer.Exit(0) from None
            finally:
                if progress:
                    progress.advance(task)
    finally:
        outcomes.close()  # a batch stopped early leaves no worker running
        if progress:
            progress.stop()
        if as_array:
            try:
                sys.stdout.write("\n]\n")
            except BrokenPipeError:
                _silence_stdout()
    return failed


def _until_broken(outcomes: Generator[Outcome, None, None], n: int) -> Iterator[Outcome]:
    """The outcomes, and when a worker process dies, one outcome that fails the cases
    not yet ranked, saying what happened (not an osteodx bug in some input)."""
    from concurrent.futures.process import BrokenProcessPool

    from osteodx.cli.batch import Outcome

    done = 0
    try:
        for got in outcomes:
            done += 1
            yield got
    except BrokenProcessPool:
        lost = n - done
        yield Outcome("batch", error=f"a worker process ended unexpectedly (killed, or out of "
                                     f"memory?): the last {lost} case(s) were not ranked; "
                                     "run them again, with fewer --jobs", lost=lost)


def _cases(paths: list[str], text: str | None) -> list[tuple[str, StreamDocument | str | None]]:
    """(name, what to read) for each case: a file (None), ``--text``'s report, or each
    document of stdin or of a JSON-lines file (a
    :class:`~osteodx.case.stream.StreamDocument`), so that ``osteodx extract a.txt b.txt |
    osteodx diagnose -`` ranks both, one case each. A JSON-lines file that cannot be read
    is kept as a file, to fail as a case of its own while the others run."""
    from osteodx.case.inputs import read_stdin
    from osteodx.case.stream import file_documents, is_stream_file, split_stream

    jobs: list[tuple[str, StreamDocument | str | None]] = []
    for path in paths:
        if path == "-":
            jobs += [(doc.name, doc) for doc in split_stream(read_stdin())]
        elif is_stream_file(path):
            try:
                jobs += [(doc.name, doc) for doc in file_documents(path)]
            except InputError:
                jobs.append((path, None))
        else:
            jobs.append(("text", text) if path == "--text" else (path, None))
    return jobs


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush to a closed pipe is silent."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _render(report: dict, fmt: Format) -> str:
    """One case's report dict in a text format (the table prints itself)."""
    from osteodx.report import report_json, to_html, to_markdown_report

    if fmt == Format.json:
        return report_json(report) + "\n"
    if fmt == Format.jsonl:
        return report_json(report, indent=None) + "\n"
    if fmt == Format.html:
        return to_html(report)
    return to_markdown_report(report)

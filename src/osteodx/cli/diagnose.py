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
    report_internal,
    supplement_value,
)
from osteodx.errors import InputError, OsteodxError

if TYPE_CHECKING:
    from osteodx.case.stream import StreamDocument


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
) -> None:
    """Rank every annotated disease for each case."""
    from osteodx.api import diagnose as run
    from osteodx.api import read_any, read_document
    from osteodx.case.inputs import expand_inputs
    from osteodx.case.stream import StreamDocument
    from osteodx.kb.load import load_knowledge_base
    from osteodx.report import print_table, to_dict, to_html, to_json, to_markdown

    if not inputs and text is None:
        raise fail(ValueError("give INPUT files or --text"), 2)
    try:
        paths = list(expand_inputs(inputs or [], notice=lambda m: err.print(
            f"warning: {m}", markup=False, style="yellow")))
        if text is not None:
            paths.append("--text")
        jobs = _cases(paths, text)
        kb = load_knowledge_base(hpo_dir, supplement=supplement_value(supplement))
    except OsteodxError as exc:
        raise fail(exc) from None
    params = model_parameters(prior)  # one set for the batch: its memos serve every case
    fmt = fmt or (Format.table if len(jobs) == 1 else Format.jsonl)
    if fmt == Format.html and len(jobs) > 1:
        raise fail(ValueError(f"--format html renders one case per page and {len(jobs)} "
                               "cases were given: give one, or use jsonl or markdown"), 2)
    out = Console(soft_wrap=True) if fmt == Format.table else None
    as_array = fmt == Format.json and len(jobs) > 1  # several objects: one JSON array
    failed = 0
    written = 0
    seen_ids: dict[str, str] = {}
    progress = None
    # a bar only where it helps: on a terminal, and not on the terminal the cases print to
    if len(jobs) > 1 and err.is_terminal and not sys.stdout.isatty():
        from rich.progress import Progress

        # the bar on stderr; stdout stays the cases' own stream even on a terminal
        progress = Progress(console=err, transient=True, redirect_stdout=False,
                            redirect_stderr=False)
        progress.start()
        task = progress.add_task("cases", total=len(jobs))
    if as_array:
        sys.stdout.write("[")
    try:
        for name, content in jobs:
            try:
                if isinstance(content, StreamDocument):
                    case = read_document(content, kb, strict=not lenient)
                else:
                    case = read_any(name, kb, text=content, strict=not lenient)
                if case.case_id in seen_ids:  # two outputs one name: say which inputs
                    case.warnings.append(f"case id {case.case_id!r} is also the id of "
                                         f"{seen_ids[case.case_id]}")
                seen_ids.setdefault(case.case_id, name)
                diff = run(case, kb, namespace=namespace.value, top=top,
                           params=params)
                page = None if fmt == Format.table else _render(diff, fmt, to_dict, to_html,
                                                                 to_json, to_markdown)
                for w in diff.warnings:
                    if fmt != Format.table:
                        err.print(f"warning: {case.source}: {w}", markup=False,
                                  style="yellow")
                if page is None:
                    print_table(diff, out)  # type: ignore[arg-type]
                else:
                    sys.stdout.write(("," if written else "") + "\n" + page.rstrip("\n")
                                     if as_array else page)
                written += 1
            except OsteodxError as exc:
                failed += 1
                report_error(exc)
            except BrokenPipeError:  # the reader went away (`| head`): stop, quietly
                _silence_stdout()
                raise typer.Exit(0) from None
            except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch
                failed += 1
                report_internal(str(name), exc)
            finally:
                if progress:
                    progress.advance(task)
    finally:
        if progress:
            progress.stop()
        if as_array:
            try:
                sys.stdout.write("\n]\n")
            except BrokenPipeError:
                _silence_stdout()
    if failed:
        err.print(f"osteodx: {failed} of {len(jobs)} case(s) failed")
        raise typer.Exit(1)


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


def _render(diff, fmt: Format, to_dict, to_html, to_json, to_markdown) -> str:
    """One case in a text format (the table prints itself)."""
    if fmt == Format.json:
        return to_json(diff) + "\n"
    if fmt == Format.jsonl:
        return to_json(diff, indent=None) + "\n"
    if fmt == Format.html:
        return to_html(to_dict(diff))
    return to_markdown(diff)

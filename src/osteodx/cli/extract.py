"""``osteodx extract``: case reports into phenopackets."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from osteodx.cli.application import (
    HpoDir,
    SupplementOption,
    app,
    err,
    fail,
    report_error,
    report_internal,
    supplement_value,
)
from osteodx.errors import InputError, OsteodxError


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
        raise fail(ValueError("give INPUT files or --text"), 2)
    items = list(inputs or []) + (["--text"] if text is not None else [])
    fmt = fmt or (ExtractFormat.json if len(items) == 1 else ExtractFormat.jsonl)
    try:
        kb = load_knowledge_base(hpo_dir, supplement=supplement_value(supplement))
    except OsteodxError as exc:
        raise fail(exc) from None
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
            report_error(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch
            failed += 1
            report_internal(str(item), exc)
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

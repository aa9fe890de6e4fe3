"""``osteodx benchmark``: rank a corpus against its gold diagnoses, or score concept
recognition on a GSC+ corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from osteodx.cli.application import (
    BenchNamespace,
    HpoDir,
    Prior,
    PriorOption,
    SupplementOption,
    app,
    err,
    fail,
    model_parameters,
    supplement_value,
)
from osteodx.errors import OsteodxError


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
        _concept_benchmark(corpus, hpo_dir, supplement_value(supplement))
        return
    from osteodx.bench.runner import run_benchmark
    from osteodx.kb.load import load_knowledge_base

    try:
        kb = load_knowledge_base(hpo_dir, supplement=supplement_value(supplement))
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("cases", total=limit)
            def tick(n: int) -> None:
                progress.update(task, completed=n)

            result = run_benchmark(corpus, kb, params=model_parameters(prior), baseline=baseline,
                                   namespace=namespace.value,
                                   limit=limit, every=every, progress=tick, excluded=excluded,
                                   readers=_readers())
    except OsteodxError as exc:
        raise fail(exc) from None
    for e in result.errors[:20]:
        err.print(f"skipped: {e}", markup=False, style="yellow")
    if len(result.errors) > 20:
        err.print(f"skipped: {len(result.errors) - 20} more (see --output)", style="yellow")
    if not result.cases:
        raise fail(OsteodxError(f"{corpus}: no case could be benchmarked "
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


def _readers() -> int:
    """Processes checking the corpus's phenopackets while this one ranks: one on two
    CPUs (checking a case costs a little less than ranking it), two on more; none (the
    ranking process reads too) on one CPU."""
    from osteodx.cli.batch import usable_cpus

    cpus = usable_cpus()
    return 0 if cpus < 2 else min(cpus - 1, 2)


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
        raise fail(exc) from None
    typer.echo(json.dumps({"corpus": str(corpus), "hpo_version": kb.hpo_version,
                           **scores.to_dict()}, indent=2))

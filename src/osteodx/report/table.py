"""A rich table of a Differential for the terminal, with the work-up in brief."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from osteodx.engine.differential import Differential
from osteodx.report.json_report import DISCLAIMER

__all__ = ["print_table"]


def _pct(p: float) -> str:
    return f"{p:.1%}" if p >= 0.001 else "<0.1%"


def print_table(diff: Differential, console: Console) -> None:
    case = diff.case
    w = diff.workup
    age = f"{case.age_years:g} y" if case.age_years is not None else "age unknown"
    sex = {"UNKNOWN_SEX": "sex unknown", "OTHER_SEX": "other sex"}.get(case.sex,
                                                                     case.sex.lower())
    console.print(f"[bold]{escape(case.case_id)}[/bold]  {sex}, {age}  "
                  f"{len(case.observed)} observed, {len(case.excluded)} excluded findings  "
                  f"HPO {diff.hpo_version}, {diff.n_candidates} candidates ({diff.namespace})")
    for msg in diff.warnings:
        console.print(f"warning: {msg}", style="yellow", markup=False)
    labs = [lab for lab in w.get("labs", []) if lab.get("interpretation") in ("L", "H", "A")]
    if labs:
        console.print("[bold]Abnormal labs:[/bold] "
                      + "; ".join(escape(lab["text"]) for lab in labs),
                      markup=True, highlight=False)
    if w.get("skeleton", {}).get("pattern"):
        console.print(f"[bold]Skeleton:[/bold] {escape(w['skeleton']['pattern'])}", highlight=False)
    table = Table(title="Differential", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("disease", overflow="fold", min_width=11)
    table.add_column("label")
    table.add_column("score", justify="right")
    table.add_column("post-test p", justify="right")
    table.add_column("for / against")
    for e in diff.entries:
        pro = ", ".join(f"{escape(c.label)} {c.log10_lr:+.1f}" for c in e.supporting[:3])
        con = ", ".join(f"{escape(c.label)} {c.log10_lr:+.1f}" for c in e.contradicting[:2])
        table.add_row(str(e.rank), escape(e.disease_id), escape(e.label), f"{e.score:.2f}",
                      _pct(e.post_test_probability),
                      f"[green]{pro}[/green]" + (f"\n[red]{con}[/red]" if con else ""))
    console.print(table)
    for pd in w.get("pattern_differentials", [])[:1]:
        t = Table(title=f"Pattern differential: {escape(pd['pattern']['label'])}")
        t.add_column("rank", justify="right")
        t.add_column("condition")
        t.add_column("p", justify="right")
        t.add_column("reasons")
        for c in pd["candidates"][:12]:
            t.add_row(str(c["rank"]), escape(c["label"]), _pct(c["post_test_probability"]),
                      escape(c["summary"]))
        console.print(t)
    for inc in w.get("incidental_findings", []):
        console.print(f"[bold]Incidental:[/bold] {escape(inc['label'])} — "
                      f"{escape(inc['text'])}. Next step: {escape(inc['next_step'])}",
                      highlight=False)
    tests = w.get("next_tests", [])
    if tests:
        console.print("[bold]Next tests[/bold] (expected information gain, bits): " + "; ".join(
            f"{escape(t['test'])} {t['expected_information_gain']:.2f}" for t in tests[:6]),
            highlight=False)
    console.print(f"[dim]{DISCLAIMER}[/dim]")

"""A rich table of a Differential for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from osteodx.engine.differential import Differential
from osteodx.report.json_report import DISCLAIMER

__all__ = ["print_table"]


def print_table(diff: Differential, console: Console) -> None:
    case = diff.case
    age = f"{case.age_years:g} y" if case.age_years is not None else "age unknown"
    console.print(f"[bold]{case.case_id}[/bold]  {case.sex.lower()}, {age}  "
                  f"{len(case.observed)} observed, {len(case.excluded)} excluded findings  "
                  f"HPO {diff.hpo_version}, {diff.n_candidates} candidates ({diff.namespace})")
    for w in diff.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
    table = Table(show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("disease")
    table.add_column("label")
    table.add_column("log10 LR", justify="right")
    table.add_column("post-test p", justify="right")
    table.add_column("for / against")
    for e in diff.entries:
        pro = ", ".join(f"{c.label} {c.log10_lr:+.1f}" for c in e.supporting[:3])
        con = ", ".join(f"{c.label} {c.log10_lr:+.1f}" for c in e.contradicting[:2])
        table.add_row(str(e.rank), e.disease_id, e.label, f"{e.score:.2f}",
                      f"{e.post_test_probability:.3g}",
                      f"[green]{pro}[/green]" + (f"\n[red]{con}[/red]" if con else ""))
    console.print(table)
    console.print(f"[dim]{DISCLAIMER}[/dim]")

"""Markdown rendering of a Differential."""

from __future__ import annotations

from osteodx.engine.differential import Contribution, Differential
from osteodx.report.json_report import DISCLAIMER

__all__ = ["to_markdown"]


def _fmt(c: Contribution) -> str:
    target = f" ~ {c.disease_term_label} ({c.disease_frequency})" if c.disease_term else ""
    status = "not " if c.status == "excluded" else ""
    return f"{status}{c.label} `{c.hpo_id}` {c.log10_lr:+.2f} [{c.match}{target}]"


def to_markdown(diff: Differential) -> str:
    case = diff.case
    lines = [f"# osteodx differential: {case.case_id}", ""]
    age = f"{case.age_years:g} y" if case.age_years is not None else "age unknown"
    lines += [f"*Subject*: {case.sex.lower().replace('_', ' ')}, {age}. "
              f"*HPO release*: {diff.hpo_version}. *Candidates*: {diff.n_candidates} "
              f"({diff.namespace}).", ""]
    lines += ["## Findings", "", "| status | HPO | label | source |", "|---|---|---|---|"]
    for f in case.findings:
        lines.append(f"| {f.status} | {f.hpo_id} | {f.label} | {f.source} |")
    if diff.warnings:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in diff.warnings]
    lines += ["", "## Differential", "",
              "| rank | disease | label | log10 LR | post-test p |", "|---|---|---|---|---|"]
    for e in diff.entries:
        lines.append(f"| {e.rank} | {e.disease_id} | {e.label} | {e.score:.2f} | "
                     f"{e.post_test_probability:.3g} |")
    lines += ["", "## Evidence per candidate", ""]
    for e in diff.entries:
        lines.append(f"### {e.rank}. {e.label} ({e.disease_id})")
        lines.append("")
        for c in e.supporting:
            lines.append(f"- for: {_fmt(c)}")
        for c in e.contradicting:
            lines.append(f"- against: {_fmt(c)}")
        lines.append("")
    lines += ["---", f"_{DISCLAIMER}_", ""]
    return "\n".join(lines)

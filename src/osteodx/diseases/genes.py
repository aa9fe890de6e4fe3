"""Disease genes from the release's ``genes_to_phenotype.txt`` (used to judge gene panels)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from osteodx.datafiles import FileReport, read_lines
from osteodx.errors import KnowledgeBaseError

__all__ = ["read_disease_genes"]


def read_disease_genes(path: Path, report: FileReport | None = None) -> dict[str, list[str]]:
    """Disease id -> sorted gene symbols associated with it.

    A row too short to hold both the gene and the disease is skipped and counted in
    *report*: a gene silently missing would make a gene panel look negative.
    """
    report = report if report is not None else FileReport(path)
    where = [0]

    def numbered() -> Iterator[str]:
        for lineno, line in read_lines(path, report):
            where[0] = lineno
            yield line

    genes: dict[str, set[str]] = {}
    reader = csv.reader(numbered(), delimiter="\t")
    header = next(reader, None)
    if not header or "gene_symbol" not in header or "disease_id" not in header:
        raise KnowledgeBaseError(f"{path}: line 1: not a genes_to_phenotype.txt file (no "
                                 "gene_symbol and disease_id columns)")
    gi, di = header.index("gene_symbol"), header.index("disease_id")
    report.why = "no gene_symbol or disease_id"
    for row in reader:
        if len(row) > max(gi, di) and row[gi] and row[di]:
            genes.setdefault(row[di], set()).add(row[gi])
        elif row:
            report.skip(where[0])
    return {d: sorted(g) for d, g in genes.items()}

"""Disease genes from the release's ``genes_to_phenotype.txt`` (used to judge gene panels)."""

from __future__ import annotations

import csv
from pathlib import Path

from osteodx.errors import KnowledgeBaseError

__all__ = ["read_disease_genes"]


def read_disease_genes(path: Path) -> dict[str, list[str]]:
    """Disease id -> sorted gene symbols associated with it."""
    genes: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = next(reader, None)
        if not header or "gene_symbol" not in header or "disease_id" not in header:
            raise KnowledgeBaseError(f"{path}: not a genes_to_phenotype.txt file")
        gi, di = header.index("gene_symbol"), header.index("disease_id")
        for row in reader:
            if len(row) > max(gi, di):
                genes.setdefault(row[di], set()).add(row[gi])
    return {d: sorted(g) for d, g in genes.items()}

"""genes_to_phenotype.txt: bad bytes name their line; short rows are counted, not dropped
silently."""

from __future__ import annotations

import pytest

from osteodx.datafiles import FileReport
from osteodx.diseases.genes import read_disease_genes
from osteodx.errors import KnowledgeBaseError

HEADER = b"ncbi_gene_id\tgene_symbol\thpo_id\thpo_name\tfrequency\tdisease_id\n"
ROW = b"10\tNAT2\tHP:0000007\tAutosomal recessive inheritance\t-\tOMIM:243400\n"


def test_genes_are_read(tmp_path):
    path = tmp_path / "genes_to_phenotype.txt"
    path.write_bytes(HEADER + ROW)
    assert read_disease_genes(path) == {"OMIM:243400": ["NAT2"]}


def test_short_rows_are_counted(tmp_path):
    path = tmp_path / "genes_to_phenotype.txt"
    path.write_bytes(HEADER + ROW + b"11\tFOO\n" + ROW + b"12\tBAR\tHP:1")
    report = FileReport(path)
    assert read_disease_genes(path, report) == {"OMIM:243400": ["NAT2"]}
    assert (report.skipped, report.first_skipped, report.unterminated) == (2, 3, 5)
    assert report.warnings()[0].startswith("2 rows with no gene_symbol or disease_id")


def test_binary_bytes_name_the_line(tmp_path):
    path = tmp_path / "genes_to_phenotype.txt"
    path.write_bytes(HEADER + ROW + b"\xfe\xff\n")
    with pytest.raises(KnowledgeBaseError, match=r"genes_to_phenotype.txt: line 3: not UTF-8"):
        read_disease_genes(path)


def test_not_a_genes_file(tmp_path):
    path = tmp_path / "genes_to_phenotype.txt"
    path.write_bytes(b"a\tb\n")
    with pytest.raises(KnowledgeBaseError, match="line 1: not a genes_to_phenotype.txt"):
        read_disease_genes(path)

from __future__ import annotations

import pytest

from osteodx.diseases.frequency import parse_frequency
from osteodx.diseases.sources import specs_from_hpoa
from osteodx.errors import KnowledgeBaseError


@pytest.mark.parametrize("text,value", [("HP:0040280", 1.0), ("HP:0040284", 0.025),
                                        ("1/4", 0.25), ("0/3", 0.0), ("50%", 0.5),
                                        ("12.5%", 0.125), ("", None)])
def test_frequencies(text, value):
    assert parse_frequency(text) == value


@pytest.mark.parametrize("bad", ["5/4", "1/0", "often", "150%"])
def test_bad_frequencies(bad):
    with pytest.raises(ValueError):
        parse_frequency(bad)


def test_toy_hpoa(toy_dir):
    specs = specs_from_hpoa(toy_dir / "phenotype.hpoa")
    spine = specs["OMIM:100001"]
    assert {a.hpo_id for a in spine.annotations if a.negated} == {"HP:0000014"}
    assert spine.inheritance == {"HP:0000006"}
    assert specs["OMIM:100002"].onsets == {"HP:0003581"}


def test_bad_hpoa_frequency_names_file_and_line(tmp_path, toy_dir):
    bad = tmp_path / "phenotype.hpoa"
    bad.write_text((toy_dir / "phenotype.hpoa").read_text() +
                   "OMIM:1\tX\t\tHP:0000021\tPMID:1\tPCS\t\tsometimes\t\t\tP\tHPO:t\n")
    with pytest.raises(KnowledgeBaseError, match=r"phenotype.hpoa: line \d+: not a frequency"):
        specs_from_hpoa(bad)


def _toy_with(tmp_path, toy_dir, tail: bytes):
    bad = tmp_path / "phenotype.hpoa"
    bad.write_bytes((toy_dir / "phenotype.hpoa").read_bytes() + tail)
    return bad


def test_binary_bytes_name_the_file_and_line(tmp_path, toy_dir):
    """Was an internal UnicodeDecodeError naming no file."""
    n = len((toy_dir / "phenotype.hpoa").read_bytes().splitlines())
    bad = _toy_with(tmp_path, toy_dir, b"\x00\x01\xff\n")
    with pytest.raises(KnowledgeBaseError, match=rf"phenotype.hpoa: line {n + 1}: not UTF-8"):
        specs_from_hpoa(bad)


def test_binary_header_names_the_file_and_line(tmp_path):
    from osteodx.diseases.hpoa import hpoa_version

    bad = tmp_path / "phenotype.hpoa"
    bad.write_bytes(b"#description: x\n#version: \xff\n")
    with pytest.raises(KnowledgeBaseError, match=r"phenotype.hpoa: line 2: not UTF-8"):
        hpoa_version(bad)


def test_junk_row_is_counted_with_its_line(tmp_path, toy_dir):
    """Was skipped silently."""
    from osteodx.datafiles import FileReport

    n = len((toy_dir / "phenotype.hpoa").read_bytes().splitlines())
    bad = _toy_with(tmp_path, toy_dir, b"OMIM:1\tfoo\n\nOMIM:2\tbar\n")
    report = FileReport(bad)
    specs = specs_from_hpoa(bad, report)
    assert "OMIM:1" not in specs
    assert (report.skipped, report.first_skipped) == (2, n + 1)  # the blank line is no row
    assert report.warnings() == [f"2 rows with fewer than 12 tab-separated fields, or a "
                                 "malformed disease id, HPO id, qualifier or aspect skipped "
                                 f"(first at line {n + 1})"]


@pytest.mark.parametrize("field, value", [(0, "NOTADB"), (2, "NOTQ"), (3, "HP:99"),
                                          (10, "Q")])
def test_a_row_with_a_malformed_field_is_counted(tmp_path, toy_dir, field, value):
    """A row with the right number of fields and a foreign value had become a candidate
    ("NOTADB" ranked 43rd)."""
    from osteodx.datafiles import FileReport

    good = ["OMIM:999995", "Junk", "", "HP:0000013", "PMID:1", "PCS", "", "", "", "",
            "P", "HPO:x[2025-01-01]"]
    row = list(good)
    row[field] = value
    bad = _toy_with(tmp_path, toy_dir, ("\t".join(row) + "\n").encode())
    report = FileReport(bad)
    specs = specs_from_hpoa(bad, report)
    assert report.skipped == 1 and "OMIM:999995" not in specs and "NOTADB" not in specs


def test_truncated_last_line_is_reported(tmp_path, toy_dir):
    """A file cut in its last field parses; the missing line end is the only sign."""
    from osteodx.datafiles import FileReport

    data = (toy_dir / "phenotype.hpoa").read_bytes().rstrip(b"\n")[:-3]
    bad = tmp_path / "phenotype.hpoa"
    bad.write_bytes(data)
    report = FileReport(bad)
    specs_from_hpoa(bad, report)
    n = len(data.splitlines())
    assert report.unterminated == n
    assert any(f"line {n}: the last line has no line end" in w for w in report.warnings())


def test_missing_column_is_named(tmp_path, toy_dir):
    text = (toy_dir / "phenotype.hpoa").read_text().replace("\tfrequency\t", "\tfreq\t")
    bad = tmp_path / "phenotype.hpoa"
    bad.write_text(text)
    with pytest.raises(KnowledgeBaseError, match=r"line 3: header lacks the column 'frequency'"):
        specs_from_hpoa(bad)


def test_frequency_error_names_the_file_line(tmp_path, toy_dir):
    """Line numbers count the file's lines, comment lines included."""
    n = len((toy_dir / "phenotype.hpoa").read_bytes().splitlines())
    bad = _toy_with(tmp_path, toy_dir,
                    b"OMIM:1\tX\t\tHP:0000021\tPMID:1\tPCS\t\tsometimes\t\t\tP\tHPO:t\n")
    with pytest.raises(KnowledgeBaseError, match=rf"line {n + 1}: not a frequency"):
        specs_from_hpoa(bad)

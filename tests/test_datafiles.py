"""Line-by-line reading of release files: bad bytes name their line, skipped rows are counted."""

from __future__ import annotations

import pytest

from osteodx.datafiles import FileReport, first_undecodable_line, read_lines
from osteodx.errors import KnowledgeBaseError


def test_bad_byte_names_file_line_and_byte(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes(b"one\ntwo\nth\xffree\n")
    with pytest.raises(KnowledgeBaseError, match=r"f\.txt: line 3: not UTF-8 text "
                                                  r"\(byte 0xff at column 3\)"):
        list(read_lines(path))
    err = first_undecodable_line(path)
    assert err is not None and "line 3" in str(err)


def test_clean_file_has_no_undecodable_line(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("é\nü\n", encoding="utf-8")
    assert first_undecodable_line(path) is None
    assert [n for n, _ in read_lines(path)] == [1, 2]


def test_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(KnowledgeBaseError, match=r"nope\.txt: cannot read"):
        list(read_lines(tmp_path / "nope.txt"))


@pytest.mark.parametrize("data,unterminated", [(b"a\nb\n", 0), (b"a\nb", 2), (b"", 0)])
def test_a_last_line_without_line_end_is_recorded(tmp_path, data, unterminated):
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    report = FileReport(path)
    list(read_lines(path, report))
    assert report.unterminated == unterminated
    assert bool(report.warnings()) == bool(unterminated)


def test_report_counts_skipped_rows_and_keeps_the_first_line(tmp_path):
    report = FileReport(tmp_path / "f.txt", why="too few fields")
    for line in (7, 9, 12):
        report.skip(line)
    assert report.warnings() == ["3 rows with too few fields skipped (first at line 7)"]

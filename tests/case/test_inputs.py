"""Folder expansion: which files a folder yields, and that nothing is skipped unsaid."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from osteodx.case import inputs
from osteodx.case.inputs import InputNotice, expand_inputs, read_stdin, read_text_file
from osteodx.case.sniff import looks_binary
from osteodx.errors import InputError


def _tree(root: Path, files: list[str]) -> Path:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}")
    return root


def _names(paths: list[str], root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


def test_a_folder_with_phenopackets_skips_its_reports_and_says_so_once(tmp_path):
    root = _tree(tmp_path / "cases", ["a.json", "README.md", "sub/b.yml", "sub/notes.txt",
                                      "c.YAML", "image.png"])
    said: list[str] = []
    got = _names(list(expand_inputs([str(root)], notice=said.append)), root)
    assert got == ["a.json", "c.YAML", "sub/b.yml"]
    assert len(said) == 1
    assert "2 .txt/.md file(s) not read" in said[0] and "README.md" in said[0]
    assert "sub/notes.txt" in said[0] and said[0].startswith(str(root))


def test_a_folder_of_reports_only_yields_them(tmp_path):
    root = _tree(tmp_path / "reports", ["one.txt", "two.md", "skip.csv"])
    said: list[str] = []
    assert _names(list(expand_inputs([str(root)], notice=said.append)), root) == [
        "one.txt", "two.md"]
    assert said == []


def test_the_default_notice_is_a_warning(tmp_path):
    root = _tree(tmp_path / "cases", ["a.json", "README.md"])
    with pytest.warns(InputNotice, match="README.md"):
        assert len(list(expand_inputs([str(root)]))) == 1


def test_a_named_file_is_read_whatever_its_suffix(tmp_path):
    path = tmp_path / "case.phenopacket"
    path.write_text("{}")
    assert list(expand_inputs([str(path), "-"])) == [str(path), "-"]


def _deny(monkeypatch, name: str) -> None:
    """Listing *name* fails as chmod 000 would (root is not stopped by chmod)."""
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)


def test_an_unreadable_subfolder_is_yielded_and_fails_by_name(tmp_path, monkeypatch):
    root = _tree(tmp_path / "mix", ["one.json", "sub/base.json"])
    _deny(monkeypatch, "sub")
    got = list(expand_inputs([str(root)]))
    assert _names(got, root) == ["one.json", "sub"]
    with pytest.raises(InputError, match="cannot list folder: permission denied") as info:
        read_text_file(got[1])
    assert str(root / "sub") in str(info.value)


def test_an_unreadable_folder_says_permission_denied(tmp_path, monkeypatch):
    root = _tree(tmp_path / "locked", ["a.json"])
    _deny(monkeypatch, "locked")
    assert list(expand_inputs([str(root)])) == [str(root)]
    with pytest.raises(InputError, match="permission denied"):
        read_text_file(root)


def test_empty_folder_and_missing_path_still_fail(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="folder holds no"):
        list(expand_inputs([str(tmp_path / "empty")]))
    with pytest.raises(InputError, match="no such file or folder"):
        list(expand_inputs([str(tmp_path / "nope")]))


def test_read_stdin_keeps_non_utf8_bytes_for_the_binary_check(monkeypatch):
    raw = "Größe ✓\n".encode() + bytes([0x80, 0xFF])
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdin", stream)
    text = read_stdin()
    assert text.startswith("Größe ✓\n") and looks_binary(text)


def test_byte_order_marks_opening_stdin_or_its_lines_are_dropped(monkeypatch):
    """JSON lines each written with a BOM, or files with BOMs joined by ``cat``."""
    stream = io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbf{"id": "a"}\n\xef\xbb\xbf{"id": "b"}\n'))
    monkeypatch.setattr(sys, "stdin", stream)
    assert read_stdin() == '{"id": "a"}\n{"id": "b"}\n'


def test_byte_order_marks_in_a_file_are_dropped(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a",\n\xef\xbb\xbf "x": 1}\n')
    assert read_text_file(path) == '{"id": "a",\n "x": 1}\n'


def test_with_on_error_a_missing_path_is_handed_over_and_the_rest_listed(tmp_path):
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "empty").mkdir()
    met: list[InputError] = []
    got = list(expand_inputs([str(tmp_path / "nope"), str(tmp_path / "empty"),
                              str(tmp_path / "a.json")], on_error=met.append))
    assert got == [str(tmp_path / "a.json")]
    assert [str(e) for e in met] == [f"{tmp_path / 'nope'}: no such file or folder",
                                     f"{tmp_path / 'empty'}: folder holds no .json, .yaml, "
                                     ".yml, .txt or .md files"]

"""hp.obo and hp.json that cannot be read: one line naming the file and the line."""

from __future__ import annotations

import pytest

from osteodx.errors import KnowledgeBaseError
from osteodx.ontology.obo import read_obo
from osteodx.ontology.obographs import read_obographs


def test_truncated_obo_names_the_line(tmp_path, toy_dir):
    text = (toy_dir / "hp.obo").read_text()
    cut = text[: text.index("is_a: HP:0000010") + 7]  # mid-clause
    path = tmp_path / "hp.obo"
    path.write_text(cut)
    with pytest.raises(KnowledgeBaseError) as info:
        read_obo(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: line {cut.count(chr(10)) + 1}: cannot read")
    assert "\n" not in msg and "<stdin>" not in msg


def test_binary_obo_names_the_line(tmp_path, toy_dir):
    """fastobo says only 'stream did not contain valid UTF-8'."""
    data = (toy_dir / "hp.obo").read_bytes()
    path = tmp_path / "hp.obo"
    path.write_bytes(data + b"\x00\x01\xff\n")
    with pytest.raises(KnowledgeBaseError,
                       match=rf"hp.obo: line {len(data.splitlines()) + 1}: not UTF-8"):
        read_obo(path)


def test_binary_obographs_names_the_line(tmp_path):
    path = tmp_path / "hp.json"
    path.write_bytes(b'{"graphs": [\n{"id": "\xff"}]}\n')
    with pytest.raises(KnowledgeBaseError, match=r"hp.json: line 2: not UTF-8"):
        read_obographs(path)

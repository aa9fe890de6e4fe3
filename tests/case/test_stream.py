"""Stdin split into its phenopackets: one case per document, broken input never cut up."""

from __future__ import annotations

import json

import pytest

from osteodx.case.phenopacket import parse_document
from osteodx.case.stream import split_stream
from osteodx.errors import InputError
from tests.conftest import phenopacket


def _doc(pid: str, indent: int | None = None) -> str:
    return json.dumps(phenopacket([("HP:0000013", False)], pid=pid), indent=indent)


def _ids(text: str) -> list[tuple[str, str]]:
    """(name, id) of every document, each parsed as the CLI parses it."""
    return [(d.name, parse_document(d.text, d.name, offset=d.offset)["id"])
            for d in split_stream(text)]


@pytest.mark.parametrize("text", [
    _doc("a") + "\n" + _doc("b") + "\n" + _doc("c") + "\n",          # JSON lines
    _doc("a", 2) + "\n" + _doc("b", 2) + "\n" + _doc("c", 2) + "\n",  # extract -f json
    "[" + _doc("a") + ",\n " + _doc("b") + ", " + _doc("c") + "]",    # a JSON array
    _doc("a") + _doc("b") + _doc("c"),                                  # one line, no space
    "\n".join("---\n" + json.dumps(phenopacket([("HP:0000013", False)], pid=p)) for p in "abc"),
])
def test_each_document_is_a_case_named_by_its_place(text):
    assert _ids(text) == [("<stdin>#1", "a"), ("<stdin>#2", "b"), ("<stdin>#3", "c")]


def test_a_yaml_stream_as_extract_writes_it_and_with_a_closing_marker():
    one = "id: a\nsubject: {sex: MALE}\nphenotypicFeatures:\n  - type: {id: HP:0000013}\n"
    two = one.replace("id: a", "id: b")
    assert _ids(f"---\n{one}---\n{two}") == [("<stdin>#1", "a"), ("<stdin>#2", "b")]
    assert _ids(f"{one}---\n{two}---\n# the end\n") == [("<stdin>#1", "a"), ("<stdin>#2", "b")]
    assert _ids(f"{one}...\n---\n{two}") == [("<stdin>#1", "a"), ("<stdin>#2", "b")]


@pytest.mark.parametrize("text", [
    _doc("a") + "\n",
    _doc("a", 2),
    "[" + _doc("a") + "]",                          # an array of one: that one phenopacket
    "id: a\nsubject: {sex: MALE}\n---\n",           # a closing "---" is no second case
])
def test_one_document_keeps_the_plain_name(text):
    assert _ids(text) == [("<stdin>", "a")]


@pytest.mark.parametrize("text", [
    "A boy with seizures: no fever.\n---\nA girl with fractures.\n",
    "Age: 12\nSex: female\nHistory: seizures since age 2 (note: worse at night)\n",
])
def test_prose_stays_one_case_report(text):
    (doc,) = split_stream(text)
    assert (doc.name, doc.text, doc.phenopacket) == ("<stdin>", text, False)


@pytest.mark.parametrize("text,error", [
    ('{"id": "x", "subj', r"<stdin>: not valid JSON \(line 1, column 13"),
    # an indented document cut short: its inner "{" lines are not documents of their own
    ('{"id": "x",\n "phenotypicFeatures": [\n{"type": {"id": "HP:0000013"}},\n'
     '{"type": {"id": "HP:0000014"}}\n', r"<stdin>: not valid JSON \(line 5"),
    ('[{"id": "a"},\n {"id": "b"', r"<stdin>: not valid JSON \(line 2"),
    ("[]", "<stdin>: expected one phenopacket object, found a list"),
    ('{"id": "a"} trailing words', r"<stdin>: not valid JSON \(line 1, column 13: Extra data"),
])
def test_broken_input_stays_one_document_with_its_error(text, error):
    (doc,) = split_stream(text)
    assert doc.name == "<stdin>" and doc.phenopacket
    with pytest.raises(InputError, match=error):
        parse_document(doc.text, doc.name, offset=doc.offset)


def test_a_broken_document_fails_alone_naming_the_streams_line():
    text = _doc("a") + "\n" + '{"id": "b", "subject": {"sex": "MALE"' + "\n" + _doc("c") + "\n"
    docs = split_stream(text)
    assert [d.name for d in docs] == ["<stdin>#1", "<stdin>#2", "<stdin>#3"]
    assert parse_document(docs[2].text, docs[2].name, offset=docs[2].offset)["id"] == "c"
    with pytest.raises(InputError, match=r"^<stdin>#2: not valid JSON \(line 3, column 1"):
        parse_document(docs[1].text, docs[1].name, offset=docs[1].offset)


def test_a_broken_first_line_of_json_lines_fails_alone():
    text = '{"id": "a", \n' + _doc("b") + "\n" + _doc("c") + "\n"
    assert [d.name for d in split_stream(text)] == ["<stdin>#1", "<stdin>#2", "<stdin>#3"]


def test_a_broken_yaml_document_names_the_streams_line():
    text = ("id: a\nsubject: {sex: MALE}\n---\nid: b\nsubject: {sex: MALE\n---\n"
            "id: c\nsubject: {sex: MALE}\n")
    docs = split_stream(text)
    assert [parse_document(docs[i].text, docs[i].name, offset=docs[i].offset)["id"]
            for i in (0, 2)] == ["a", "c"]
    with pytest.raises(InputError, match=r"^<stdin>#2: not valid JSON or YAML \(line 6\)"):
        parse_document(docs[1].text, docs[1].name, offset=docs[1].offset)


def test_a_key_repeated_is_checked_within_each_document_only():
    """Every document has its own "id": no error; one document giving a key twice fails
    alone, with the stream's line."""
    assert len(_ids(_doc("a") + "\n" + _doc("b"))) == 2
    text = "id: a\nsubject: {}\n---\nid: b\nid: c\n"
    bad = split_stream(text)[1]
    with pytest.raises(InputError, match=r'<stdin>#2: duplicate key "id" \(line 5\)'):
        parse_document(bad.text, bad.name, offset=bad.offset)
    bad = split_stream(_doc("a") + '\n{"id": "b", "id": "c"}\n')[1]
    with pytest.raises(InputError, match='<stdin>#2: duplicate key "id" at the top level'):
        parse_document(bad.text, bad.name, offset=bad.offset)


def test_an_item_that_is_no_object_fails_alone():
    docs = split_stream("[" + _doc("a") + ", 5]")
    with pytest.raises(InputError, match="<stdin>#2: expected one phenopacket object, found a "
                                         "number"):
        parse_document(docs[1].text, docs[1].name, offset=docs[1].offset)


def test_a_long_stream_is_split_in_linear_time():
    import time

    text = "\n".join(_doc(f"p{i}") for i in range(20000))
    start = time.perf_counter()
    docs = split_stream(text)
    assert len(docs) == 20000 and docs[-1].offset == (19999, 0)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("text", [
    "\ufeff" + _doc("a") + "\n\ufeff" + _doc("b") + "\n" + _doc("c") + "\n",   # BOM lines
    "\ufeff" + _doc("a", 2) + "\n\ufeff" + _doc("b", 2) + "\n\ufeff" + _doc("c", 2) + "\n",
    "\ufeff[" + _doc("a") + ", " + _doc("b") + ", " + _doc("c") + "]",
])
def test_byte_order_marks_do_not_turn_a_stream_into_prose(text):
    """A BOM before the first document made the stream read as one case report (exit 0,
    findings from labels, sex lost); BOMs of files joined by ``cat`` lost every case."""
    assert _ids(text) == [("<stdin>#1", "a"), ("<stdin>#2", "b"), ("<stdin>#3", "c")]
    assert all(d.phenopacket for d in split_stream(text))


def _read(text: str) -> list[str]:
    """Each document's id, or its error, as the CLI reads the stream."""
    out = []
    for d in split_stream(text):
        try:
            out.append(parse_document(d.text, d.name, offset=d.offset)["id"])
        except InputError as exc:
            out.append(str(exc))
    return out


def test_a_stray_line_after_a_document_fails_alone_with_its_line():
    """A stray line made the valid document before it fail with "Extra data"."""
    got = _read(_doc("a") + "\nhello\n" + _doc("b") + "\n" + _doc("c") + "\n")
    assert got == ["a", '<stdin>#2: expected one phenopacket object, found a text ("hello") '
                        "(line 2)", "b", "c"]
    got = _read(_doc("a") + "\n" + _doc("b") + "\nhello world\n")
    assert got[:2] == ["a", "b"] and got[2].startswith("<stdin>#3: ") and "(line 3)" in got[2]


def test_json_then_a_yaml_document_is_two_cases():
    yaml_doc = "id: b\nsubject: {sex: MALE}\nphenotypicFeatures:\n  - type: {id: HP:0000013}\n"
    assert _read(_doc("a") + "\n---\n" + yaml_doc) == ["a", "b"]


def test_an_array_line_among_json_lines_gives_its_items():
    text = _doc("a") + "\n[" + _doc("b") + ", " + _doc("c") + "]\n" + _doc("d") + "\n"
    assert _read(text) == ["a", "b", "c", "d"]


def test_a_truncated_first_pretty_document_does_not_lose_the_next():
    first = _doc("a", 2)
    text = first[:first.index('"phenotypicFeatures"') + 30] + "\n" + _doc("b", 2) + "\n"
    got = _read(text)
    assert got[0].startswith("<stdin>#1: not valid JSON (line ") and got[1:] == ["b"]

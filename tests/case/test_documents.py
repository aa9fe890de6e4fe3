"""Strict JSON/YAML loading: repeated keys and several documents are errors, not data loss."""

from __future__ import annotations

import pytest

from osteodx.case.documents import load_document
from osteodx.errors import InputError


@pytest.mark.parametrize("text,where", [
    ('{"id": "d", "phenotypicFeatures": [{"type": {"id": "HP:0000021"}}], '
     '"phenotypicFeatures": [{"type": {"id": "HP:0000013"}}]}',
     'duplicate key "phenotypicFeatures" at the top level'),
    ('{"id": "d", "phenotypicFeatures": [{"type": {"id": "HP:0000021", "id": "HP:1"}}]}',
     'duplicate key "id" in phenotypicFeatures[0].type'),
])
def test_a_repeated_json_key_is_an_error_naming_it(text, where):
    with pytest.raises(InputError, match=where.replace("[", r"\[").replace("]", r"\]")) as info:
        load_document(text, "dup.json", as_yaml=False)
    assert str(info.value).startswith("dup.json: ") and "\n" not in str(info.value)


def test_a_repeated_yaml_key_is_an_error_with_its_line():
    text = "id: d\nphenotypicFeatures:\n  - type: {id: HP:0000021}\nphenotypicFeatures: []\n"
    with pytest.raises(InputError, match='duplicate key "phenotypicFeatures" \\(line 4\\)'):
        load_document(text, "dup.yaml", as_yaml=True)


def test_yaml_merge_keys_may_be_overridden():
    text = "base: &b {id: x, label: y}\nother:\n  <<: *b\n  id: z\n"
    assert load_document(text, "m.yaml", as_yaml=True)["other"] == {"id": "z", "label": "y"}


@pytest.mark.parametrize("text,as_yaml", [
    ('{"id": "a"}\n{"id": "b"}\n', False),
    ("id: a\n---\nid: b\n", True),
])
def test_several_documents_say_so(text, as_yaml):
    """A file is told what it holds and how to read it whole; stdin, reaching here only
    through the API's one-document reader, is not told to pipe itself to stdin."""
    kind = "YAML" if as_yaml else "JSON"
    with pytest.raises(InputError, match=rf"^c\.txt: holds several phenopackets \(2 {kind} "
                                         r"documents\), and a file is one case: .* "
                                         r"osteodx diagnose - < c\.txt$"):
        load_document(text, "c.txt", as_yaml=as_yaml)
    with pytest.raises(InputError, match=rf"^<stdin>: holds 2 {kind} documents where one "
                                         "phenopacket was expected; read a stream with "
                                         "osteodx.api.read_stream") as exc:
        load_document(text, "<stdin>", as_yaml=as_yaml)
    assert "pipe" not in str(exc.value)


def test_only_empty_yaml_documents_say_so():
    with pytest.raises(InputError, match=r"<stdin>: holds no phenopacket: only empty YAML "
                                         r"documents \('---' lines\)"):
        load_document("---\n---\n", "<stdin>", as_yaml=True)


@pytest.mark.parametrize("text,said", [
    ('[{"id": "a"}, {"id": "b"}]', r"holds several phenopackets \(a JSON array of 2 items\)"),
    ('[{"id": "a"}]', r"holds a JSON array around its one phenopacket"),
    ("[]", r"expected one phenopacket object, found a list \(empty: no phenopacket\)"),
])
def test_a_json_array_in_a_file_says_what_it_holds(text, said):
    from osteodx.case.phenopacket import parse_document

    with pytest.raises(InputError, match="^arr.json: " + said):
        parse_document(text, "arr.json")


def test_trailing_garbage_is_still_a_syntax_error():
    with pytest.raises(InputError, match="not valid JSON .*Extra data"):
        load_document('{"id": "a"} xyz', "a.json", as_yaml=False)


def test_bare_nan_is_read_as_the_quoted_form():
    assert load_document('{"v": NaN, "w": -Infinity}', "n.json", as_yaml=False) == {
        "v": "NaN", "w": "-Infinity"}


@pytest.mark.parametrize("text,said", [
    ('{"id": "a\tb"}', r"\(line 1, column 10: Invalid control character\)$"),
    ('{"id": "ab', r"\(line 1, column 8: Unterminated string starting here\)$"),
])
def test_a_json_error_is_a_whole_phrase(text, said):
    """It read "(... Invalid control character at)": cut before the decoder's position."""
    with pytest.raises(InputError, match=said):
        load_document(text, "a.json", as_yaml=False)


def test_json_then_yaml_in_a_file_says_both():
    text = '{"id": "a"}\n---\nid: b\n'
    with pytest.raises(InputError, match=r"holds several phenopackets \(2 documents, JSON then "
                                         r"YAML\)"):
        load_document(text, "m.txt", as_yaml=False)

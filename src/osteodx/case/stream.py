"""Split the text of stdin into the phenopackets it holds, one case each.

``osteodx extract a.txt b.txt`` writes JSON lines (or YAML documents separated by
``---``), and ``osteodx extract ... | osteodx diagnose -`` should rank every one of
them, as a folder of files is ranked: each document is a case of its own, named
``<stdin>#2`` in errors and warnings, and a broken one fails alone while the others
run. A stream may be one JSON object, a JSON array of objects, JSON objects one after
the other (JSON lines, or pretty-printed objects each starting a line with ``{``, an
array line among them giving its items), JSON followed by a YAML stream after ``---``,
or a YAML stream. A stray line or a broken document is a part of its own that fails
naming its line, so that the good documents around it are still read.

Splitting must never turn broken input into something else: text that is not a
phenopacket attempt (:func:`~osteodx.case.sniff.looks_like_phenopacket`) stays one
case report, and a single truncated JSON document stays one document, whose syntax
error names ``<stdin>`` and the line, rather than being cut at a brace into pieces.
Each document keeps its place in the stream (the lines and columns before it), so that
the line an error names is the stream's line, and the strict loader
(:func:`osteodx.case.documents.load_document`) checks repeated keys within each
document, not across documents.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass

from osteodx.case.sniff import looks_binary, looks_like_phenopacket, strip_boms

__all__ = ["STDIN", "STREAM_SUFFIXES", "StreamDocument", "document_id", "file_documents",
           "is_stream_file", "split_stream", "several_documents"]

STDIN = "<stdin>"
#: files named so hold a stream of phenopackets (JSON lines), read one case each as
#: stdin is; any other file is one case
STREAM_SUFFIXES = (".jsonl", ".ndjson")

#: a YAML document start ("---" at the start of a line) or end ("...")
_YAML_START = re.compile(r"^---(?=[ \t\r\n]|$)", re.M)
_YAML_END = re.compile(r"^\.\.\.[ \t]*(?:#[^\n]*)?(?:\r?\n|$)", re.M)
_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\r\n]*")  # JSON's whitespace


@dataclass(frozen=True, slots=True)
class StreamDocument:
    """One document of a stream: its name (``<stdin>`` when the stream holds one,
    ``<stdin>#k`` for the k-th of several), its text, whether it is read as a
    phenopacket (else as a case report), and ``offset``, the (lines, columns) of the
    stream before it, which the line and column of a syntax error are counted from."""

    name: str
    text: str
    phenopacket: bool
    offset: tuple[int, int] = (0, 0)


def split_stream(text: str, source: str = STDIN) -> list[StreamDocument]:
    """The documents in *text*, in order; always at least one.

    Text that is not a phenopacket attempt, binary text, an empty stream and a stream
    whose one document is broken are returned whole, so that they are read (or fail)
    exactly as a single input always was. Byte-order marks opening the text or a line
    are dropped first (:func:`~osteodx.case.sniff.strip_boms`).
    """
    text = strip_boms(text)
    if looks_binary(text) or not looks_like_phenopacket(text):
        return [StreamDocument(source, text, phenopacket=False)]
    head = text.lstrip()
    spans = _json_documents(text) if head.startswith(("{", "[")) else _yaml_documents(text)
    if not spans:
        return [StreamDocument(source, text, phenopacket=True)]
    names = [source] if len(spans) == 1 else [f"{source}#{k}" for k in range(1, len(spans) + 1)]
    out = []
    lines, counted, line_start = 0, 0, 0
    for name, (a, b) in zip(names, spans, strict=True):
        lines += text.count("\n", counted, a)  # each stretch counted once: linear time
        line_start = max(line_start, text.rfind("\n", counted, a) + 1)
        counted = a
        out.append(StreamDocument(name, text[a:b], phenopacket=True,
                                  offset=(lines, a - line_start)))
    return out


def is_stream_file(path: str) -> bool:
    """Whether the file *path* is named as a stream of phenopackets (:data:`STREAM_SUFFIXES`)."""
    return path.lower().endswith(STREAM_SUFFIXES)


def file_documents(path: str) -> list[StreamDocument]:
    """The documents of a JSON-lines file (:func:`is_stream_file`), named ``path#k``
    among several, as :func:`split_stream` names those of stdin.

    Such a file is written to hold phenopackets, so text in it that does not look like
    one is still read as one (and fails with its syntax error) rather than as a case
    report. A file that cannot be read raises :class:`~osteodx.errors.InputError`
    naming it.
    """
    from osteodx.case.inputs import read_text_file  # noqa: PLC0415 - inputs imports sniff only

    text = read_text_file(path)
    docs = split_stream(text, path)
    if len(docs) == 1 and not docs[0].phenopacket and not looks_binary(text):
        return [StreamDocument(path, text, phenopacket=True)]
    return docs


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()  # type: ignore[union-attr] - "*" always matches


#: where a part of a stream can start after a stray or broken one: a line starting with
#: "{" or "[" (a JSON document; json.dumps, indented or not, never puts an inner "{"
#: there) or a YAML "---" (from there on the stream is YAML)
_PART_START = re.compile(r"^(?:\{|\[|---(?=[ \t\r\n]|$))", re.M)
#: keys only a whole phenopacket has at its top (an inner object has "id" too)
_TOP_KEYS = {"subject", "phenotypicFeatures", "phenotypic_features", "metaData", "meta_data",
             "measurements"}


def _json_documents(text: str) -> list[tuple[int, int]] | None:
    """Spans of the documents of a stream that starts with JSON; None when it is one.

    A document that parses and ends its line (or is followed by another on the line)
    is a part; a JSON array's items are parts each. Anything else (a broken document,
    a stray line) runs to the next line starting a part (:data:`_PART_START`), so it
    fails alone. From a ``---`` line on, the rest is a YAML stream. The text is taken
    as several documents only when that cannot be a single broken one cut at an inner
    brace: its first part parses, or every part is one line (JSON lines), or another
    part is a whole phenopacket (or YAML, which a JSON document never holds).
    """
    starts = [m.start() for m in _PART_START.finditer(text)]
    # (start, end, parsed, sure to be a whole document of its own)
    spans: list[tuple[int, int, bool, bool]] = []
    pos = _skip_space(text, 0)
    while pos < len(text):
        if text.startswith("---", pos):
            spans += [(a + pos, b + pos, True, True) for a, b in _yaml_documents(text[pos:])]
            break
        parsed = _parse_part(text, pos)
        if parsed is not None:
            value, end = parsed
            if isinstance(value, list):
                spans += [(a, b, True, True) for a, b in _items(text, pos)]
            else:
                whole = isinstance(value, dict) and bool(_TOP_KEYS & set(value))
                spans.append((pos, end, True, whole))
            pos = _skip_space(text, end)
            continue
        i = bisect_right(starts, pos)
        nxt = starts[i] if i < len(starts) else len(text)
        spans.append((pos, nxt, False, False))
        pos = _skip_space(text, nxt)
    if len(spans) == 1 and spans[0][0] != _skip_space(text, 0):  # an array of one
        return [spans[0][:2]]
    if len(spans) < 2:
        return None
    one_line = all("\n" not in text[a:b].strip() for a, b, *_ in spans)
    if not (spans[0][2] or one_line or any(sure for *_, sure in spans[1:])):
        return None
    return [(a, b) for a, b, *_ in spans]


def _parse_part(text: str, pos: int) -> tuple[object, int] | None:
    """(value, end) of the JSON document at *pos* when it parses and nothing but
    another document or the end of its line follows it (a non-empty array too)."""
    if text[pos] not in "{[":
        return None
    try:
        value, end = _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError:
        return None
    if value == []:  # "[]": no phenopacket in it; read whole, it says "found a list"
        return None
    after = _BLANKS.match(text, end).end()  # type: ignore[union-attr] - "*" always matches
    if after == len(text) or text[after] in "\r\n{[":
        return value, end
    return None


_BLANKS = re.compile(r"[ \t]*")


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the items of the (parsed, non-empty) JSON array at *start*."""
    spans = []
    pos = start + 1
    while True:
        pos = _skip_space(text, pos)
        _, end = _DECODER.raw_decode(text, pos)
        spans.append((pos, end))
        pos = _skip_space(text, end)
        if text[pos] == "]":
            return spans
        pos += 1  # past the ","


def _yaml_documents(text: str) -> list[tuple[int, int]]:
    """Spans of the YAML documents of a stream that hold anything (an empty document,
    such as the one after a closing ``---``, or a comment, is no case)."""
    cuts = {0, len(text)}
    cuts.update(m.start() for m in _YAML_START.finditer(text))
    cuts.update(m.end() for m in _YAML_END.finditer(text))
    bounds = sorted(cuts)
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False)
            if _holds_content(text[a:b])]


def _holds_content(chunk: str) -> bool:
    if _YAML_START.match(chunk):
        chunk = chunk[3:]
    for line in chunk.splitlines():
        s = line.strip()
        if s and not s.startswith(("#", "%")) and s != "...":
            return True
    return False


def several_documents(text: str, source: str) -> str | None:
    """What to say of a text read as one phenopacket that holds several documents (a
    JSON array, JSON lines, a YAML stream, JSON then YAML), or None when it does not.

    A .json/.yaml file is one case by design, so it is told how to be read whole (as a
    .jsonl file or from stdin, where each document is a case); stdin itself is split
    before it gets here (only the API's one-document reader, or a stream of empty
    documents, reaches this).
    """
    import yaml  # noqa: PLC0415 - an error path only

    docs = split_stream(text, source)
    objects = 0
    for doc in docs:
        try:
            value = json.loads(doc.text) if doc.text.lstrip()[:1] in "{[" else \
                yaml.safe_load(doc.text)
        except (ValueError, yaml.YAMLError):
            continue
        objects += isinstance(value, dict)
    head = text.lstrip()[:1]
    if head not in "{[" and not _yaml_documents(text):
        return "holds no phenopacket: only empty YAML documents ('---' lines)"
    array = head == "[" and docs[0].text != text
    if not array and len(docs) < 2:
        return None  # one document: its own syntax error says more
    n = len(docs)
    what = (f"a JSON array of {n} item{'s' if n > 1 else ''}" if array else
            f"{n} documents, JSON then YAML" if head in "{[" and _YAML_START.search(text) else
            f"{n} JSON documents" if head in "{[" else f"{n} YAML documents")
    if source.startswith(STDIN):
        return (f"holds {what} where one phenopacket was expected; read a stream with "
                "osteodx.api.read_stream, as 'osteodx diagnose -' does")
    if objects == 0:
        return f"holds no phenopacket ({what}, none of them an object)"
    if objects == 1 and n == 1:
        return ("holds a JSON array around its one phenopacket, and a file is one case: give "
                f"the object without [ ], or read it from stdin: osteodx diagnose - < {source}")
    as_lines = "name the file .jsonl (one case a line), " if head in "{[" and \
        not _YAML_START.search(text) else ""
    return (f"holds several phenopackets ({what}), and a file is one case: give each as a "
            f"file of its own, {as_lines}or read them all from stdin: "
            f"osteodx diagnose - < {source}")


#: the top-level id of a document, even a broken one: the first key of a JSON object
#: (as json.dumps and osteodx extract write it) or a YAML "id:" line at column 0
_JSON_ID = re.compile(r'\A\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.)*")')
_YAML_ID = re.compile(r"^id[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$", re.M)
#: an id longer than this is cut, with an ellipsis, where it names a document
ID_SHOWN = 60


def document_id(text: str) -> str | None:
    """The quoted ``id`` of the document in *text*, cut to :data:`ID_SHOWN` characters,
    or None when it has none that can be found without parsing it."""
    found = _JSON_ID.match(text)
    if found:
        try:
            value = json.loads(found.group(1))
        except ValueError:
            return None
    else:
        line = _YAML_ID.search(text) if text.lstrip()[:1] not in "{[" else None
        if line is None:
            return None
        value = line.group(1).strip("'\"")
    if not isinstance(value, str) or not value.strip():
        return None
    value = " ".join(value.split())
    if len(value) > ID_SHOWN:
        value = value[:ID_SHOWN - 1] + "\u2026"
    return json.dumps(value, ensure_ascii=False)

"""Tell a phenopacket from a case report when the text has no file name (stdin, ``--text``).

A file's suffix decides how it is read; text from stdin has none. Taking a broken
phenopacket for prose would be the worst outcome: it would rank findings picked
out of its keys and labels, lose ``sex: MALE`` and the excluded flags, and exit 0.
So a text that *tries* to be a JSON or YAML mapping is read as a phenopacket,
where its syntax error is reported, and only text with no sign of that is prose.
"""

from __future__ import annotations

import json
import re

from osteodx.knowledge import load_yaml

__all__ = ["looks_like_phenopacket", "looks_binary", "strip_boms"]

_PHENOPACKET_KEYS = {"id", "subject", "phenotypicFeatures", "phenotypic_features", "metaData",
                     "meta_data", "measurements"}
#: a phenopacket's own keys at the start of a line: no case report writes these
_PHENOPACKET_LINE = re.compile(
    r"^(?:phenotypicFeatures|phenotypic_features|subject|metaData|meta_data)[ \t]*:", re.M)
#: a YAML "key:" line (a list item's too) whose key is a field of the Phenopacket schema,
#: spelt as the schema spells it (a report's "Sex: female" or "History: ..." is not)
_SCHEMA_KEY_LINE = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:id|type|label|excluded|sex|onset|modifiers|measurements|assay|"
    r"value|quantity|unit|timeAtLastEncounter|time_at_last_encounter|age|iso8601duration|"
    r"phenopacketSchemaVersion|resources|createdBy|created_by|interpretations|diseases)"
    r"[ \t]*:(?:[ \t]|$)", re.M)
#: a JSON array: "[" then an object, the end of the array, or the end of the line
_JSON_ARRAY = re.compile(r"\[\s*(?:\{|\]|$)")
_DOCUMENT_START = re.compile(r"---(?:[ \t]|$)", re.M)
#: NUL, or bytes that were not UTF-8 (Python decodes them to lone surrogates on stdin)
_BINARY = re.compile("[\x00\udc80-\udcff]")


def looks_like_phenopacket(text: str) -> bool:
    """Whether *text* is (or tries to be) a JSON/YAML phenopacket rather than a case report.

    Yes when it starts with ``{``, a JSON array (of objects, or any that parses) or a
    YAML ``---``, when a line starts
    with a phenopacket key (``subject:``, ``phenotypicFeatures:``, ``metaData:``), when it
    parses as a mapping with a phenopacket key, or, when it does not parse, when two or
    more of its lines are ``key:`` lines of the schema's own fields (``id:``, ``type:``,
    ``excluded:``...). A report written as "Age: 12 / History: seizures (note: ...)"
    lines, or starting with "[pt]", stays a report.
    """
    head = text.lstrip()
    if head.startswith("{") or _JSON_ARRAY.match(head) or _DOCUMENT_START.match(head):
        return True
    if head.startswith("[") and _is_json(head):  # "[1, 2]": JSON, not a report's "[pt]"
        return True
    if _PHENOPACKET_LINE.search(text):
        return True
    try:
        data = load_yaml(text)
    except Exception:  # noqa: BLE001 - any YAML error: judged by the shape of the lines
        return _schema_key_lines(text)
    return isinstance(data, dict) and bool(_PHENOPACKET_KEYS & set(data))


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _schema_key_lines(text: str) -> bool:
    return len(_SCHEMA_KEY_LINE.findall(text)) + len(_FLOW_ID.findall(text)) >= 2


#: a YAML flow mapping with an id, as in "type: {id: HP:0002650, label: ...}"
_FLOW_ID = re.compile(r"\{[ \t]*id[ \t]*:")


#: a byte-order mark opening the text or a line (files joined by ``cat``, JSON lines
#: written one by one by a Windows tool)
_BOM = re.compile("^\ufeff+", re.M)


def strip_boms(text: str) -> str:
    """*text* without the UTF-8 byte-order marks that open it or any of its lines.

    Python keeps a BOM as U+FEFF when it decodes UTF-8, and JSON, YAML and the
    phenopacket sniffing all take it for content: a BOM stream was read as prose, a
    BOM array failed, and files with BOMs joined by ``cat`` lost every case. Only line
    starts are touched, so the lines errors name stay the input's.
    """
    return _BOM.sub("", text) if "\ufeff" in text else text


def looks_binary(text: str) -> bool:
    """Whether text read from stdin came from a binary file (NUL or non-UTF-8 bytes)."""
    return _BINARY.search(text) is not None

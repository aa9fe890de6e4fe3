"""Say in a user's words what protobuf's ``ParseDict`` rejects in a phenopacket.

``json_format.ParseError`` messages name protobuf message types, span two lines
("Available Fields(except extensions): ...") and mislead on a list of strings (it
iterates ``"OMIM:1"`` and reports ``no field named "O"``). The checker walks the
document beside the schema and names the first wrong field by its path
(``phenotypicFeatures[3]: unknown field "foo"``).

It also mends what YAML makes of a plain scalar: ``id: 12345`` is an int and
``created: 2020-01-01`` a date where the schema wants text, and ``.nan`` a float
protobuf only takes quoted. Those are converted in place (the document then parses),
because the user wrote text the schema accepts and YAML alone changed its type.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.timestamp_pb2 import Timestamp

__all__ = ["schema_problem", "first_line"]

_FD = FieldDescriptor
_FLOATS = (_FD.TYPE_DOUBLE, _FD.TYPE_FLOAT)
_INTS = (_FD.TYPE_INT32, _FD.TYPE_INT64, _FD.TYPE_UINT32, _FD.TYPE_UINT64, _FD.TYPE_SINT32,
         _FD.TYPE_SINT64, _FD.TYPE_FIXED32, _FD.TYPE_FIXED64, _FD.TYPE_SFIXED32,
         _FD.TYPE_SFIXED64)
_SPECIAL_FLOATS = {"NaN", "Infinity", "-Infinity"}

Problem = tuple[str | None, str]  # (field path or None for the top level, message)


def schema_problem(doc: dict[str, Any], descriptor: Descriptor) -> Problem | None:
    """The first field of *doc* that *descriptor* rejects, as (path, message); None when
    there is none that this checker knows of. YAML-typed scalars are mended in place."""
    return _message(doc, descriptor, "")


def first_line(exc: Exception) -> str:
    """protobuf's own message, cut to its first line and without its chain of
    "Failed to parse x field:" prefixes (the fallback when :func:`schema_problem`
    finds nothing)."""
    text = (str(exc).splitlines() or [""])[0].strip()
    return re.sub(r"^(?:Failed to parse \w+ field: )+", "", text).rstrip(".")


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return _show(value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _message(doc: Any, descriptor: Descriptor, path: str) -> Problem | None:
    if not isinstance(doc, dict):
        return path or None, f"expected an object, got {_kind(doc)}"
    fields = {f.json_name: f for f in descriptor.fields}
    fields.update({f.name: f for f in descriptor.fields})
    oneofs: dict[str, str] = {}
    for key in list(doc):
        field = fields.get(key)
        if field is None:
            close = difflib.get_close_matches(str(key), sorted(fields), n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            where = "" if path else " at the top level"
            return path or None, f"unknown field {_show(key)}{where}{hint}"
        value = doc[key]
        if value is None:
            continue
        group = field.containing_oneof
        if group is not None:
            if group.name in oneofs:
                return (path or None, f'gives both "{oneofs[group.name]}" and "{key}"; '
                        "only one of them may be set")
            oneofs[group.name] = str(key)
        problem = _field(doc, key, field, _join(path, str(key)))
        if problem:
            return problem
    return None


def _field(doc: Any, key: Any, field: FieldDescriptor, path: str) -> Problem | None:
    value = doc[key]
    entry = field.message_type is not None and field.message_type.GetOptions().map_entry
    if entry:
        return None if isinstance(value, dict) else (path, f"expected an object, got "
                                                            f"{_kind(value)}")
    if field.is_repeated:
        if not isinstance(value, list):
            return path, f"expected a list, got {_kind(value)}"
        for i in range(len(value)):
            if value[i] is None:
                return f"{path}[{i}]", "expected a value, got null"
            problem = _single(value, i, field, f"{path}[{i}]")
            if problem:
                return problem
        return None
    return _single(doc, key, field, path)


def _single(holder: Any, key: Any, field: FieldDescriptor, path: str) -> Problem | None:
    """One value (``holder[key]``) of *field*; mended in place where YAML retyped it."""
    value = holder[key]
    if field.type == _FD.TYPE_MESSAGE:
        sub = field.message_type
        if sub.full_name == "google.protobuf.Timestamp":
            if isinstance(value, dt.date):
                holder[key] = _timestamp(value)
                return None
            if not isinstance(value, str) or not _is_timestamp(value):
                return path, (f"expected a date-time such as 2024-01-31T00:00:00Z, got "
                              f"{_kind(value)}")
            return None
        if sub.full_name.startswith("google.protobuf."):
            return None  # other well-known types: protobuf's own check
        return _message(value, sub, path)
    if field.type == _FD.TYPE_ENUM:
        names = [v.name for v in field.enum_type.values]
        if isinstance(value, str) and value not in names:
            return path, f"{_show(value)} is not one of {', '.join(names)}"
        if not isinstance(value, str | int) or isinstance(value, bool):
            return path, f"expected one of {', '.join(names)}, got {_kind(value)}"
        return None
    if field.type == _FD.TYPE_STRING:
        if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
            return path, f"expected text, got {_kind(value)}"
        if not isinstance(value, str):
            holder[key] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return None
    if field.type == _FD.TYPE_BOOL:
        if not isinstance(value, bool):
            return path, f"expected true or false (without quotes), got {_kind(value)}"
        return None
    if field.type in _FLOATS:
        if isinstance(value, float) and not math.isfinite(value):
            holder[key] = "NaN" if math.isnan(value) else "Infinity" if value > 0 \
                else "-Infinity"
            return None
        if isinstance(value, str) and value not in _SPECIAL_FLOATS and not _is_number(value):
            return path, f"expected a number, got {_kind(value)}"
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return path, f"expected a number, got {_kind(value)}"
        return None
    if field.type in _INTS and (isinstance(value, bool)
                                or not isinstance(value, str | int | float)
                                or isinstance(value, float) and not value.is_integer()):
        return path, f"expected a whole number, got {_kind(value)}"
    return None


def _is_timestamp(text: str) -> bool:
    try:
        Timestamp().FromJsonString(text)
    except ValueError:
        return False
    return True


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _timestamp(value: dt.date) -> str:
    """A YAML date or datetime as the RFC 3339 text a protobuf Timestamp reads."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat() + "Z"

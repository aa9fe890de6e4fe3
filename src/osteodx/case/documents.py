"""Load the JSON or YAML text of one phenopacket, strictly.

``json.loads`` and PyYAML keep the last of two equal keys without a word, so a
phenopacket with ``phenotypicFeatures`` twice would silently lose the first list
of findings; here a repeated key is an :class:`InputError` naming the key and
where it is. Several documents in one file (JSON lines, YAML ``---``) are one
error saying so, rather than "Extra data", because one file is one case; stdin is
split into its documents first (:mod:`osteodx.case.stream`), each loaded here on its
own, so that a key is checked for repetition within its document only.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from osteodx.errors import InputError

if TYPE_CHECKING:
    import yaml

__all__ = ["load_document"]

#: said when no better description of the documents is found
_SEVERAL = "holds several documents (JSON lines or YAML documents) where one was expected"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _DuplicateKey(Exception):
    """A key given twice in one mapping (raised from inside the parsers)."""

    def __init__(self, key: object, line: int | None = None) -> None:
        super().__init__(key)
        self.key, self.line = key, line


class _DupDict(dict):
    """A JSON object that had a repeated key: found by :func:`_where` after parsing, so
    the path is named and parsing a clean document costs no bookkeeping."""

    duplicate: str = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    marked = _DupDict(pairs)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.duplicate = key
            break
        seen.add(key)
    return marked


def _where(data: Any, path: str = "") -> tuple[str, str] | None:
    """(key, path) of the first object with a repeated key, depth first."""
    if isinstance(data, _DupDict):
        return data.duplicate, path
    items = data.items() if isinstance(data, dict) else \
        enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        sub = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key
        found = _where(value, sub)
        if found:
            return found
    return None


@cache
def _strict_loader() -> type:
    """PyYAML's safe loader refusing a key given twice in one mapping (PyYAML is imported
    here, on the first YAML document: a JSON phenopacket does not need it)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == _MERGE_TAG:  # "<<: *base" merges; its keys may be redefined
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    if key in seen:
                        raise _DuplicateKey(key, key_node.start_mark.line + 1)
                    seen.add(key)
                except TypeError:  # an unhashable key: SafeConstructor reports it
                    pass
            return super().construct_mapping(node, deep=deep)

    return StrictLoader


def _constant(name: str) -> str:
    """``NaN`` and ``Infinity`` written bare (not JSON, but Python writes them): read as
    the quoted forms protobuf accepts, so that the measurement check names them."""
    return name


def load_document(text: str, source: str, *, as_yaml: bool,
                  offset: tuple[int, int] = (0, 0)) -> Any:
    """The parsed JSON (or YAML, when *as_yaml*) document in *text*.

    Raises :class:`InputError` for invalid syntax (with the line), a repeated key or
    several documents. *offset* is the (lines, columns) that stood before *text* in the
    stream it was cut from, so that a line named is the stream's.
    """
    lines, columns = offset
    if as_yaml:
        return _yaml_document(text, source, lines)
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        several = _several(text, source) if exc.msg == "Extra data" else None
        if several:
            raise InputError(several, source=source) from None
        column = exc.colno + (columns if exc.lineno == 1 else 0)
        raise InputError(f"not valid JSON (line {exc.lineno + lines}, column {column}: "
                         f"{_json_problem(exc.msg)})", source=source) from None
    found = _where(data)
    if found:
        key, path = found
        at = f"in {path}" if path else "at the top level"
        raise InputError(f"duplicate key {_show(key)} {at}; give each key once",
                         source=source)
    return data


def _yaml_document(text: str, source: str, lines: int) -> Any:
    """The YAML document in *text*, with :func:`load_document`'s errors."""
    import yaml

    try:
        return yaml.load(text, Loader=_strict_loader())  # noqa: S506 - a safe loader
    except _DuplicateKey as exc:
        raise InputError(f"duplicate key {_show(exc.key)} (line {(exc.line or 0) + lines}); "
                         "give each key once", source=source) from None
    except yaml.composer.ComposerError as exc:
        if "another document" in str(exc.problem):
            raise InputError(_several(text, source) or _SEVERAL, source=source) from None
        raise _yaml_error(exc, source, lines) from None
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, source, lines) from None


def _json_problem(msg: str) -> str:
    """The JSON decoder's message as a whole phrase: some end in "at", for the position
    it appends in its own str() ("Invalid control character at: line 1 column 61"), which
    here is the line and column given before it."""
    if msg.endswith(" starting at"):  # "Unterminated string starting at"
        return msg[:-len(" at")] + " here"
    return msg.removesuffix(" at")


def _several(text: str, source: str) -> str | None:
    """What several documents in *text* are, and what to do (:mod:`osteodx.case.stream`
    knows how a stream is cut); None when the text is one broken document."""
    from osteodx.case.stream import several_documents  # noqa: PLC0415 - error path only

    return several_documents(text, source)


def _yaml_error(exc: yaml.YAMLError, source: str, lines: int = 0) -> InputError:
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 1 + lines})" if mark is not None else ""
    return InputError(f"not valid JSON or YAML{where}", source=source)


def _show(key: object) -> str:
    return json.dumps(key, ensure_ascii=False) if isinstance(key, str) else repr(key)

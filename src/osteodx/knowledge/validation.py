"""Validating a curated data file into frozen dataclasses, with pydantic imported only here.

The data files' models (lab catalogue, knowledge packs, prevalence table) are stdlib
dataclasses: a warm start reads the validated objects back from the cache
(:func:`~osteodx.knowledge.memo_validated`), and unpickling a dataclass needs no pydantic
(importing it and building the models cost ~0.2 s per start). Pydantic still validates a
file when it is read for the first time or edited: :func:`validate` imports it then, and
reads the field types and the ``annotated_types`` bounds (``MinLen``, ``Gt``...) of the
dataclasses. A check of one entry that a type cannot state (a LOINC check digit, low <=
high) lives in the class's ``__post_init__``, which pydantic calls after the fields are
valid; it raises :class:`EntryError` naming the field, so a message still points at it.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True, kw_only=True)
... class Term:
...     __pydantic_config__ = FORBID
...     hpo_id: str
...     def __post_init__(self) -> None:
...         check([pattern_problem("hpo_id", self.hpo_id, r"HP:\\d{7}")])
>>> validate(Term, {"hpo_id": "HP:0000001"})
Term(hpo_id='HP:0000001')
>>> validate(Term, {"hpo_id": "HP:1", "colour": "red"})
Traceback (most recent call last):
...
osteodx.knowledge.validation.SchemaError: colour: Extra inputs are not permitted
>>> validate(Term, {"hpo_id": "HP:1"})
Traceback (most recent call last):
...
osteodx.knowledge.validation.SchemaError: hpo_id: String should match pattern '^HP:\\d{7}$'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

__all__ = ["FORBID", "ALLOW", "EntryError", "Problem", "SchemaError", "check",
           "pattern_problem", "validate", "value_problem"]

T = TypeVar("T")

#: ``__pydantic_config__`` of a model whose unknown fields are errors (a plain dict: pydantic
#: reads it when validating, and nothing imports pydantic to define the class)
FORBID: dict[str, Any] = {"extra": "forbid"}
#: ... of a model that keeps unknown fields as attributes (a pack entry's ``note``)
ALLOW: dict[str, Any] = {"extra": "allow"}

#: where (the path of keys and list indices into the data) and what
Problem = tuple[tuple[str | int, ...], str]


class EntryError(ValueError):
    """An entry's own checks failed: ``problems`` are (field, message) pairs, the field
    "" for the entry as a whole, so that :func:`validate` reports each at its field."""

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{f}: {m}" if f else m for f, m in self.problems))

    def __reduce__(self) -> tuple[type, tuple[tuple[tuple[str, str], ...]]]:
        return type(self), (self.problems,)  # picklable, as a worker's error must be


class SchemaError(ValueError):
    """A data file's content does not fit its model: every problem, with where it is."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" if loc else msg
                                   for loc, msg in self.problems))

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        return type(self), (self.problems,)


def check(problems: Iterable[tuple[str, str] | None]) -> None:
    """Raise :class:`EntryError` with the problems found (None: that check passed)."""
    found = [p for p in problems if p is not None]
    if found:
        raise EntryError(found)


def value_problem(field: str, message: str) -> tuple[str, str]:
    """A failed check worded as pydantic words a validator's ``ValueError``."""
    return field, f"Value error, {message}"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def pattern_problem(field: str, value: str, pattern: str) -> tuple[str, str] | None:
    """The problem of a *value* that does not wholly match *pattern* (unanchored; a
    trailing newline does not match, as with pydantic's ``pattern``), or None."""
    if _compiled(pattern).fullmatch(value):
        return None
    return field, f"String should match pattern '^{pattern}$'"


@cache
def _adapter(cls: type[T]) -> TypeAdapter[T]:
    from pydantic import TypeAdapter  # ~0.2 s: only when a data file is validated

    return TypeAdapter(cls)


def validate(cls: type[T], data: object) -> T:
    """*data* (parsed YAML) as a *cls* instance, its nested entries validated too.

    Raises :class:`SchemaError` listing every problem pydantic found, each at its path;
    messages are worded as pydantic words them for a model (``Extra inputs are not
    permitted``), so they read the same as before the models became dataclasses.
    """
    from pydantic import ValidationError

    try:
        return _adapter(cls).validate_python(data)
    except ValidationError as exc:
        raise SchemaError(_problems(exc)) from None


def _problems(exc: ValidationError) -> list[Problem]:
    out: list[Problem] = []
    for err in exc.errors():
        loc, ctx = tuple(err["loc"]), err.get("ctx") or {}
        error = ctx.get("error")
        if isinstance(error, EntryError):
            out += [(loc + ((field,) if field else ()), msg) for field, msg in error.problems]
        elif err["type"] == "unexpected_keyword_argument":
            out.append((loc, "Extra inputs are not permitted"))
        elif err["type"] == "dataclass_type":
            out.append((loc, f"Input should be a valid dictionary or instance of "
                             f"{ctx.get('class_name', 'the model')}"))
        else:
            out.append((loc, err["msg"]))
    return out

"""Validating a curated data file into frozen dataclasses, with pydantic imported only here.

The data files' models (lab catalogue, knowledge packs, prevalence table) are stdlib
dataclasses: a warm start reads the validated objects back from the cache
(:func:`~osteodx.knowledge.memo_validated`), and unpickling a dataclass needs no pydantic
(importing it and building the models cost ~0.2 s per start). Pydantic still validates a
file when it is read for the first time or edited: :func:`validate` imports it then, and
reads the field types and the ``annotated_types`` bounds (``MinLen``, ``Gt``...) of the
dataclasses, and a field's own check (:class:`Pattern`, :class:`FieldCheck`: a LOINC check
digit) from its ``Annotated`` metadata, as it would run a model's field validator, so every
field's problems are reported together, each at its field. A check of the entry as a whole
(low <= high) lives in the class's ``__post_init__``, which pydantic calls once the fields
are valid; ``__post_init__`` also runs the field checks (:func:`check_fields`), so that an
entry made in code is held to them too.

>>> from osteodx.labs.models import HpoTerm
>>> validate(HpoTerm, {"hpo_id": "HP:0000001", "label": "All"})
HpoTerm(hpo_id='HP:0000001', label='All')
>>> validate(HpoTerm, {"hpo_id": "HP:1", "label": "", "colour": "red"})
Traceback (most recent call last):
...
osteodx.knowledge.validation.SchemaError: hpo_id: String should match pattern '^HP:\\d{7}$'; \
label: String should have at least 1 character; colour: Extra inputs are not permitted
>>> HpoTerm(hpo_id="HP:1", label="All")
Traceback (most recent call last):
...
osteodx.knowledge.validation.EntryError: hpo_id: String should match pattern '^HP:\\d{7}$'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

__all__ = ["FORBID", "ALLOW", "EntryError", "FieldCheck", "Pattern", "Problem", "SchemaError",
           "check_fields", "validate"]

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


@dataclass(frozen=True)
class Pattern:
    """``Annotated`` metadata: a string field must wholly match *regex* (pydantic's
    ``pattern``, with its message; no trailing newline slips through ``$``)."""

    regex: str

    def problem(self, value: str) -> str | None:
        """The message for a *value* that does not match, None for one that does."""
        if _compiled(self.regex).fullmatch(value):
            return None
        return f"String should match pattern '^{self.regex}$'"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)  # a str schema: pydantic checks the pattern itself
        schema["pattern"] = f"^{self.regex}$"
        return schema


@dataclass(frozen=True)
class FieldCheck:
    """``Annotated`` metadata: *check* (the field's value -> what is wrong, or None) run as
    pydantic runs a field validator after the field's type, the message worded alike."""

    check: Callable[[Any], str | None]

    def problem(self, value: Any) -> str | None:
        """The message for a *value* that fails the check, None for one that passes."""
        message = self.check(value)
        return None if message is None else f"Value error, {message}"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def after(value: Any) -> Any:
            message = self.check(value)
            if message is not None:
                raise ValueError(message)
            return value

        return core_schema.no_info_after_validator_function(after, handler(source))


def check_fields(entry: object, **checks: Pattern | FieldCheck) -> None:
    """Run each field's check on *entry* (its ``__post_init__``: one made in code, not by
    :func:`validate`); raise :class:`EntryError` with every problem found."""
    found = [(name, message) for name, c in checks.items()
             if (message := c.problem(getattr(entry, name))) is not None]
    if found:
        raise EntryError(found)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


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

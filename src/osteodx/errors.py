"""Errors that osteodx reports to its users.

Every problem with input is raised as :class:`InputError`, which names the
file, the field and the offending value so that the CLI can print one clear
line instead of a traceback.
"""

from __future__ import annotations

__all__ = ["OsteodxError", "InputError", "KnowledgeBaseError"]


class OsteodxError(Exception):
    """Base class for every error osteodx raises on purpose."""


class InputError(OsteodxError):
    """A case, a file or an argument that osteodx cannot use.

    >>> str(InputError("bad id", source="case.json", field="phenotypicFeatures[0].type.id",
    ...                value="HP:12"))
    "case.json: phenotypicFeatures[0].type.id = 'HP:12': bad id"
    """

    def __init__(
        self, message: str, *, source: str | None = None, field: str | None = None,
        value: object = None,
    ) -> None:
        self.message = message
        self.source = source
        self.field = field
        self.value = value
        super().__init__(self._render())

    def __reduce__(self) -> tuple[object, ...]:
        """Rebuilt whole in another process (a worker's error reaches the batch intact)."""
        return (_rebuild, (self.message, self.source, self.field, self.value))

    def _render(self) -> str:
        where = self.source or "<input>"
        if self.field is not None:
            where += f": {self.field}"
            if self.value is not None:
                where += f" = {_shown(self.value)}"
        return f"{where}: {self.message}"


def _rebuild(message: str, source: str | None, field: str | None, value: object
             ) -> InputError:
    return InputError(message, source=source, field=field, value=value)


#: a value longer than this is cut, with an ellipsis, in the one line of an error
VALUE_SHOWN = 60


def _shown(value: object) -> str:
    """*value*'s repr, cut: a 5,000-character id must not fill the terminal."""
    text = repr(value)
    return text if len(text) <= VALUE_SHOWN + 2 else text[:VALUE_SHOWN] + "\u2026"


class KnowledgeBaseError(OsteodxError):
    """The HPO release or a knowledge pack cannot be loaded."""

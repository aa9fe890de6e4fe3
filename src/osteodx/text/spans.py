"""How a text span is quoted in notes and sources: ``text[start:end] "the words"``, with a
line-end hyphenation joined and runs of white space made one."""

from __future__ import annotations

__all__ = ["quote", "span_note"]


def quote(text: str, start: int, end: int) -> str:
    """The words of ``text[start:end]`` on one line.

    >>> quote("scle-\\nrotic  bone", 0, 17)
    'sclerotic bone'
    """
    return " ".join(text[start:end].replace("-\n", "").split())


def span_note(text: str, start: int, end: int) -> str:
    """``text[start:end] "the words"``: where a finding came from."""
    return f'text[{start}:{end}] "{quote(text, start, end)}"'

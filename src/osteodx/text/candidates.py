"""The pieces the concept recogniser and its phrase variants share: dictionary entries,
candidate matches and the marker tokens of the word stream (kept apart so that
:mod:`osteodx.text.phrasing` and :mod:`osteodx.text.concepts` import them both)."""

from __future__ import annotations

import re
from typing import NamedTuple

from osteodx.text.normalise import COMMA, Token

__all__ = ["_Candidate", "_Entry"]

_ORDERED, _ACRONYM, _BAG, _COORD = 0, 1, 2, 3  # candidate kinds, by preference
_BREAK, _COMMA, _SLASH = "|", COMMA, "/"  # stream markers; nothing matches across _BREAK
_MARKERS = frozenset({"and", "or", _COMMA, _SLASH, _BREAK})
_CONJUNCTIONS = frozenset({"and", "or", _COMMA, _SLASH})
#: Words that may follow a noun phrase: the last conjunct of "A B and C" must end there.
_PHRASE_END = frozenset(
    "a an the of in on at to for by from with without as is are was were be been has have"
    " had that which who whom but than and or".split()
)
_NEXT_WORD = re.compile(r"\s*([^\W_]+)")


class _Entry(NamedTuple):
    rank: int
    hpo_id: str
    synonyms: tuple[str, ...]  # the dictionary strings (of this rank) giving the key
    label: str


class _Candidate(NamedTuple):
    start: int
    end: int
    kind: int
    entries: tuple[_Entry, ...]


def _conjuncts(items: list[Token], i: int, step: int) -> list[int]:
    """Indices of the words coordinated with a phrase, walking from ``i`` by ``step``.

    Comma lists ("A, B, and C D") count only when closed by 'and' / 'or' / '/'.
    """
    found: list[int] = []
    while 0 <= i < len(items) and items[i].norm in _CONJUNCTIONS:
        closing = False
        while 0 <= i < len(items) and items[i].norm in _CONJUNCTIONS:
            closing = closing or items[i].norm != _COMMA
            i += step
        if step == -1 and closing == bool(found):  # leftwards the 'and' comes first
            break
        if not 0 <= i < len(items) or items[i].norm == _BREAK:
            break
        found.append(i)
        if step == 1 and closing:
            return found
        i += step
    return found if step == -1 else []

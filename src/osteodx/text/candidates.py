"""The pieces the concept recogniser and its phrase variants share: dictionary entries,
candidate matches and the marker tokens of the word stream (kept apart so that
:mod:`osteodx.text.phrasing` and :mod:`osteodx.text.concepts` import them both)."""

from __future__ import annotations

from typing import NamedTuple

from osteodx.text.normalise import COMMA

__all__ = ["_Candidate", "_Entry"]

_ORDERED, _ACRONYM, _BAG, _COORD = 0, 1, 2, 3  # candidate kinds, by preference
_BREAK, _COMMA, _SLASH = "|", COMMA, "/"  # stream markers; nothing matches across _BREAK
_MARKERS = frozenset({"and", "or", _COMMA, _SLASH, _BREAK})


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

"""Sentence ends in speech written down without punctuation: a voicemail or a dictation
transcribed as one long run ("hi um it's Elif's mum ... she doesn't sweat she never sweats
... and her hearing's fine they checked it ..."). Read as one sentence, a negation or a
relative named at its start would reach every finding in it; so a long stretch without a
full stop is cut where speech starts a new statement: before a filler ("um", "erm"), before
"and" or "so" that opens a clause with its own subject ("and her eye", "so we have to"), and
before "oh".

>>> t = ("hi um it's her mum she never sweats not even in the summer and her hearing's fine "
...      "they checked it um she's nine and a half now and she's in a special class at school "
...      "so we have to put her in a cool bath when she gets hot and my husband wanted me to "
...      "ask about testing her brother")
>>> cuts = spoken_cuts(t, 0, len(t))
>>> for a, b in zip([0, *cuts], [*cuts, len(t)]):
...     print(t[a:b].strip())
hi
um it's her mum she never sweats not even in the summer
and her hearing's fine they checked it
um she's nine and a half now
and she's in a special class at school
so we have to put her in a cool bath when she gets hot
and my husband wanted me to ask about testing her brother
>>> spoken_cuts("She is well and her brother is well.", 0, 36)
[]
"""

from __future__ import annotations

import re

__all__ = ["spoken_cuts"]

#: a stretch this long without a full stop, question or exclamation mark is a run-on
RUN_ON = 250
#: where a spoken statement starts: a filler, or a conjunction opening a clause with its own
#: subject (a pronoun, a possessive or "the"), or "oh"
_STARTS = re.compile(
    r"\s(?=(?:um+|uh+|erm+|er|oh)\b"
    r"|(?:and|so|but)\s+(?:(?:then|now|also|um+|erm+)\s+)?(?:she|he|i|we|they|it|you|my|her|his"
    r"|our|their|the|me|there)(?:['’](?:s|m|re|ve|d|ll))?\b)", re.IGNORECASE)


def spoken_cuts(text: str, start: int, end: int) -> list[int]:
    """Positions in the sentence ``text[start:end]`` where a spoken run-on should end: none
    unless it is at least :data:`RUN_ON` characters long."""
    if end - start < RUN_ON:
        return []
    return [m.start() for m in _STARTS.finditer(text, start, end) if m.start() > start]

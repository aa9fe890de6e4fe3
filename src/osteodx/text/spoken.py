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


#: punctuation dictated as words: "... on my arms period I have had ...", "new paragraph family"
_DICTATED = re.compile(r"\s(?:period|full stop|new paragraph|new line|next paragraph)"
                       r"(?=\s+(?:i|she|he|we|they|my|her|his|our|their|the|and|but|so|it|there"
                       r"|also|then|family|thanks|thank)\b)", re.IGNORECASE)


#: "... until I was nearly 17 I also get eczema": "I" and a verb open a new statement, unless
#: a word before it joins it to the last ("that I have", "when I was")
_I_STARTS = re.compile(r"\s(?=i(?:'m|'ve|\s(?:also\s|still\s|never\s|always\s)?(?:get|got|have"
                       r"|had|am|was|do|did|don't|didn't|can't|cannot)\b))", re.IGNORECASE)
_JOINS = re.compile(r"\b(?:that|which|who|when|whenever|if|because|as|than|and|but|or|so|where"
                    r"|until|since|before|after|what|how|why|while|though|although|um+|erm+)$",
                    re.IGNORECASE)


def spoken_cuts(text: str, start: int, end: int) -> list[int]:
    """Positions in the sentence ``text[start:end]`` where a spoken run-on should end: none
    unless it is at least :data:`RUN_ON` characters long. A dictated "period" or "new
    paragraph" ends the statement before it (the cut falls after the word).

    >>> t = "i have had thrush for years " * 9 + "period I have had diarrhea on and off"
    >>> t[spoken_cuts(t, 0, len(t))[-1]:].strip()
    'I have had diarrhea on and off'
    """
    if end - start < RUN_ON:
        return []
    cuts = [m.start() for m in _STARTS.finditer(text, start, end) if m.start() > start]
    cuts += [m.start() for m in _I_STARTS.finditer(text, start, end)
             if m.start() > start and not _JOINS.search(text, max(start, m.start() - 12),
                                                           m.start())]
    return sorted({*cuts, *(m.end() for m in _DICTATED.finditer(text, start, end))})

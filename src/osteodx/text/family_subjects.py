"""Whose clause it is: the subject of a clause in a family-history sentence ("relative",
"patient" or None when the clause continues the previous one's subject). Used by
:mod:`osteodx.text.family` and :mod:`osteodx.text.relatives`."""

from __future__ import annotations

from osteodx.text.context import ParsedSentence
from osteodx.text.cues import Clause, CueHit
from osteodx.text.family_words import (
    _FINITE,
    _INFORMANT,
    _NOT_POSSESSOR,
    _OPENERS,
    _PATIENT,
)

__all__ = ["clause_subject"]


def clause_subject(p: ParsedSentence, rels: list[CueHit], clause: Clause) -> str | None:
    """"relative", "patient" (or informant, or any other noun subject), or None (none of its
    own: the clause continues the previous clause's subject)."""
    text = p.view.text
    verb = _FINITE.search(text, clause.start, clause.end)
    if verb is None or _OPENERS.fullmatch(text, clause.start, verb.start()):
        return None  # "but normal calcium levels", "and had scoliosis"
    who = "patient"
    starts = {h.start for h in rels}
    for h in p.hits:
        if not clause.start <= h.start < verb.start() or _NOT_POSSESSOR.search(text, 0, h.start):
            continue
        if h.start in starts:
            who = "relative"
        elif h.cue.kind == "anchor" and _PATIENT.match(h.text):
            who = "patient"
    if who == "relative" and any(_INFORMANT.match(text, h.end, clause.end)
                                 for h in rels if clause.start <= h.start < verb.start()):
        return "patient"  # "Her mother recalls ...": the patient's history
    return who

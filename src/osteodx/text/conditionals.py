"""A condition that runs on over the clauses that share its subject: "If she has a
temperature, is vomiting or won't feed: ring us" - the vomiting is as conditional as the
temperature, though a comma has closed the clause that "if" opened."""

from __future__ import annotations

import re

from osteodx.text.cues import Clause, CueHit

__all__ = ["opening_condition"]

#: the words that open a condition for a whole sentence
_OPENERS = frozenset({"if", "unless", "in case of"})


def opening_condition(text: str, hits: list[CueHit], clauses: list[Clause], ci: int
                      ) -> CueHit | None:
    """The "if" that opens the clause before clause *ci* (its subject's clause), when *ci*
    and every clause between have no subject of their own; None otherwise."""
    k = ci
    while k > 0 and clauses[k].subjectless:
        k -= 1
    if k == ci:
        return None
    first = clauses[k]
    return next((h for h in hits if h.cue.kind == "hypothetical" and first.start <= h.start
                 and h.text.lower() in _OPENERS
                 and re.fullmatch(r"[\s,;:(*-]*", text[first.start:h.start])), None)

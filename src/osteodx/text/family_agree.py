"""A relative said to be as the one before: "My dad is fine, and so is my brother Callum".

"... and so is my brother", "... and so does her sister", "... and neither does my mum":
the relative after "so" or "neither" shares the status of the relative the sentence has just
spoken of. The reader of each clause finds no finding of the second relative's own, so
without this step the relative would be lost.

>>> from osteodx.text.cues import Cue, CueHit
>>> text = "my dad is fine, and so is my younger brother callum (26)."
>>> dad = FamilyStatement("father", False, "fine", 0, len(text), text)
>>> at = text.index("brother")
>>> brother = CueHit(at, at + 7, "brother", Cue("relation", "clause", "brother"))
>>> [(s.relation, s.affected) for s in agreeing(text, [brother], [dad], (0, len(text), text))]
[('brother', False)]
"""

from __future__ import annotations

import re

from osteodx.text.cues import CueHit
from osteodx.text.family_statement import CONSANG_NOTES, FamilyStatement

__all__ = ["agreeing"]

#: "and so is my (younger) ", "so does her ", "and neither does his ", "nor has my " (view
#: text, right before the relation word)
_SO = re.compile(r"(?:\band\s|,\s|;\s|^)(?:so|neither|nor)\s(?:is|are|was|were|does|do|did|has"
                 r"|have|had)\s(?:(?:my|our|her|his|their|the)\s)?(?:(?:younger|older|little|big"
                 r"|elder|eldest|youngest|baby|twin|half-)\s?)?$")


def agreeing(view: str, rels: list[CueHit], found: list[FamilyStatement],
             span: tuple[int, int, str]) -> list[FamilyStatement]:
    """Statements for the relatives of *rels* that the sentence (view text *view*) says are
    "so" as the relative of the statement before them (*found*), and who have none yet."""
    said = {s.relation for s in found}
    out = []
    health = [s for s in found if s.note not in CONSANG_NOTES]
    for h in rels:
        if h.cue.value in said or not _SO.search(view, max(0, h.start - 40), h.start):
            continue
        if not health:
            continue
        before = health[-1]
        out.append(FamilyStatement(h.cue.value, before.affected, before.finding_text, *span,
                                   before.note, before.similar))
        said.add(h.cue.value)
    return out

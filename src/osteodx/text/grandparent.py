"""A grandparent writing about a grandchild: "our son" is then an uncle or the father.

Grandparents raising a grandchild write to the clinic in their own voice ("I'm writing about
our grandson, Alfie ... His mum is our daughter Kelly"). Their relatives are one generation
up from the patient's: the writer's daughter is the patient's mother when the text says she
is the child's mother, and the writer's son is then a maternal uncle; the writer's wife is a
grandmother, on the side of the parent who is the writers' child. Relatives that cannot be
placed from the text (a son when the text never says which of the writers' children is the
parent, the writer's cousin) are left out rather than guessed; the writer's brother is a
great-uncle.

>>> text = "About our grandson Alfie. His mum is our daughter Kelly. Our son Rhys is fine."
>>> grandparent_narrator(text), grandchild_side(text)
(True, ('maternal', 'kelly'))
>>> grandchild_relation(text, "son", "Rhys"), grandchild_relation(text, "daughter", "Kelly")
('maternal uncle', 'mother')
>>> grandchild_relation(text, "wife"), grandchild_relation(text, "brother")
('maternal grandmother', 'maternal great-uncle')
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from osteodx.text.cues import Cue, CueHit

__all__ = ["from_grandchild", "grandchild_relation", "grandchild_side", "grandparent_narrator"]

#: the writer names the patient as their grandchild: "our grandson, Alfie Evans"
_GRANDCHILD = re.compile(r"\b(?:my|our)\s(?:(?:little|baby|youngest|eldest|only|first)\s)?"
                         r"(?:grandson|granddaughter|grandchild|grandbaby|grandkid|grandboy"
                         r"|grandgirl)\b", re.IGNORECASE)
#: the writer names the patient as their own child: a parent's account, read elsewhere
_OWN_CHILD = re.compile(r"\b(?:my|our)\s(?:(?:little|baby|youngest|eldest|only)\s)?"
                        r"(?:son|daughter|boy|girl|child)\b", re.IGNORECASE)
_MOTHER = r"(?:mum|mom|mam|mummy|mommy|mother|mama|mamma)"
_FATHER = r"(?:dad|daddy|father|papa|da)"
_ORDER = r"(?:(?:eldest|oldest|youngest|older|younger|elder|middle|only|other)\s)?"


def _named(group: str) -> str:
    """An optional first name after the word: ", Kelly" / " Kelly"."""
    return rf"(?:,?\s(?P<{group}>(?-i:[A-Z][a-z]{{2,}})))?"



#: which of the writers' children is the patient's parent: "His mum is our daughter Kelly",
#: "our son Mark, Ella's dad, ...", "our daughter's little boy"
_SIDES = (
    ("maternal", re.compile(
        rf"\b(?:his|her|their|(?-i:[A-Z][a-z]+)'s)\s{_MOTHER}\s(?:is|was)\s(?:my|our)\s{_ORDER}"
        rf"daughter{_named('a')}"
        rf"|\b(?:my|our)\s{_ORDER}daughter{_named('b')},?\s(?:is\s)?(?:his|her|their"
        rf"|(?-i:[A-Z][a-z]+)'s)\s{_MOTHER}\b"
        r"|\b(?:my|our)\s(?:daughter's|daughters)\s(?:(?:little|baby|only|eldest|youngest)\s)?"
        r"(?:son|daughter|boy|girl|child|baby)\b"
        # "my daughter Inês (34) and her husband Tiago": she is the mother
        r"|\b(?:my|our)\sdaughter(?:,?\s(?-i:[A-Z])\w+)?(?:\s\(\d+\))?,?\sand\sher\s(?:husband"
        r"|partner)\b", re.IGNORECASE)),
    ("paternal", re.compile(
        rf"\b(?:his|her|their|(?-i:[A-Z][a-z]+)'s)\s{_FATHER}\s(?:is|was)\s(?:my|our)\s{_ORDER}"
        rf"son{_named('a')}"
        rf"|\b(?:my|our)\s{_ORDER}son{_named('b')},?\s(?:is\s)?(?:his|her|their"
        rf"|(?-i:[A-Z][a-z]+)'s)\s{_FATHER}\b"
        r"|\b(?:my|our)\s(?:son's|sons)\s(?:(?:little|baby|only|eldest|youngest)\s)?"
        r"(?:son|daughter|boy|girl|child|baby)\b"
        r"|\b(?:my|our)\sson(?:,?\s(?-i:[A-Z])\w+)?(?:\s\(\d+\))?,?\sand\shis\s(?:wife"
        r"|partner)\b", re.IGNORECASE)),
)
#: the writer's relative -> the grandchild's, given the side of the writers' child who is
#: the parent ("son"/"daughter" are placed by :func:`grandchild_relation`)
_UP_ONE = {"husband": "grandfather", "wife": "grandmother", "partner": "grandparent"}
#: the writer's parents and siblings, two generations up from the patient
_UP_TWO = {"brother": "great-uncle", "sister": "great-aunt", "mother": "great-grandmother",
           "father": "great-grandfather"}
#: the writer's own kin who are no near relative of the patient, or the patient: left out
_UNPLACED = frozenset({"sibling", "parents",
                       "grandmother", "grandfather", "uncle", "aunt", "cousin", "nephew",
                       "niece", "child", "children", "grandson", "granddaughter", "grandchild"})


@lru_cache(maxsize=16)
def grandparent_narrator(text: str) -> bool:
    """Is the text a grandparent's own account of a grandchild? The grandchild must be
    named as theirs before any child of the writer is ("our grandson, Alfie ... His mum is
    our daughter"), and the writer must speak in the first person."""
    grand = _GRANDCHILD.search(text)
    if grand is None:
        return False
    own = _OWN_CHILD.search(text)
    if own is not None and own.start() < grand.start():
        return False
    return len(re.findall(r"\b(?:I|[Mm]y|[Ww]e|[Oo]ur|us)\b", text)) >= 3


@lru_cache(maxsize=16)
def grandchild_side(text: str) -> tuple[str, str] | None:
    """The side of the patient's parent who is the writers' child, and that child's name
    (lower-cased, "" when not given); None when the text does not say, or says both."""
    found = [(side, (m.group("a") or m.group("b") or "").lower())
             for side, rx in _SIDES if (m := rx.search(text))]
    return found[0] if len(found) == 1 else None


def grandchild_relation(text: str, relation: str, name: str = "", other: bool = False
                        ) -> str | None:
    """The patient's relation for the grandparent writer's *relation* (the writer's
    "daughter", "wife", "brother"), *name* the first name given with it, *other* when the
    writer says "our other daughter"; None when it cannot be placed. *relation* itself when
    it is not a word for the writer's kin."""
    side = grandchild_side(text)
    for up in (_UP_ONE, _UP_TWO):
        if relation in up:
            return f"{side[0]} {up[relation]}" if side else up[relation]
    if relation in ("son", "daughter"):
        if side is None:
            return None
        parent_word = "daughter" if side[0] == "maternal" else "son"
        same = not name or not side[1] or name.lower() == side[1]
        if relation == parent_word and same and not other:
            return "mother" if relation == "daughter" else "father"
        return f"{side[0]} {'uncle' if relation == 'son' else 'aunt'}"
    if relation in _UNPLACED:
        return None
    return relation


#: "my" / "our" (and a word of order) right before a relation word
_MINE = re.compile(r"\b(?:my|our)\s(?P<order>(?:younger|older|little|big|elder|eldest|youngest"
                   r"|late|own|other)\s)?$", re.IGNORECASE)
_RESTATED = re.compile(rf"\b(?:{_MOTHER}|{_FATHER})\s(?:is|was)\s$", re.IGNORECASE)
_NAME_AFTER = re.compile(r",?\s(?P<name>[A-Za-z]{3,})\b")


def from_grandchild(report: str, text: str, rels: list[CueHit],
                    names: Collection[str] = ()) -> list[CueHit]:
    """The relation cues of a sentence *text* (lower-cased) of a grandparent's *report*,
    re-read from the grandchild (*names*: the relatives' lower-cased first names):
    "our son Rhys" a maternal uncle, "my wife" a grandmother; the writer's relatives that
    cannot be placed are dropped."""
    out = []
    for h in rels:
        mine = _MINE.search(text, max(0, h.start - 30), h.start)
        if mine is None:
            out.append(h)
            continue
        if _RESTATED.search(text, max(0, h.start - 60), mine.start()):
            continue  # "His mum is our daughter Kelly": the mother, named already
        m = _NAME_AFTER.match(text, h.end)
        name = m.group("name").lower() if m and m.group("name").lower() in names else ""
        other = (mine.group("order") or "").strip().lower() == "other"
        rel = grandchild_relation(report, h.cue.value, name, other)
        if rel == h.cue.value:
            out.append(h)
        elif rel is not None:
            out.append(CueHit(h.start, h.end, h.text, Cue("relation", "clause", rel)))
    return out

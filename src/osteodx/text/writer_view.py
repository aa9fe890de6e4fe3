"""Relatives named from the writer's side, re-read from the patient's.

A parent's "my brother" is the patient's uncle (:mod:`osteodx.text.narrator`), a letter to a
mother's "your brother" likewise, and a grandparent's "our son" an uncle or the father
(:mod:`osteodx.text.grandparent`). :mod:`osteodx.text.family` asks this module once per
sentence, so that every later step reads relatives as the patient's.

>>> from osteodx.text.cues import Cue, CueHit
>>> report = "I am writing about my son Leo. My brother died young. I think he is ill."
>>> hit = CueHit(3, 10, "brother", Cue("relation", "clause", "brother"))
>>> [h.cue.value for h in from_writer(report, "my brother died young.", [hit])]
['uncle']
"""

from __future__ import annotations

import re
from collections.abc import Collection

from osteodx.text.cues import Cue, CueHit
from osteodx.text.grandparent import from_grandchild, grandparent_narrator
from osteodx.text.narrator import (
    MY,
    YOUR,
    parent_addressed,
    parent_narrator,
    parent_written_about,
    relation_for_child,
    stepparent_narrator,
    the_child,
)
from osteodx.text.spouse import spouse_narrator, spouse_relation

__all__ = ["from_writer"]


def from_writer(report: str, text: str, rels: list[CueHit], names: Collection[str] = ()
                ) -> list[CueHit]:
    """The relation cues *rels* of the sentence *text* (view text) of *report*, each as the
    patient's relative; the writer's relatives that cannot be placed are dropped. *names*
    are the relatives' lower-cased first names."""
    if parent_narrator(report):  # a mother's account: "my brother" is the child's uncle
        if stepparent_narrator(report):  # a stepmother's brother is no kin of the child
            rels = [h for h in rels if not (h.cue.value in _BLOOD_OF_WRITER
                                            and MY.search(text, max(0, h.start - 20), h.start))]
        return _and_i(text, _from_child(text, rels, the_child(report), MY), _OTHER_PARENT)
    if parent_addressed(report):  # a letter to a mother: "your brother" is the uncle
        return _from_child(text, rels, None, YOUR)
    if (spouse := spouse_narrator(report)) is not None:  # a wife's "my brother": no kin
        return _from_spouse(text, rels, spouse)
    if grandparent_narrator(report):  # "His mum is our daughter ... our son": an uncle
        return _and_i(text, from_grandchild(report, text, rels, names), _OTHER_GRANDPARENT)
    if (parent := parent_written_about(report)) is not None:  # a young carer's "my dad"
        return _from_parent(text, rels, parent)
    return rels


#: the writer's own kin, no blood relatives of a stepchild (her husband, his father, is)
_BLOOD_OF_WRITER = frozenset({"mother", "father", "parents", "brother", "sister", "sibling",
                              "siblings", "grandmother", "grandfather", "grandparents", "aunt",
                              "uncle", "cousin", "nephew", "niece"})


#: a child writing about their father: the writer's relatives -> the father's
_FROM_PARENT = {"brother": "son", "sister": "daughter", "aunt": "sister", "uncle": "brother",
                "grandmother": "mother", "grandfather": "father", "grandparents": "parents"}


#: the patient's own sibling in a child's account of a parent: "his brother", "Dad's sister"
_PATIENTS_OWN = re.compile(r"\b(?:his|her|(?:my\s)?(?:dad|father|mum|mom|mother)['\u2019]s)\s"
                           r"(?:(?:older|younger|elder|big|little|twin|only|late)\s)?$",
                           re.IGNORECASE)


def _from_parent(text: str, rels: list[CueHit], parent: str) -> list[CueHit]:
    """The relation cues of a child's account of *parent* ("mother" or "father"), the
    patient: the writer's brother is the patient's son, "Dad's sister" and "his brother" his
    own; the writer's other parent and that parent's side are no blood relatives of the
    patient, and a grandparent or cousin not said to be on the patient's side cannot be
    placed."""
    own = "paternal" if parent == "father" else "maternal"
    out = []
    for h in rels:
        side, _, kin = h.cue.value.rpartition(" ")
        if side in ("maternal", "paternal") and side != own:
            continue  # the other parent's family
        if not side and kin in ("brother", "sister") and _PATIENTS_OWN.search(
                text, max(0, h.start - 30), h.start):
            out.append(h)  # "his brother has it too": the patient's brother
            continue
        rel = _FROM_PARENT.get(kin) if side == own or kin in ("brother", "sister") else None
        if kin == "family members":
            rel = kin
        if rel is not None:
            out.append(CueHit(h.start, h.end, h.text, Cue("relation", "clause", rel)))
    return out


#: the writer named after a relative: "my husband Dan (42) and I (40) are both carriers",
#: "Maisie's dad Lee (44) and I (41)", "My wife Graça (69) and I are well"
_AND_I = re.compile(r"(?:\s[\w'-]+)?(?:\s?\([^()]{1,20}\))?,?\sand\s(?P<i>i|me)\b")
_OTHER_PARENT = {"father": "mother", "mother": "father"}
_OTHER_GRANDPARENT = {f"{side}{a}": f"{side}{b}" for side in ("maternal ", "paternal ", "")
                      for a, b in (("grandfather", "grandmother"), ("grandmother", "grandfather"))}


def _and_i(text: str, rels: list[CueHit], other: dict[str, str]) -> list[CueHit]:
    """The writer as a relative too, where they name themself beside their partner: in a
    parent's account "her dad Lee and I" are both parents."""
    out = list(rels)
    for h in rels:
        if h.cue.value in other and (m := _AND_I.match(text, h.end)) is not None and not any(
                o.start < m.end() and o.end > h.end for o in rels):
            out.append(CueHit(m.start("i"), m.end("i"), m.group("i"),
                              Cue("relation", "clause", other[h.cue.value])))
    return sorted(out)


def _from_child(text: str, rels: list[CueHit], child: str | None, owner: re.Pattern[str]
                ) -> list[CueHit]:
    out = []
    for h in rels:
        rel = relation_for_child(text, h.start, h.cue.value, child, owner)
        if rel == h.cue.value:
            out.append(h)
        elif rel is not None:
            out.append(CueHit(h.start, h.end, text[h.start:h.end], Cue("relation", "clause", rel)))
    return out


def _from_spouse(text: str, rels: list[CueHit], spouse: str) -> list[CueHit]:
    """The relation cues of a spouse's letter (:func:`osteodx.text.spouse.spouse_relation`):
    the writer's own relatives dropped, the patient's kept."""
    out = []
    for h in rels:
        rel = spouse_relation(text, h.start, h.cue.value, spouse)
        if rel is not None:
            out.append(h)
    return out

"""A family statement as the extracted phenopacket records it: its status judged against
the patient's own findings.

A relative "affected" by a condition that has nothing to do with the patient's (a father's
type 2 diabetes in a report about a skeletal dysplasia) is recorded with status unknown and
the condition named. A relative whose condition is told in lay words the recogniser does not
read ("very hard bones", "a gland removed from her neck") stays affected: no grounds to judge.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from osteodx.engine.finding_vectors import opposites_of
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY
from osteodx.text.family import FamilyStatement
from osteodx.text.spans import span_note
from osteodx.text.vocabulary import recognizer_for

__all__ = ["family_entry"]

_CONSANGUINITY = {"consanguineous": True, "not consanguineous": False}


def family_entry(fs: FamilyStatement, text: str, kb: KnowledgeBase,
                 observed: list[str]) -> dict[str, Any]:
    """One family statement; a relative with a *different* condition is not "affected".

    "Her brother has the same bone disease" or "her mother also has scoliosis" (the
    patient has scoliosis) make the relative affected; "Father - T2DM" in a report about
    a skeletal dysplasia says nothing about the patient's disorder, so the relative's
    status is unknown and the note names the other condition. Related: a term of the
    relative's and an observed finding of the patient's share an informative ancestor
    (kidney failure and proteinuria; early loss of a milk tooth and premature loss of
    teeth), not only the root or a whole organ system such as the skeleton."""
    affected, note = fs.affected, fs.note
    if affected is False and _born_without(kb, fs.finding_text):
        affected = True  # "her uncle was born without thumbs": the word says what is absent
    if affected and _UNCONNECTED.search(text, fs.start, fs.end):
        affected = None  # "... had difficulty conceiving; we do not think this is connected"
        note = "; ".join(filter(None, [note, f"thought unconnected: {fs.finding_text}"]))
    if affected and not fs.similar and fs.finding_text:
        onto = kb.ontology
        theirs = {m.hpo_id for m in recognizer_for(kb).find(fs.finding_text)
                  if onto.is_a(m.hpo_id, PHENOTYPIC_ABNORMALITY)}
        related = any(_related(kb, t, o) for t in theirs for o in observed)
        if not theirs and _SAID_WELL.search(fs.finding_text):
            affected = False  # "Maya is 4 and healthy, she's in the Wombats room": well, and
            # nothing else said of her health
        elif theirs and not related:  # nothing recognised: no grounds to judge
            affected = None
            note = "; ".join(filter(None, [note, f"other condition: {fs.finding_text}"]))
    return {"relation": fs.relation, "affected": affected, "finding": fs.finding_text,
            "consanguineous": _CONSANGUINITY.get(fs.note), "similar": fs.similar,
            "source": span_note(text, fs.start, fs.end), "note": note}


#: the writer saying a relative is well ("healthy", "fine", "well", "no symptoms")
_SAID_WELL = re.compile(r"\b(?:healthy|fine|(?<!as )well|unaffected|no (?:symptoms|problems))\b",
                        re.IGNORECASE)
#: the words of a recognised absence: "without thumbs", "no radius", "lacks both patellae"
_LACKING = re.compile(r"(?:without|no|lacks|lacking|lacked)\b", re.IGNORECASE)


def _born_without(kb: KnowledgeBase, finding: str) -> bool:
    """Whether the relative's "without" or "no" names a missing part (*Absent thumb*),
    not the absence of a problem."""
    return bool(finding) and any(_LACKING.match(m.text)
                                 for m in recognizer_for(kb).find(finding))


#: the writer judging a relative's condition unrelated to the patient's
_UNCONNECTED = re.compile(r"\b(?:not|unlikely to be|doubt (?:that )?(?:this|it) is)\s"
                          r"(?:\w+\s){0,3}?(?:connected|related|linked|relevant)\b",
                          re.IGNORECASE)


#: information content (natural log) a shared ancestor needs for two findings to be related;
#: organ systems such as "Abnormality of the skeletal system" (0.6) are below it
_RELATED_IC = 1.5


#: information content a finding needs to be related to a finding below it: a relative's
#: "seizures" (1.39) and the patient's infantile spasms, not "a heart problem" in general
_SUBSUMES_IC = 1.0


def _related(kb: KnowledgeBase, a: str, b: str) -> bool:
    """Two findings of one kind; never opposites ("high cholesterol" in the mother of a
    patient with hypocholesterolaemia), which share an informative parent."""
    onto = kb.ontology
    ia, ib = onto.index[a], onto.index[b]
    for x, y in ((ia, ib), (ib, ia)):
        if any(o == x or onto.is_a(onto.ids[x], onto.ids[o]) for o in opposites_of(kb, y)):
            return False
    common = np.intersect1d(onto.ancestors(ia), onto.ancestors(ib))
    if not len(common):
        return False
    best = float(kb.ic[common].max())
    if best >= _RELATED_IC:
        return True
    # one is the other's ancestor: the shared term is the more general finding itself
    return best >= _SUBSUMES_IC and (ia in common or ib in common)



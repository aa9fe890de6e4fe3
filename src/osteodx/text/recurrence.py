"""A joint's dislocation counted in the text is a recurrent dislocation.

"I've dislocated my right shoulder three times", "her kneecap has dislocated twice",
"four patellar dislocations": a count of more than one dislocation of the same joint is
HPO's recurrent form of that dislocation (Recurrent shoulder dislocation, Recurrent
patellar dislocation) when the ontology has one - a child of both the matched term and
Recurrent joint dislocation (HP:0031869).

A fracture counted the same way, or by an ordinal ("a second low-trauma fracture of the
left femur", "another fracture"), also says the patient has had Recurrent fractures
(HP:0002757): :func:`counted_fracture`.
"""

from __future__ import annotations

import re

from osteodx.ontology.graph import Ontology

__all__ = ["RECURRENT_FRACTURES", "counted_fracture", "recurrent_form"]

#: Recurrent joint dislocation: its children are the recurrent forms of each joint's
RECURRENT_DISLOCATION = "HP:0031869"
JOINT_DISLOCATION = "HP:0001373"
BONE_FRACTURE = "HP:0020110"
RECURRENT_FRACTURES = "HP:0002757"

_MANY = (r"(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|numerous"
         r"|a few|a number of|[2-9]|[1-9][0-9])")
#: a count after the dislocation: "... three times", "twice", "on two occasions", "repeatedly"
_COUNT_AFTER = re.compile(
    rf"[ \t]*(?:(?:now|already|so far|in total)[ \t]+)?(?:twice|thrice|repeatedly"
    rf"|{_MANY}[ \t]+times|on[ \t]+{_MANY}[ \t]+occasions|again and again)\b",
    re.IGNORECASE)
#: a count before a plural dislocation: "three shoulder dislocations"
_COUNT_BEFORE = re.compile(rf"\b{_MANY}[ \t]+$", re.IGNORECASE)
#: an ordinal before a fracture, up to two words between: "a second low-trauma fracture",
#: "her third femoral fracture", "another fracture", "a further fracture"
_ORDINAL_BEFORE = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|another|(?<=a )further"
    r"|repeat|recurrent)(?:[ \t]+[a-z][a-z-]*){0,2}[ \t]+$", re.IGNORECASE)


def recurrent_form(text: str, start: int, end: int, hpo_id: str, onto: Ontology) -> str:
    """The recurrent form of the dislocation *hpo_id* matched at ``text[start:end]`` when
    the text counts more than one; otherwise *hpo_id* itself.

    >>> from osteodx.kb.load import load_knowledge_base
    >>> onto = load_knowledge_base().ontology
    >>> t = "I've dislocated my right shoulder three times."
    >>> recurrent_form(t, 5, 33, "HP:0003834", onto)
    'HP:0031610'
    >>> recurrent_form("I dislocated my shoulder in 2019.", 2, 24, "HP:0003834", onto)
    'HP:0003834'
    """
    if not onto.is_a(hpo_id, JOINT_DISLOCATION) or onto.is_a(hpo_id, RECURRENT_DISLOCATION):
        return hpo_id
    counted = bool(_COUNT_AFTER.match(text, end)) or (
        text[start:end].lower().endswith("dislocations")
        and bool(_COUNT_BEFORE.search(text, max(0, start - 20), start)))
    if not counted:
        return hpo_id
    index = onto.index.get(hpo_id)
    if index is None:
        return hpo_id
    for child in onto.children(index):
        cid = onto.ids[child]
        if onto.is_a(cid, RECURRENT_DISLOCATION):
            return cid
    return hpo_id


def counted_fracture(text: str, start: int, end: int, hpo_id: str, onto: Ontology) -> bool:
    """Whether the fracture *hpo_id* matched at ``text[start:end]`` is counted as one of
    several: an ordinal before it ("a second low-trauma fracture of the femur") or a count
    after it ("fractured his wrist three times").

    >>> from osteodx.kb.load import load_knowledge_base
    >>> onto = load_knowledge_base().ontology
    >>> t = "after a second low-trauma fracture of the left femur"
    >>> counted_fracture(t, 26, 52, "HP:0031846", onto)
    True
    >>> counted_fracture("after a low-trauma fracture of the left femur", 19, 45,
    ...                  "HP:0031846", onto)
    False
    """
    if not onto.is_a(hpo_id, BONE_FRACTURE) or hpo_id == RECURRENT_FRACTURES:
        return False
    return bool(_COUNT_AFTER.match(text, end)
                or _ORDINAL_BEFORE.search(text, max(0, start - 60), start))

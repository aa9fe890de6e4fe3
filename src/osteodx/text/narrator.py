"""A parent writing about their child: "my brother" is then the child's uncle.

A mother's or father's own account ("Leo is my son ...", "our daughter") names relatives
from the writer's side. Each "my <relative>" is re-read from the child's side so that the
family history is the patient's: the writer's brother is an uncle, her mother a
grandmother, her husband the child's father. "my son" / "my daughter" is the patient.

>>> parent_narrator("I am writing about my son Leo. My brother died young.")
True
>>> parent_narrator("His mother says my advice helped.")
False
>>> child_relation("brother"), child_relation("husband"), child_relation("son")
('uncle', 'father', None)
"""

from __future__ import annotations

import re

__all__ = ["parent_narrator", "child_relation", "writers_own", "MY"]

#: the writer names the patient as their child
_PARENT = re.compile(r"\b(?:my|our)\s(?:(?:little|baby|youngest|eldest|older|younger|only)\s)?"
                     r"(?:son|daughter|baby|boy|girl|child)\b|\bwritten by (?:his|her|their"
                     r"|[A-Z][a-z]+'s) (?:mum|mom|mother|dad|father|parents?)\b", re.IGNORECASE)
#: "my" ("our") right before a relation word (the hit's text may start after it)
MY = re.compile(r"\b(?:my|our)\s(?:(?:younger|older|little|big|elder|eldest|youngest|late"
                r"|own)\s)?$", re.IGNORECASE)
#: the writer's relative -> the child's
_FROM_CHILD = {"brother": "uncle", "sister": "aunt", "mother": "grandmother",
               "father": "grandfather", "parents": "grandparents", "husband": "father",
               "wife": "mother", "partner": "parents", "son": None, "daughter": None,
               "child": None, "children": None, "grandmother": None, "grandfather": None,
               "uncle": None, "aunt": None, "cousin": "cousin", "sibling": "uncle"}


def parent_narrator(text: str) -> bool:
    """Is the text a parent's own account of their child?"""
    return bool(_PARENT.search(text)) and len(
        re.findall(r"\b(?:I|[Mm]y|[Ww]e|[Oo]ur|us)\b", text)) >= 3


def child_relation(relation: str) -> str | None:
    """The child's relation for the writer's *relation* ("brother" -> "uncle"); None when
    it is the child or cannot be placed (the writer's grandmother)."""
    return _FROM_CHILD.get(relation, relation)


#: the writer as the subject of what follows: "I had diabetes in the pregnancy", "I have
#: hypothyroidism" (not "I noticed he had a rash": the child is named in between)
_WRITER_SUBJECT = re.compile(r"\bI(?:\s+(?:also|too|myself|then|later|still))?\s+(?:had|have|'ve"
                             r"(?:\s+had)?|was|am|'m|developed|got|suffered|suffer|needed)\b"
                             r"(?![^.;]*\b(?:he|she|his|her|him|they|their)\b)[^.;]*$")


def writers_own(text: str, sentence_start: int, start: int) -> bool:
    """In a parent's account, is the finding at *start* the writer's own ("For what it's
    worth I had diabetes in the pregnancy")? The caller checks :func:`parent_narrator`.

    >>> writers_own("I had diabetes in the pregnancy.", 0, 6)
    True
    >>> writers_own("I noticed he had a rash.", 0, 18)
    False
    """
    return _WRITER_SUBJECT.search(text, sentence_start, start) is not None
